package dev.mig.bench;

import java.util.List;

/** Every figure of one {@code mig bench} run; {@code --json} prints this record. */
public record BenchReport(Environment environment, BenchOptions options, long rows, long oldFileBytes,
                          double bytesPerRow, long generateMs, Copy copy, EndToEnd endToEnd, CaptureOverhead capture,
                          Replay replay,
                          Pause pause, List<Memory> memory, List<Scale> scaling, List<Target> targets,
                          long totalSeconds) {

    /** Where it ran. */
    public record Environment(String os, String cpu, int cpus, long memoryMb, String jdk, String sqlite,
                              String mig) {
    }

    /**
     * Copy throughput. {@code mig*} is the v2 migration with {@code users} remapped; {@code preserved*}
     * the same v2 with ids preserved (the like-for-like comparison with the ceiling). Copy times are
     * mig's copy phase (remap pre-pass, chunks, indexes); wall times add planning, probes and capture.
     */
    public record Copy(long rows, long bytes, long migWallMs, long migCopyMs, double migRowsPerSecond,
                       double migMBPerSecond, long preservedWallMs, long preservedCopyMs,
                       double preservedRowsPerSecond, long ceilingMs, double ceilingRowsPerSecond, long vacuumIntoMs,
                       double vacuumIntoMBPerSecond, double preservedToCeiling, double remapToCeiling) {
    }

    /**
     * Whole commands, each a child JVM timed start to exit (ids preserved, no writer), beside the raw
     * ceiling and mig's copy phase of section 1; and the longest time any of them printed nothing.
     */
    public record EndToEnd(long ceilingMs, long copyMs, long offlineMs, long planMs, long migrateMs, long verifyMs,
                           long drainCutoverMs, long planMigrateDrainMs, double offlineToCeiling, double planToCopy,
                           double verifyToCopy, double planMigrateDrainToCeiling, long longestSilentMs,
                           String longestSilentIn, List<EndToEndBench.Command> commands) {
    }

    /** An application's writes: how many, per transaction, throughput and latency per transaction. */
    public record Writes(long writes, int perTransaction, double perSecond, double p50Ms, double p99Ms) {
    }

    /** Application writes without and with capture's triggers; ratios are with / without. */
    public record CaptureOverhead(Writes autocommitWithout, Writes autocommitWith, Writes batchedWithout,
                                  Writes batchedWith, double autocommitRatio, double batchedRatio,
                                  double autocommitP99AddedMs, double batchedP99AddedMs) {
    }

    /**
     * {@code mig drain} over a backlog of {@code changes} application changes, once per migration: the median
     * run's catch-up replay rate, the spread, and every run.
     */
    public record Replay(long changes, double entriesPerSecond, double minEntriesPerSecond,
                         double maxEntriesPerSecond, List<ReplayRun> runs) {
    }

    /** One drain: the log entries the backlog made, the catch-up replay rate, the whole drain's wall time. */
    public record ReplayRun(long logEntries, double entriesPerSecond, long drainMs) {
    }

    /** Write pause seen by a steady writer through migrate, drain and cutover. */
    public record Pause(int writesPerSecond, List<PauseRun> runs, double minMs, double medianMs, double maxMs) {
    }

    /** One pause run: as the writer saw it, as drain reported it, rejected writes, slowest write. */
    public record PauseRun(double measuredMs, long drainReportedMs, long rejectedWrites, double maxWriteLatencyMs) {
    }

    /** {@code mig migrate} in a child JVM: peak heap used, heap after its last GC, peak RSS. */
    public record Memory(long rows, boolean narrowRows, long fileBytes, String maxHeap, double heapPeakMb,
                         double heapAfterLastGcMb, double rssPeakMb, long millis) {
    }

    /** Copy time for a multiple of N rows; {@code relative} is its time per row over N's. */
    public record Scale(long rows, long copyMs, double rowsPerSecond, double relativePerRow) {
    }

    /** A performance target and whether this run met it. */
    public record Target(String name, String goal, String value, boolean met) {
    }
}
