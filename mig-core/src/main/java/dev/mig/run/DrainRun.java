package dev.mig.run;

import dev.mig.capture.Capture;
import dev.mig.common.BatchSizer;
import dev.mig.common.MigException;
import dev.mig.copy.Copier;
import dev.mig.replay.Replayer;
import dev.mig.replay.WalCheckpointer;
import dev.mig.sql.Sql;
import dev.mig.sql.SqliteFiles;
import dev.mig.sql.Tx;
import dev.mig.state.ReplayState;
import dev.mig.state.StateStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/**
 * {@code mig drain}: replays the change log into the new database. Catch-up first, pause last: while
 * writes are still recorded it replays in rounds until the predicted tail is short, and only then
 * flips the marker to {@code draining} (writes to the old database are rejected), replays the tail and
 * marks the drain complete. The write pause is the tail, not the backlog (specs/hot-migration.md).
 */
public final class DrainRun {

    /** Pause only when the predicted tail replay is at most this long (or --max-pause, if smaller). */
    static final long TARGET_PAUSE_MS = 100;
    /** Rounds of catch-up that do not shrink the backlog before drain gives up, if the tail is too long. */
    static final int STALLED_ROUNDS = 20;

    /**
     * @param maxPauseMs refuse to pause writes for longer than this (predicted)
     * @param cutover    cut over right after the drain, so the pause ends as soon as possible
     * @param verify     run {@code mig verify} before pausing (WAL sources; others would block writers)
     */
    public record Options(long maxPauseMs, boolean cutover, boolean verify) {
    }

    /** What the drain did. */
    public record Result(Path source, Path target, long entriesReplayed, long catchUpRounds, double entriesPerSecond,
                         long writePauseMs, boolean alreadyDrained, boolean cutOver, VerifyRun.Result verified) {
    }

    private final Path dir;
    private final Options options;
    private final Consumer<String> log;
    private final StateStore state = new StateStore(SqliteFiles.TARGET_SCHEMA);

    public DrainRun(Path dir, Options options, Consumer<String> log) {
        this.dir = dir;
        this.options = options;
        this.log = log;
    }

    public Result run() {
        try (ProjectLock lock = ProjectLock.acquire(dir)) {
            ActiveMigration m = ActiveMigration.require(dir, "drain");
            SqliteFiles.requireDatabase(m.source());
            return drain(m);
        } catch (SQLException e) {
            throw Failures.sql("drain", e);
        }
    }

