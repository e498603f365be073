package dev.mig.copy;

import dev.mig.schema.RowKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * SQL conditions over a source key, with {@code ?} parameters: {@code key > (cursor)} and
 * {@code key <= (upper)}. Row values make composite keys compare in index order.
 */
final class KeyRange {

    private final RowKey key;

    KeyRange(RowKey key) {
        this.key = key;
    }

    String after() {
        return key.rowValue(null) + " > " + params();
    }

    String upTo() {
        return key.rowValue(null) + " <= " + params();
    }

    /** {@code cursor < key <= upper}; an empty cursor means from the first row. */
    String between(List<Object> cursor) {
        return cursor.isEmpty() ? upTo() : after() + " AND " + upTo();
    }

    /** Parameters for {@link #between}: the cursor's values (if any), then the upper bound's. */
    static List<Object> betweenParams(List<Object> cursor, List<Object> upper) {
        List<Object> out = new ArrayList<>(cursor);
        out.addAll(upper);
        return out;
    }

    String orderBy(boolean descending) {
        List<String> terms = new ArrayList<>();
        for (String c : key.columns()) {
            String term = new RowKey(List.of(c), key.rowid()).terms(null);
            terms.add(descending ? term + " DESC" : term);
        }
        return String.join(", ", terms);
    }

    private String params() {
        String p = String.join(", ", Collections.nCopies(key.size(), "?"));
        return key.size() == 1 ? p : "(" + p + ")";
    }
}
