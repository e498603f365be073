package dev.mig.copy;

/**
 * Picks the next chunk's row count so that a chunk takes about {@link #TARGET_MILLIS}: long enough to
 * amortise the per-transaction cost, short enough that an application writer (which waits for the
 * copy's read lock in rollback-journal mode) or a WAL checkpoint is never held up for long.
 */
final class ChunkSizer {

    static final long TARGET_MILLIS = 75;
    static final int MIN_ROWS = 100;
    static final int MAX_ROWS = 200_000;

    private int rows;

    ChunkSizer(int initialRows) {
        this.rows = clamp(initialRows);
    }

    int rows() {
        return rows;
    }

    /** Adjusts after a chunk of {@code copied} rows took {@code millis}; grows or shrinks at most 2x per step. */
    void record(long copied, long millis) {
        if (copied < rows) {
            return; // a short last chunk says nothing about speed
        }
        double perRow = Math.max(millis, 1) / (double) copied;
        double ideal = TARGET_MILLIS / perRow;
        rows = clamp((int) Math.max(rows / 2.0, Math.min(rows * 2.0, ideal)));
    }

    private static int clamp(int n) {
        return Math.max(MIN_ROWS, Math.min(MAX_ROWS, n));
    }
}
