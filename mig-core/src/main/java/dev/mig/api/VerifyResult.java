package dev.mig.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;

/**
 * What verify found: a verdict per table, compared at change-log position {@code logPosition}.
 *
 * @param atCutover after cutover: the comparison is the one the cutover was made on, at
 *                  {@code logPosition}, recorded then (no table verdicts: the new database is the
 *                  application's now, and its writes would differ from the old file's)
 */
public record VerifyResult(Path source, Path target, long logPosition, List<TableVerdict> tables, boolean atCutover) {

    /** A comparison made now. */
    public VerifyResult(Path source, Path target, long logPosition, List<TableVerdict> tables) {
        this(source, target, logPosition, tables, false);
    }

    @JsonProperty
    public boolean equal() {
        return tables.stream().allMatch(TableVerdict::equal);
    }

    /** "table orders: 10 old rows, 9 new rows, missing in new: 42|'x'; ..." for the tables that differ. */
    public String summary() {
        StringJoiner out = new StringJoiner("; ");
        for (TableVerdict t : tables) {
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
