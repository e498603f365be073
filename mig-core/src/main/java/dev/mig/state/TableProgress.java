package dev.mig.state;

import java.util.List;

/**
 * The copy's progress for one table.
 *
 * @param cursor the last copied source key (its values in key order), empty before the first chunk
 */
public record TableProgress(String table, long rowsTotal, long rowsCopied, boolean done, long copyMs,
                            List<Object> cursor) {
    public TableProgress {
        cursor = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cursor));
    }
}
