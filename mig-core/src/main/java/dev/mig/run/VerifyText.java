package dev.mig.run;

import dev.mig.verify.TableVerdict;
import java.util.StringJoiner;

/** One-line summaries of a verify result, for messages. */
public final class VerifyText {
    private VerifyText() {
    }

    /** "table orders: 10 old rows, 9 new rows (missing: 42|'x'); ..." for the tables that differ. */
    public static String summary(VerifyRun.Result r) {
        StringJoiner out = new StringJoiner("; ");
        for (TableVerdict t : r.tables()) {
            if (!t.equal()) {
                String detail = "table " + t.table() + ": " + t.oldRows() + " old rows, " + t.newRows() + " new rows";
                if (!t.oldOnly().isEmpty()) {
                    detail += ", missing in new: " + String.join(", ", t.oldOnly());
                }
                if (!t.newOnly().isEmpty()) {
                    detail += ", only in new: " + String.join(", ", t.newOnly());
                }
                out.add(detail);
            }
        }
        return out.toString();
    }
}
