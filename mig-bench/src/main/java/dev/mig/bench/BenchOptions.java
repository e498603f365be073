package dev.mig.bench;

import java.nio.file.Path;

/**
 * What {@code mig bench} runs.
 *
 * @param rows            N: rows in the generated database
 * @param replayChanges   application changes in the replay backlog
 * @param captureWrites   autocommit writes per capture measurement (batched: five times as many)
 * @param replayRuns      migrations whose backlog is drained (the median rate is reported)
 * @param pauseRuns       migrations measured with a steady writer
 * @param writesPerSecond the steady writer's rate
 * @param memoryRows      rows of the large memory run (10 x N by default)
 * @param narrowMemory    the large memory run uses narrow rows (no long TEXT, no BLOBs)
 * @param scaleSteps      copy times for N, 2N, 4N ... (this many sizes)
 * @param workDir         where scratch files go (null: the system temp directory)
 * @param keep            keep the scratch files
 */
public record BenchOptions(long rows, long replayChanges, long captureWrites, int replayRuns, int pauseRuns, int writesPerSecond,
                           long memoryRows, boolean narrowMemory, int scaleSteps, Path workDir, boolean keep) {

    public static final long DEFAULT_ROWS = 1_000_000;

    /**
     * The defaults for N rows: a 100k-change backlog (fewer for small N) drained in 3 runs, 10 x N memory run,
     * N/2N/4N scaling.
     */
    public static BenchOptions defaults(long rows) {
        return new BenchOptions(rows, Math.min(100_000, Math.max(1_000, rows / 10)),
                Math.min(20_000, Math.max(1_000, rows / 50)), 3, 5, 1_000, rows * 10, false, 3, null, false);
    }
}