    private Result drain(ActiveMigration m) throws SQLException {
        try (Connection pair = SqliteFiles.openSourceWithTarget(m.source(), m.target());
             Connection old = SqliteFiles.openReadWrite(m.source())) {
            ReplayState before = state.replay(pair).orElseThrow();
            if (!before.copyComplete()) {
                throw MigException.refused("The copy of this migration has not finished.",
                        "Run 'mig migrate' again: it resumes the copy.");
            }
            if (before.drainComplete()) {
                return finish(m, before, 0, 0, true, null);
            }
            // Catch-up batches need not survive a power loss (the checkpoint commits with them, so a lost
            // batch is simply replayed again); the tail and everything after the pause is durable.
            synchronous(pair, "NORMAL");
            try (Statement s = pair.createStatement()) {
                // Batches dirty many random pages: keep them in memory within a batch.
                s.execute("PRAGMA " + Sql.ident(SqliteFiles.TARGET_SCHEMA) + ".cache_size = -65536");
            }
            Replayer replayer = new Replayer(pair, m.plan(), m.declared(), m.live());
            Capture.Marker marker = Capture.marker(old);
            if (marker == Capture.Marker.NONE) {
                throw MigException.refused("The old database has no change capture, so there is nothing to replay: "
                                + "either this migration was started with --offline, or its capture was removed and "
                                + "writes since the copy are lost to it.",
                        "If you started it with 'mig migrate --offline' and nothing has written to the old database "
                                + "since, 'mig migrate --offline' finishes it; otherwise run 'mig reset' and start again.");
            }
            CaptureIntegrity.require(m);
            CatchUp catchUp = new CatchUp(0, 0, 0);
            VerifyRun.Result verified = null;
            if (marker == Capture.Marker.RECORDING) {
                BatchSizer sizer = replaySizer(walMode(pair));
                try (WalCheckpointer checkpointer = WalCheckpointer.start(m.target(), pair)) {
                    catchUp = catchUp(replayer, sizer);
                    replayer.startTracking();
                    NewDatabaseChecks.full(pair); // while writes go on: the pause stays short
                    verified = verifyBeforePause(m, pair);
                    // The checks took a while and writes went on: catch up again, or the tail is their backlog.
                    catchUp = catchUp(replayer, sizer).after(catchUp);
                    // Rows replayed since the full check, checked before the pause; the pause checks only the tail's.
                    TouchedRowsForeignKeyCheck.run(pair, m.declared(), replayer.trackedKeys());
                    replayer.startTracking();
                    catchUp = catchUp(replayer, sizer).after(catchUp);
                }
                log.accept("Pausing writes to the old database (predicted " + catchUp.predictedTailMs() + " ms).");
                synchronous(pair, "FULL");
                Capture.setMarker(old, Capture.Marker.DRAINING);
            } else {
                synchronous(pair, "FULL");
                log.accept("Writes were already paused by an earlier drain; finishing its tail.");
            }
            long pauseStart = System.nanoTime();
            long tail = replayAll(replayer); // in one batch: writes wait for it whatever its size
            long replayedAt = System.nanoTime();
            Copier.syncSequences(pair, m.plan(), m.declared(), m.live());
            if (marker == Capture.Marker.RECORDING) {
                TouchedRowsForeignKeyCheck.run(pair, m.declared(), replayer.trackedKeys());
            } else {
                NewDatabaseChecks.foreignKeys(pair, null); // resumed in the pause: what was replayed is unknown
            }
            long pauseMs = (System.nanoTime() - pauseStart) / 1_000_000;
            log.accept("Tail: " + tail + " entries replayed in " + (replayedAt - pauseStart) / 1_000_000
                    + " ms; sequences and foreign-key check " + (System.nanoTime() - replayedAt) / 1_000_000 + " ms.");
            Tx.deferred(pair, c -> {
                state.markDrainComplete(c, pauseMs);
                return null;
            });
            ReplayState after = state.replay(pair).orElseThrow();
            return finish(m, after, catchUp.rounds(), catchUp.rate(), false, verified);
        }
    }

    /**
     * Replay batches. A batch reads the old database in one transaction. In WAL mode that blocks no
     * writer, so batches grow towards 2 s: a batch rewrites every page it touches, and at 1,000,000 rows
     * 50,000-entry batches replayed at 60% of the rate of one 120,000-entry batch (specs/benchmarks.md).
     * In rollback-journal mode the application's writers wait for that read lock, so batches aim at
     * 250 ms: at 1,000,000 rows that replayed 38,000 entries/s, 75 ms batches (the copy's) 19,000.
     */
    static BatchSizer replaySizer(boolean walSource) {
        return walSource ? new BatchSizer(2_000, 1_000, Replayer.MAX_BATCH_ENTRIES, 200_000)
                : new BatchSizer(250, 100, Replayer.MAX_BATCH_ENTRIES, 5_000);
    }

    static boolean walMode(Connection pair) throws SQLException {
        try (Statement s = pair.createStatement(); var rs = s.executeQuery("PRAGMA main.journal_mode")) {
            return rs.next() && "wal".equalsIgnoreCase(rs.getString(1));
        }
    }

    private static void synchronous(Connection pair, String level) throws SQLException {
        try (Statement s = pair.createStatement()) {
            s.execute("PRAGMA " + Sql.ident(SqliteFiles.TARGET_SCHEMA) + ".synchronous = " + level);
        }
    }

