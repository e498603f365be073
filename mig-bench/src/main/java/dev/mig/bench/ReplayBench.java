package dev.mig.bench;

import dev.mig.api.DrainOptions;
import dev.mig.api.DrainResult;
import dev.mig.api.Progress;
import dev.mig.capture.Capture;
import dev.mig.common.Elapsed;
import dev.mig.run.DrainRun;
import dev.mig.sql.SqliteFiles;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Replay throughput: {@code mig drain} over a backlog of application changes made after the copy. One
 * drain of the default backlog takes about a second, short enough for this shared machine's noise to move
 * it by a third, so the bench drains several migrations and reports the median.
 */
final class ReplayBench {

    private ReplayBench() {
    }

    /** {@code run} has been migrated (copy done, capture recording); makes the backlog, then drains. */
    static BenchReport.ReplayRun drain(Workspace.Run run, BenchData.Sizes n, long changes) throws SQLException {
        try (AppWrites app = new AppWrites(run.old(), n)) {
            for (long i = 0; i < changes; ) {
                app.begin();
                for (int k = 0; k < 1_000 && i < changes; k++) {
                    app.write(i++);
                }
                app.commit();
            }
        }
        long entries;
        try (Connection c = SqliteFiles.openReadOnly(run.old())) {
            entries = Capture.lastSeq(c);
        }
        long t0 = System.nanoTime();
        DrainResult d = new DrainRun(run.dir(), new DrainOptions(600_000, false, false), Progress.NONE).run();
        long ms = Elapsed.millisSince(t0);
        return new BenchReport.ReplayRun(entries, d.entriesPerSecond(), ms);
    }

    /** The runs summed up: the median run's rate (the lower middle one for an even count), min and max. */
    static BenchReport.Replay summary(long changes, List<BenchReport.ReplayRun> runs) {
        List<BenchReport.ReplayRun> sorted = Runs.sorted(runs, BenchReport.ReplayRun::entriesPerSecond);
        return new BenchReport.Replay(changes, Runs.median(runs, BenchReport.ReplayRun::entriesPerSecond)
                .entriesPerSecond(), sorted.get(0).entriesPerSecond(), sorted.get(sorted.size() - 1).entriesPerSecond(),
                runs);
    }
}
