package dev.mig.bench;

import java.util.Locale;

/** The readable report of a bench run. */
public final class BenchText {

    private BenchText() {
    }

    public static String render(BenchReport r) {
        StringBuilder b = new StringBuilder();
        BenchReport.Environment e = r.environment();
        line(b, "mig bench: %,d rows, %.1f MB (%.0f bytes/row), generated in %,d ms", r.rows(),
                r.oldFileBytes() / 1e6, r.bytesPerRow(), r.generateMs());
        line(b, "  %s, %d CPUs (%s), %,d MB RAM; %s; SQLite %s; mig %s", e.os(), e.cpus(), e.cpu(), e.memoryMb(),
                e.jdk(), e.sqlite(), e.mig());
        BenchReport.Copy c = r.copy();
        line(b, "");
        line(b, "1. Copy                                  time ms      rows/s       MB/s");
        row(b, "mig migrate (users remapped), copy", c.migCopyMs(), c.migRowsPerSecond(), c.migMBPerSecond());
        row(b, "mig migrate (users remapped), wall", c.migWallMs(), Bench.perSec(c.rows(), c.migWallMs()),
                Bench.perSec(c.bytes(), c.migWallMs()) / 1e6);
        row(b, "mig migrate (ids preserved), copy", c.preservedCopyMs(), c.preservedRowsPerSecond(),
                Bench.perSec(c.bytes(), c.preservedCopyMs()) / 1e6);
        row(b, "raw ceiling: ATTACH + INSERT..SELECT", c.ceilingMs(), c.ceilingRowsPerSecond(),
                Bench.perSec(c.bytes(), c.ceilingMs()) / 1e6);
        row(b, "VACUUM INTO (physical copy)", c.vacuumIntoMs(), Bench.perSec(c.rows(), c.vacuumIntoMs()),
                c.vacuumIntoMBPerSecond());
        line(b, "   mig/ceiling: %.2fx ids preserved, %.2fx users remapped", c.preservedToCeiling(), c.remapToCeiling());
        BenchReport.EndToEnd whole = r.endToEnd();
        line(b, "");
        line(b, "1b. Whole commands (child JVMs, ids preserved, no writer)   wall ms   longest silence ms");
        for (EndToEndBench.Command cmd : whole.commands()) {
            line(b, "   %-55s %,8d   %,8d", "mig " + cmd.name(), cmd.wallMs(), cmd.longestSilentMs());
        }
        line(b, "   migrate --offline %.2fx the raw ceiling; plan %.2fx and verify %.2fx mig's copy phase; "
                + "plan + migrate + drain --cutover %,d ms, %.2fx the raw ceiling", whole.offlineToCeiling(),
                whole.planToCopy(), whole.verifyToCopy(), whole.planMigrateDrainMs(), whole.planMigrateDrainToCeiling());
        BenchReport.CaptureOverhead w = r.capture();
        line(b, "");
        line(b, "2. Capture overhead                      writes  per tx    writes/s   p50 ms   p99 ms");
        writes(b, "autocommit, no triggers", w.autocommitWithout());
        writes(b, "autocommit, with capture", w.autocommitWith());
        writes(b, "batched, no triggers", w.batchedWithout());
        writes(b, "batched, with capture", w.batchedWith());
        line(b, "   with/without: %.2fx autocommit (p99 %+.3f ms), %.2fx batched (p99 per tx %+.3f ms)",
                w.autocommitRatio(), w.autocommitP99AddedMs(), w.batchedRatio(), w.batchedP99AddedMs());
        BenchReport.Replay rp = r.replay();
        line(b, "");
        line(b, "3. Replay: %,d changes, drained after %d migrations", rp.changes(), rp.runs().size());
        line(b, "   median %,.0f entries/s, min %,.0f, max %,.0f", rp.entriesPerSecond(), rp.minEntriesPerSecond(),
                rp.maxEntriesPerSecond());
        for (BenchReport.ReplayRun run : rp.runs()) {
            line(b, "   run: %,d log entries, %,.0f entries/s, whole drain %,d ms", run.logEntries(),
                    run.entriesPerSecond(), run.drainMs());
        }
        BenchReport.Pause p = r.pause();
        line(b, "");
        line(b, "4. Write pause at %d writes/s through migrate, drain --cutover (%d runs)", p.writesPerSecond(),
                p.runs().size());
        line(b, "   min %.1f ms, median %.1f ms, max %.1f ms", p.minMs(), p.medianMs(), p.maxMs());
        for (BenchReport.PauseRun pr : p.runs()) {
            line(b, "   run: %.1f ms seen by the writer, %d ms reported by drain, %d writes rejected, slowest write "
                    + "%.1f ms", pr.measuredMs(), pr.drainReportedMs(), pr.rejectedWrites(), pr.maxWriteLatencyMs());
        }
        line(b, "");
        line(b, "5. Memory of mig migrate (child JVM, %s)", r.memory().get(0).maxHeap());
        for (BenchReport.Memory m : r.memory()) {
            line(b, "   %,12d rows%s (%,.0f MB): heap peak %.0f MB, after last GC %.0f MB, RSS peak %.0f MB, %,d ms",
                    m.rows(), m.narrowRows() ? " narrow" : "", m.fileBytes() / 1e6, m.heapPeakMb(),
                    m.heapAfterLastGcMb(), m.rssPeakMb(), m.millis());
        }
        line(b, "");
        line(b, "6. Scaling of the copy (median of %d copies per size, users remapped)", Bench.SCALE_RUNS);
        for (BenchReport.Scale s : r.scaling()) {
            line(b, "   %,12d rows: %,8d ms, %,10.0f rows/s, time/row %.2fx of N", s.rows(), s.copyMs(),
                    s.rowsPerSecond(), s.relativePerRow());
        }
        line(b, "");
        line(b, "Targets");
        for (BenchReport.Target t : r.targets()) {
            line(b, "   %-4s %-52s %-18s %s", t.met() ? "ok" : "MISS", t.name(), t.goal(), t.value());
        }
        line(b, "Total %d s.", r.totalSeconds());
        return b.toString();
    }

    private static void row(StringBuilder b, String name, long ms, double rowsPerSec, double mbPerSec) {
        line(b, "   %-36s %,8d %,11.0f %10.1f", name, ms, rowsPerSec, mbPerSec);
    }

    private static void writes(StringBuilder b, String name, BenchReport.Writes w) {
        line(b, "   %-36s %,7d %7d %11.0f %8.3f %8.3f", name, w.writes(), w.perTransaction(), w.perSecond(),
                w.p50Ms(), w.p99Ms());
    }

    private static void line(StringBuilder b, String format, Object... args) {
        b.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
