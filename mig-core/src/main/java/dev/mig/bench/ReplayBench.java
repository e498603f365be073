package dev.mig.bench;

import dev.mig.capture.Capture;
import dev.mig.run.DrainRun;
import dev.mig.sql.SqliteFiles;
import java.sql.Connection;
import java.sql.SQLException;

/** Replay throughput: {@code mig drain} over a backlog of application changes made after the copy. */
final class ReplayBench {

    private ReplayBench() {
    }

    /** {@code run} has been migrated (copy done, capture recording); makes the backlog, then drains. */
    static BenchReport.Replay measure(Workspace.Run run, BenchData.Sizes n, long changes) throws SQLException {
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
        DrainRun.Result d = new DrainRun(run.dir(), new DrainRun.Options(600_000, false, false), line -> { }).run();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new BenchReport.Replay(changes, entries, d.entriesPerSecond(), ms);
    }
}
