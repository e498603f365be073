package dev.mig.replay;

import dev.mig.common.BatchSizer;

/**
 * How many change-log entries one replay batch takes: the whole batching policy of replay in one place,
 * so that tuning it touches this file only. A batch is one transaction on the new database that reads the
 * old one, so its size trades throughput against what it holds up.
 */
public final class ReplayBatches {

    /** The most entries one batch replays (its keys wait in a TEMP table). */
    public static final int MAX_ENTRIES = 1_000_000;

    private ReplayBatches() {
    }

    /**
     * Batches while the application writes. A batch reads the old database in one transaction. In WAL
     * mode that blocks no writer, so batches grow towards 2 s: a batch rewrites every page it touches,
     * and at 1,000,000 rows 50,000-entry batches replayed at 60% of the rate of one 120,000-entry batch
     * (specs/benchmarks.md). In rollback-journal mode the application's writers wait for that read lock,
     * so batches aim at 250 ms: at 1,000,000 rows that replayed 38,000 entries/s, 75 ms batches (the
     * copy's) 19,000.
     */
    public static BatchSizer whileWriting(boolean walSource) {
        return walSource ? new BatchSizer(2_000, 1_000, MAX_ENTRIES, 200_000)
                : new BatchSizer(250, 100, MAX_ENTRIES, 5_000);
    }

    /**
     * Batches of the tail, replayed while writes are paused: a quarter of the pause bound at the measured
     * rate (entries per second), so a tail cut short by the bound keeps most of its work.
     */
    public static long tail(double rate, long maxPauseMs) {
        double entries = rate * maxPauseMs / 4_000.0;
        return (long) Math.max(1_000, Math.min(MAX_ENTRIES, entries));
    }
}
