package dev.mig.api;

import dev.mig.api.plan.MigrationPlan;
import dev.mig.api.text.Format;

/**
 * What a reviewer wants to know before approving: how long the copy takes and how long the application's
 * writes will wait. Rough by design, from the rates {@code mig bench} measured on 2 cores
 * (specs/benchmarks.md): a hot migrate moved 1.1 GB in 45 s, and the final pause at 1,000 writes/s had a
 * median of 34 ms. Outside WAL, drain verifies inside the pause, which takes about four times the copy.
 *
 * @param copyMillis about how long {@code mig migrate} takes, in milliseconds
 * @param pause      about how long drain's pause holds the application's writes, in words
 */
public record Estimate(long copyMillis, String pause) {
    /** Bytes per second a hot migrate moved in {@code mig bench} (1.1 GB in 45 s, 10,000,000 rows). */
    static final long BYTES_PER_SECOND = 25L * 1024 * 1024;

    public static Estimate of(MigrationPlan plan) {
        if (plan.fresh()) {
            return new Estimate(0, "none: there is no live database, so migrate creates the new one ready");
        }
        long measured = plan.totalBytes() * 1000 / BYTES_PER_SECOND;
        long copy = Math.max(1000, measured);
        boolean wal = plan.sourceJournalMode() == null || plan.sourceJournalMode().equals("wal");
        String pause = wal ? "under 100 ms at 1,000 writes/s (the tail written since drain's last round); "
                + "drain never holds writes longer than --max-pause (3 s by default)"
                : (measured * 4 < 100 ? "under 100 ms" : "about " + Format.duration(measured * 4)) + ": the source is not in WAL mode, so drain verifies "
                + "inside the pause, and refuses --cutover when that would exceed --max-pause (3 s by default)";
        return new Estimate(copy, pause);
    }

    /** {@code about 2 s} (at least a second: starting and checking take that). */
    public String copyText() {
        return "about " + Format.duration(copyMillis);
    }
}
