package dev.mig.bench;

import dev.mig.api.DrainOptions;
import dev.mig.api.DrainResult;
import dev.mig.api.MigrateOptions;
import dev.mig.api.Progress;
import dev.mig.common.Elapsed;
import dev.mig.run.DrainRun;
import dev.mig.run.MigrateRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Write pause: a steady writer through migrate, drain and cutover; the interval its writes were rejected. */
final class PauseBench {

    private PauseBench() {
    }

    static BenchReport.Pause measure(Workspace ws, Path old, BenchData.Sizes n, int runs, int rate,
                                     Consumer<String> log) throws Exception {
        List<BenchReport.PauseRun> out = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            out.add(once(ws.run(old, true), n, rate, log));
        }
        List<Double> sorted = out.stream().map(BenchReport.PauseRun::measuredMs).sorted().toList();
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return new BenchReport.Pause(rate, out, sorted.get(0), median, sorted.get(sorted.size() - 1));
    }

    private static BenchReport.PauseRun once(Workspace.Run run, BenchData.Sizes n, int rate, Consumer<String> log)
            throws Exception {
        Path target = run.project().target();
        SteadyWriter writer = new SteadyWriter(run.old(), target, n, rate);
        Thread t = new Thread(writer, "bench-writer");
        t.start();
        try {
            Thread.sleep(200);
            new MigrateRun(run.project(), MigrateOptions.of(false), Progress.NONE).run();
            Thread.sleep(300); // the application keeps writing between migrate and drain
            long drainStart = System.nanoTime();
            DrainResult d = new DrainRun(run.dir(), new DrainOptions(3_000, true, false), Progress.lines(log)).run();
            log.accept("  drain took " + Elapsed.millisSince(drainStart) + " ms");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!writer.switched() && writer.failure() == null && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            writer.stop();
            t.join();
            if (writer.failure() != null) {
                throw writer.failure();
            }
            if (!writer.switched()) {
                throw new IllegalStateException("the writer never reached the new database after cutover");
            }
            return new BenchReport.PauseRun(writer.pauseMs(), d.writePauseMs(), writer.rejected(),
                    writer.maxLatencyMs());
        } finally {
            writer.stop();
            t.join();
            Workspace.delete(run.dir());
        }
    }
}