    /** Verify while writes still go on, when the source allows it without blocking writers. */
    private VerifyRun.Result verifyBeforePause(ActiveMigration m, Connection pair) throws SQLException {
        if (!options.verify()) {
            return null;
        }
        if (!walMode(pair)) {
            log.accept("Verify skipped: the old database is not in WAL mode, so comparing now would block the "
                    + "application's writes. Run 'mig verify' after this drain.");
            return null;
        }
        VerifyRun.Result r = VerifyRun.verify(m);
        if (!r.equal()) {
            throw MigException.refused("Verify found differences before pausing writes: " + VerifyText.summary(r)
                            + ". Nothing was paused.",
                    "Report this with 'mig verify --json' output; 'mig reset' undoes the migration.");
        }
        log.accept("Verified: " + r.tables().size() + " tables equal at log position " + r.logPosition() + ".");
        return r;
    }

    private Result finish(ActiveMigration m, ReplayState s, long rounds, double rate, boolean already,
                          VerifyRun.Result verified) throws SQLException {
        boolean cutOver = false;
        if (options.cutover()) {
            CutoverRun.finish(m, CutoverRun.rowsCopied(m), s.entriesReplayed(), s.writePauseMs());
            cutOver = true;
        }
        return new Result(m.source(), m.target(), s.entriesReplayed(), rounds, rate,
                s.writePauseMs() == null ? 0 : s.writePauseMs(), already, cutOver, verified);
    }

    private record CatchUp(long rounds, double rate, long predictedTailMs) {
        /** This catch-up following {@code earlier}: rounds add up, the latest measured rate counts. */
        CatchUp after(CatchUp earlier) {
            return new CatchUp(earlier.rounds + rounds, rate > 0 ? rate : earlier.rate, predictedTailMs);
        }
    }

    /** Replays in rounds while writes go on, until the predicted tail fits the pause budget. */
    private CatchUp catchUp(Replayer replayer, BatchSizer sizer) throws SQLException {
        long budget = Math.min(TARGET_PAUSE_MS, options.maxPauseMs());
        long rounds = 0;
        long stalled = 0;
        long bestBacklog = Long.MAX_VALUE;
        double rate = 0;
        while (true) {
            long backlog = replayer.lastLogged() - replayer.checkpoint();
            long predicted = rate > 0 ? (long) (backlog / rate * 1000) : (backlog == 0 ? 0 : Long.MAX_VALUE);
            if (predicted <= budget || backlog == 0) {
                return new CatchUp(rounds, rate, predicted);
            }
            stalled = backlog < bestBacklog ? 0 : stalled + 1;
            bestBacklog = Math.min(bestBacklog, backlog);
            if (stalled >= STALLED_ROUNDS) {
                if (predicted <= options.maxPauseMs()) {
                    return new CatchUp(rounds, rate, predicted);
                }
                throw MigException.refused(String.format(java.util.Locale.ROOT, "Replay cannot catch up: %d entries "
                                + "behind after %d rounds at %.0f entries/s; pausing writes now would take about %d ms, "
                                + "more than --max-pause %d ms.", backlog, rounds, rate, predicted, options.maxPauseMs()),
                        "Run 'mig drain' again when the application writes less, or allow a longer pause with --max-pause.");
            }
            long t0 = System.nanoTime();
            long target = replayer.lastLogged();
            long replayed = 0;
            while (replayer.checkpoint() < target) {
                Replayer.Batch b = replayer.replayBatch(sizer.size());
                if (b == null) {
                    break;
                }
                sizer.record(b.entries(), b.millis());
                replayed += b.entries();
            }
            double secs = Math.max((System.nanoTime() - t0) / 1e9, 1e-6);
            rate = replayed > 0 ? replayed / secs : rate;
            rounds++;
            log.accept(String.format(java.util.Locale.ROOT, "  round %d: replayed %d entries (%.0f/s), %d behind",
                    rounds, replayed, rate, replayer.lastLogged() - replayer.checkpoint()));
        }
    }

    private static long replayAll(Replayer replayer) throws SQLException {
        long n = 0;
        for (Replayer.Batch b; (b = replayer.replayBatch(Replayer.MAX_BATCH_ENTRIES)) != null; ) {
            n += b.entries();
        }
        return n;
    }
}
