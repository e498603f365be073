package dev.mig.api;

/**
 * How {@code mig migrate} runs.
 *
 * @param offline          nothing writes to the old database: copy without capture and make the new
 *                         database ready in the same run
 * @param maxRowsPerSecond copy at most this many rows per second, averaged over each table (0: as fast as
 *                         it goes), so that the copy's reads leave the disk to the application
 * @param chunkMillis      the time one copy chunk (one transaction) aims at; shorter chunks hold the old
 *                         database's read lock for less time at once, which a rollback-journal
 *                         application's writers wait for
 */
public record MigrateOptions(boolean offline, long maxRowsPerSecond, long chunkMillis) {

    /** What a chunk aims at by default: long enough to amortise a transaction, short for a waiting writer. */
    public static final long CHUNK_MILLIS = 75;

    public MigrateOptions {
        if (maxRowsPerSecond < 0) {
            throw new IllegalArgumentException("maxRowsPerSecond " + maxRowsPerSecond);
        }
        if (chunkMillis < 1) {
            throw new IllegalArgumentException("chunkMillis " + chunkMillis);
        }
    }

    /** Unthrottled, default chunks; {@code offline} as given. */
    public static MigrateOptions of(boolean offline) {
        return new MigrateOptions(offline, 0, CHUNK_MILLIS);
    }
}
