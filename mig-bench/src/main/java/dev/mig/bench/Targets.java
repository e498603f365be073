package dev.mig.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The performance targets of specs/benchmarks.md, checked against one run's figures. */
final class Targets {

    private Targets() {
    }

    static List<BenchReport.Target> of(BenchReport r) {
        List<BenchReport.Target> out = new ArrayList<>();
        BenchReport.Copy c = r.copy();
        out.add(t("copy vs raw ceiling (ids preserved)", ">= 0.70x", f("%.2fx", c.preservedToCeiling()),
                c.preservedToCeiling() >= 0.7));
        out.add(t("copy rows/s (users remapped)", ">= 200,000", f("%,.0f", c.migRowsPerSecond()),
                c.migRowsPerSecond() >= 200_000));
        BenchReport.EndToEnd e = r.endToEnd();
        out.add(t("migrate --offline, whole command, vs raw ceiling", "<= 1.5x", f("%.2fx", e.offlineToCeiling()),
                e.offlineToCeiling() <= 1.5));
        out.add(t("plan, whole command, vs copy time", "<= 0.5x", f("%.2fx", e.planToCopy()), e.planToCopy() <= 0.5));
        out.add(t("verify, whole command, vs copy time", "<= 1.0x", f("%.2fx", e.verifyToCopy()),
                e.verifyToCopy() <= 1.0));
        out.add(t("plan + migrate + drain --cutover vs raw ceiling", "<= 2.5x", f("%.2fx",
                e.planMigrateDrainToCeiling()), e.planMigrateDrainToCeiling() <= 2.5));
        out.add(t(f("longest silent interval (%s)", e.longestSilentIn()), "<= 2 s", f("%,d ms", e.longestSilentMs()),
                e.longestSilentMs() <= 2_000));
        BenchReport.CaptureOverhead w = r.capture();
        out.add(t("capture: write throughput, autocommit", ">= 0.50x", f("%.2fx", w.autocommitRatio()),
                w.autocommitRatio() >= 0.5));
        out.add(t("capture: write throughput, batched", ">= 0.50x", f("%.2fx", w.batchedRatio()),
                w.batchedRatio() >= 0.5));
        out.add(t("capture: p99 added, autocommit", "< 1 ms", f("%.3f ms", w.autocommitP99AddedMs()),
                w.autocommitP99AddedMs() < 1));
        out.add(t("replay entries/s (median run)", ">= 100,000", f("%,.0f", r.replay().entriesPerSecond()),
                r.replay().entriesPerSecond() >= 100_000));
        BenchReport.Pause p = r.pause();
        String at = f(" (%,d rows, %d writes/s)", r.rows(), p.writesPerSecond());
        out.add(t("write pause median" + at, "< 100 ms", f("%.1f ms", p.medianMs()), p.medianMs() < 100));
        out.add(t("write pause max" + at, "< 1000 ms", f("%.1f ms", p.maxMs()), p.maxMs() < 1000));
        BenchReport.Memory big = r.memory().get(r.memory().size() - 1);
        out.add(t(f("peak heap at %,d rows", big.rows()), "< 256 MB", f("%.0f MB", big.heapPeakMb()),
                big.heapPeakMb() < 256));
        BenchReport.Scale last = r.scaling().get(r.scaling().size() - 1);
        out.add(t(f("copy time per row at %,d rows vs N", last.rows()), "linear (<= 1.25x)",
                f("%.2fx", last.relativePerRow()), last.relativePerRow() <= 1.25));
        return out;
    }

    private static BenchReport.Target t(String name, String goal, String value, boolean met) {
        return new BenchReport.Target(name, goal, value, met);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
