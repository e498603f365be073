package dev.mig.run;

import dev.mig.api.DrainOptions;
import dev.mig.api.DrainResult;
import dev.mig.api.MigException;
import dev.mig.api.Phase;
import dev.mig.api.Progress;
import dev.mig.api.VerifyResult;
import dev.mig.api.text.Format;
import dev.mig.capture.Capture;
import dev.mig.capture.CaptureIntegrity;
import dev.mig.common.BatchSizer;
import dev.mig.common.Elapsed;
import dev.mig.common.TestFaults;
import dev.mig.copy.Copier;
import dev.mig.copy.Indexes;
import dev.mig.project.ActiveMigration;
import dev.mig.project.HoldFile;
import dev.mig.project.ProjectLock;
import dev.mig.replay.ReplayBatches;
import dev.mig.replay.Replayer;
import dev.mig.replay.WalCheckpointer;
import dev.mig.sql.Deadline;
import dev.mig.sql.SchemaName;
import dev.mig.sql.Sql;
import dev.mig.sql.SqliteFiles;
import dev.mig.sql.Tx;
import dev.mig.state.CutoverStatements;
import dev.mig.state.ReplayState;
import dev.mig.state.StateStore;
import dev.mig.state.TableProgress;
import dev.mig.verify.NewDatabaseChecks;
import dev.mig.verify.TouchedRowsForeignKeyCheck;
import dev.mig.write.RowWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * {@code mig drain}: replays the change log into the new database. Catch-up first, pause last: while
 * writes are still recorded it replays in rounds until the predicted tail is short, and only then
 * flips the marker to {@code draining} (writes to the old database are rejected), replays the tail and
 * marks the drain complete. The write pause is the tail, not the backlog (specs/hot-migration.md).
 */
public final class DrainRun {

    /** Pause only when the predicted tail replay is at most this long (or --max-pause, if smaller). */
    static final long TARGET_PAUSE_MS = 100;
    /** Flips of the marker before drain keeps the pause whatever the tail (see {@link #pause}). */
    static final int FLIPS = 3;
    /** The longest catch-up round: the backlog is measured (and convergence judged) at least this often. */
    static final long ROUND_MS = 2_000;
    /**
     * Verify reads both databases where the copy read one and wrote one: at 1,000,000 rows mig bench
     * measured it at about three to four times the copy's time. Used to decide, before pausing, whether
     * verifying a rollback-journal source fits inside the pause.
     */
    static final int VERIFY_PER_COPY = 4;

    private final Path dir;
    private final DrainOptions options;
    private final Progress progress;
    private final StateStore state = new StateStore(SchemaName.NEW);
    /** The verify a rollback-journal source had inside the write pause; null when it had none. */
    private VerifyResult verifiedInPause;

    public DrainRun(Path dir, DrainOptions options, Progress progress) {
        this.dir = dir;
        this.options = options;
        this.progress = progress;
    }

    public DrainResult run() {
        return run(() -> null);
    }

    /**
     * Drains the active migration. With none in progress and {@code declaredTarget} (the schema's database,
     * read only then)
     * already ready, a {@code drain --cutover} has nothing left to do: a rerun, after a kill that came once
     * the cutover had committed, says so and changes nothing, as {@code mig cutover} does. A plain drain
     * is refused then, naming the cutover.
     */
    public DrainResult run(Supplier<Path> declaredTarget) {
        try (ProjectLock lock = ProjectLock.acquire(dir, "mig drain")) {
            Optional<ActiveMigration> active = ActiveMigration.find(dir);
            Path target = active.isEmpty() && options.cutover() ? declaredTarget.get() : null;
            if (target != null && StateStore.isReady(target)) {
                return new DrainResult(null, target, 0, 0, 0, 0, true, true, null);
            }
            ActiveMigration m = active.isPresent() ? active.get() : ActiveMigration.require(dir, "drain");
            SqliteFiles.requireDatabase(m.source());
            return drain(m);
        } catch (SQLException e) {
            throw Failures.sql("drain", e);
        }
    }

    private DrainResult drain(ActiveMigration m) throws SQLException {
        try (Connection pair = SqliteFiles.openSourceWithTarget(m.source(), m.target());
             Connection old = SqliteFiles.openReadWrite(m.source())) {
            ReplayState before = state.replay(pair).orElseThrow();
            Capture.Marker marker = Capture.marker(old);
            ActiveMigration.phaseOf(before, marker).require("mig drain", Phase.RECORDING, Phase.DRAINING, Phase.DRAINED);
            requireCapture(marker);
            if (before.drainComplete()) {
                long logged = Capture.lastSeq(old);
                if (ActiveMigration.phaseOf(before, marker) == Phase.DRAINED && logged <= before.lastSeq()) {
                    return finish(m, before, null, true, null);
                }
                // The earlier drain's pause was lost (or undone): its completion says nothing any more.
                progress.info("The earlier drain's write pause did not hold (the old database's marker says '"
                        + marker.name().toLowerCase(Locale.ROOT) + "', " + Backlog.entries(logged, before.lastSeq())
                        + " log entries after its checkpoint): draining again.");
                Tx.deferred(pair, c -> {
                    state.markDrainIncomplete(c);
                    return null;
                });
            }
            if (marker == Capture.Marker.DRAINING) {
                // Killed (or failed to resume) mid-pause: the application has waited long enough. Resume its
                // writes first, before any check that may refuse, then drain as usual.
                Capture.setMarker(old, Capture.Marker.RECORDING);
                progress.info("Writes were paused by an earlier drain that did not finish; resumed them, draining again.");
            }
            m.requireCaptureIntact();
            if (options.hold()) {
                HoldFile.hold(dir); // only once there is something to replay: a drain already done leaves none
            }
            // Catch-up batches need not survive a power loss (the checkpoint commits with them, so a lost
            // batch is simply replayed again); the tail and everything after the pause is durable.
            synchronous(pair, "NORMAL");
            try (Statement s = pair.createStatement()) {
                // Batches dirty many random pages: keep them in memory within a batch.
                s.execute("PRAGMA " + SchemaName.NEW.quoted() + ".cache_size = -65536");
            }
            Replayer replayer = new Replayer(pair, m.plan(), m.declared(), m.live());
            Convergence convergence = new Convergence(TARGET_PAUSE_MS, options.maxPauseMs());
            VerifyResult verified;
            BatchSizer sizer = ReplayBatches.whileWriting(walMode(pair));
            try (WalCheckpointer checkpointer = WalCheckpointer.start(m.target(), pair)) {
                catchUp(replayer, sizer, convergence);
                buildWaitingIndexes(m, pair, replayer, sizer, convergence);
                keysCheckedTo = replayer.lastLogged();
                requireKeys(replayer, 0); // before verify, which would only see rows missing; the tail checks again
                replayer.startTracking();
                // Verify replays on a connection of its own, untracked: the full check after it covers those rows.
                verified = verifyBeforePause(m, pair);
                progress.step("check the new database (integrity, foreign keys)", () -> {
                    NewDatabaseChecks.full(pair, m.target()); // while writes go on: the pause stays short
                    return null;
                });
                // The checks took a while and writes went on: catch up again, or the tail is their backlog. The
                // rows each catch-up replayed are checked after it, while writes still go on, so that the
                // pause checks the tail's rows and the few of the last catch-up only.
                for (int i = 0; i < 2; i++) {
                    convergence.restart();
                    catchUp(replayer, sizer, convergence);
                    TouchedRowsForeignKeyCheck.run(pair, m.declared(), replayer.trackedKeys());
                    replayer.startTracking();
                }
                holdWhileHeld(m, pair, replayer, sizer, convergence);
                convergence.restart();
                catchUp(replayer, sizer, convergence);
            }
            // Closing the checkpointer checkpoints the new database's WAL once more, which can take a while:
            // catch up with what the application wrote meanwhile, or that becomes the tail.
            convergence.restart();
            catchUp(replayer, sizer, convergence);
            synchronous(pair, "FULL");
            long verifyInPauseMs = verifyInPauseMs(pair, convergence);
            tryCutoverStatements(m);
            WritePause pause = pause(m, old, replayer, sizer, convergence);
            long pauseMs = tail(m, pair, replayer, pause, convergence.replayRate(), verifyInPauseMs);
            if (TestFaults.losePauseAt("drained")) {
                WritePause.lose(m);
            }
            ReplayState after = state.replay(pair).orElseThrow();
            return finish(m, after, convergence, false, verified != null ? verified : verifiedInPause);
        }
    }

    /**
     * Flips the marker and measures the tail it left. The flip waits for the application's write lock,
     * and a busy application keeps writing meanwhile: if the tail grew beyond what --max-pause allows at
     * the measured rate, writes resume at once (a pause of milliseconds), drain catches up again and flips
     * again, up to {@value #FLIPS} times; the last flip keeps its pause, which the deadline bounds.
     */
    private WritePause pause(ActiveMigration m, Connection old, Replayer replayer, BatchSizer sizer,
                             Convergence convergence) throws SQLException {
        for (int flip = 1; ; flip++) {
            progress.info("Pausing writes to the old database (predicted tail "
                    + Backlog.describe(convergence.predictedTailMs()) + ").");
            WritePause pause = WritePause.begin(m, old, progress, options.maxPauseMs());
            try {
                long tail = Backlog.entries(replayer.lastLogged(), replayer.checkpoint());
                OptionalLong predicted = Backlog.predictedMs(tail, convergence.replayRate());
                if (flip == FLIPS || predicted.isEmpty()
                        || predicted.getAsLong() <= options.maxPauseMs() - pause.elapsedMs()) {
                    return pause;
                }
                progress.info(String.format(Locale.ROOT, "The tail grew to %s while the flip waited for the "
                        + "application's write lock (%s to replay): resuming writes and catching up again.",
                        Format.count(tail, "entry", "entries"), Backlog.describe(predicted)));
                pause.resume();
            } catch (SQLException | RuntimeException e) {
                pause.resumeQuietly(e); // no error may leave the application's writes rejected
                throw e;
            }
            convergence.restart();
            catchUp(replayer, sizer, convergence);
        }
    }

    /**
     * While the hold file exists: keep up with the application's writes, checking the foreign keys of what
     * was replayed as it goes (so the tail's check stays small however long the hold), and pause nothing.
     * Says every {@value #HOLD_SAY_MS} ms that it holds and how to release it.
     */
    private void holdWhileHeld(ActiveMigration m, Connection pair, Replayer replayer, BatchSizer sizer,
                               Convergence convergence) throws SQLException {
        long saidAt = 0;
        while (HoldFile.held(dir)) {
            if (saidAt == 0 || Elapsed.millisSince(saidAt) >= HOLD_SAY_MS) {
                progress.info("Holding: " + HoldFile.of(dir) + " exists, so writes are not paused; "
                        + Format.count(Backlog.entries(replayer.lastLogged(), replayer.checkpoint()), "entry", "entries")
                        + " behind. Delete the file to go on.");
                saidAt = System.nanoTime();
            }
            convergence.restart();
            holding = true; // a round line per poll would bury the holding line: it says how far behind
            try {
                catchUp(replayer, sizer, convergence);
            } finally {
                holding = false;
            }
            TouchedRowsForeignKeyCheck.run(pair, m.declared(), replayer.trackedKeys());
            replayer.startTracking();
            try {
                Thread.sleep(HOLD_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw MigException.runtime("Interrupted while holding.", "Run 'mig drain' again.", e);
            }
        }
    }

    /**
     * Builds the declared indexes migrate left for drain ({@link Indexes}): a UNIQUE index that rows
     * copied before the application moved a value kept from being built. Replay has caught up, so those
     * stale rows hold their new values; writes go on, so a conflict can still be a moment's (a value moved
     * between two rows, one of them replayed): catch up and try again. One that stays is a duplicate in the
     * old database itself, written after plan checked it.
     */
    private void buildWaitingIndexes(ActiveMigration m, Connection pair, Replayer replayer, BatchSizer sizer,
                                     Convergence convergence) throws SQLException {
        for (Indexes.Missing missing : Indexes.missing(pair, m.declared())) {
            for (int attempt = 1; ; attempt++) {
                try {
                    progress.step("build index " + missing.index().name(), () -> {
                        Indexes.build(pair, missing.table(), missing.index());
                        return null;
                    });
                    break;
                } catch (SQLException e) {
                    if (!RowWriter.isUniqueConflict(e)) {
                        throw e;
                    }
                    if (attempt == INDEX_ATTEMPTS) {
                        throw MigException.refused("Index " + missing.index().name() + " of " + missing.table().name()
                                        + " could not be built in " + INDEX_ATTEMPTS + " tries (" + e.getMessage()
                                        + "): either rows of the old database hold the same value (written after 'mig "
                                        + "plan' checked the data), or the application moves values between rows "
                                        + "faster than drain catches up. Nothing was paused; the old database keeps "
                                        + "every row.",
                                "Look for the duplicates in the old database (still the application's) and fix them, "
                                        + "then run 'mig drain' again (also when there are none, at a quieter "
                                        + "moment); or 'mig reset'.");
                    }
                    progress.info("  index " + missing.index().name() + ": a value is held twice at this moment; "
                            + "catching up and trying again (" + (attempt + 1) + " of " + INDEX_ATTEMPTS + ")");
                    convergence.restart();
                    catchUp(replayer, sizer, convergence);
                }
            }
        }
    }

    static final int INDEX_ATTEMPTS = 5;

    /** The log position up to which {@link #requireKeys} looked before the pause. */
    private long keysCheckedTo;

    /**
     * Refuses when an old table holds a row with a NULL key that the log names after {@code afterSeq}
     * (a rowid table's non-INTEGER primary key allows it): replay finds rows by their key, so such a row,
     * written after plan checked for them, would never reach the new database.
     */
    private static void requireKeys(Replayer replayer, long afterSeq) throws SQLException {
        Optional<Replayer.KeylessRows> keyless = replayer.keylessRows(afterSeq);
        if (keyless.isPresent()) {
            Replayer.KeylessRows k = keyless.get();
            throw MigException.refused("Table " + Sql.display(k.table()) + " of the old database has "
                            + Format.count(k.rows(), "row", "rows") + " with NULL in its primary key ("
                            + Sql.displays(k.keyColumns()) + "), written after 'mig plan' checked for them: mig finds "
                            + "changed rows by their key, so it cannot carry these.",
                    "Give those rows key values in the old database (still the application's), then run 'mig drain' "
                            + "again; or 'mig reset'.");
        }
    }

    /** Whether {@link #holdWhileHeld} is catching up: its rounds are summed up in the holding line. */
    private boolean holding;

    static final long HOLD_POLL_MS = 200;
    static final long HOLD_SAY_MS = 10_000;

    /** Refuses when the old database has no marker: without capture there is nothing to replay. */
    private static void requireCapture(Capture.Marker marker) {
        if (marker == Capture.Marker.NONE) {
            throw MigException.refused("The old database has no change capture, so there is nothing to replay: "
                            + "either this migration was started with --offline, or its capture was removed and "
                            + "writes since the copy are lost to it.",
                    "If you started it with 'mig migrate --offline' and nothing has written to the old database "
                            + "since, 'mig migrate --offline' finishes it; otherwise run 'mig reset' and start again.");
        }
    }

    /**
     * Inside the pause, bounded by --max-pause: replay the tail, carry AUTOINCREMENT counters, check the
     * foreign keys of the rows replayed since the last check, prove the pause still holds, and mark the
     * drain complete. A statement still running at the bound (less what flipping back may take) is
     * interrupted. If the bound passes, or
     * anything fails, the writes resume before drain stops: what was replayed stays replayed, and nothing
     * is marked drained. Returns the pause so far, in ms.
     */
    private long tail(ActiveMigration m, Connection pair, Replayer replayer, WritePause pause, double rate,
                      long verifyInPauseMs) throws SQLException {
        long[] replayed = {0};
        long max = options.maxPauseMs();
        Deadline deadline;
        long budgetMs = max - Math.min(pause.flipMs(), max / 4);
        try {
            deadline = Deadline.on(pair, pause.startNanos(), budgetMs);
        } catch (SQLException | RuntimeException e) {
            pause.resumeQuietly(e);
            throw e;
        }
        try {
            TestFaults.pauseDelay();
            CaptureIntegrity.requireLogReaches(replayer.lastLogged(), replayer.checkpoint());
            long batch = ReplayBatches.tail(rate, options.maxPauseMs());
            while (true) {
                deadline.check();
                Replayer.Batch b = batch(replayer, batch);
                if (b == null) {
                    break;
                }
                replayed[0] += b.entries();
            }
            long replayedAt = System.nanoTime();
            requireKeys(replayer, keysCheckedTo); // only what the log got since: the pause stays short
            deadline.check();
            Copier.syncSequences(pair, m.plan(), m.declared(), m.live());
            deadline.check();
            TouchedRowsForeignKeyCheck.run(pair, m.declared(), replayer.trackedKeys());
            deadline.check();
            pause.requireHolds();
            deadline.check();
            verifyInPause(m, pair, pause, verifyInPauseMs, budgetMs);
            deadline.check();
            long pauseMs = pause.elapsedMs();
            deadline.close();
            Tx.deferred(pair, c -> {
                state.markDrainComplete(c, pauseMs);
                return null;
            });
            progress.info("Tail: " + Format.count(replayed[0], "entry", "entries") + " replayed in " + (replayedAt - pause.startNanos()) / 1_000_000
                    + " ms of pause; sequences, foreign-key check and pause check " + Elapsed.millisSince(replayedAt)
                    + " ms.");
            return pauseMs;
        } catch (Deadline.Exceeded e) {
            throw overrun(pause, replayed[0], e);
        } catch (SQLException e) {
            if (deadline.interrupted(e)) {
                throw overrun(pause, replayed[0], e);
            }
            pause.resumeQuietly(e);
            throw e;
        } catch (RuntimeException | Error e) {
            pause.resumeQuietly(e); // an Error too (out of memory in a comparison): never leave writes paused
            throw e;
        } finally {
            deadline.close();
        }
    }

    private MigException overrun(WritePause pause, long replayed, Exception cause) {
        pause.resumeQuietly(cause);
        return new MigException(MigException.Kind.REFUSED, String.format(Locale.ROOT, "The tail could not be "
                        + "replayed and checked within --max-pause %d ms, so writes to the old database were resumed "
                        + "after %d ms. What was replayed of the tail (%s) stays replayed; nothing was marked drained.",
                options.maxPauseMs(), pause.pausedMs(), Format.count(replayed, "entry", "entries")),
                "Run 'mig drain' again (it continues from here), when the application writes less, or allow a longer "
                        + "pause with --max-pause.", cause);
    }

    static boolean walMode(Connection pair) throws SQLException {
        try (Statement s = pair.createStatement(); var rs = s.executeQuery("PRAGMA main.journal_mode")) {
            return rs.next() && "wal".equalsIgnoreCase(rs.getString(1));
        }
    }

    private static void synchronous(Connection pair, String level) throws SQLException {
        try (Statement s = pair.createStatement()) {
            s.execute("PRAGMA " + SchemaName.NEW.quoted() + ".synchronous = " + level);
        }
    }

    /**
     * Before a drain --cutover pauses anything: its cutover: statements, tried on the new database as it
     * is now and rolled back. One that fails here (a history row already there) would fail the cutover
     * with the application's writes paused.
     */
    private void tryCutoverStatements(ActiveMigration m) throws SQLException {
        if (!options.cutover()) {
            return;
        }
        CutoverRun.Statements hooks = CutoverRun.cutoverStatements(m);
        if (hooks.statements().isEmpty()) {
            return;
        }
        try (Connection c = SqliteFiles.openReadWrite(m.target()); Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                CutoverStatements.apply(c, hooks.statements(), hooks.source(),
                        "Tried before pausing: nothing was paused.");
            } finally {
                s.execute("ROLLBACK");
            }
        }
    }

    /**
     * How long verifying a rollback-journal source inside the write pause should take, estimated from the
     * copy; -1 when it will not be: a WAL source (verified before the pause), or --no-verify. Refuses,
     * before anything is paused, a drain --cutover whose verify would not fit in --max-pause with the tail:
     * its cutover would then be refused with the application's writes paused.
     */
    private long verifyInPauseMs(Connection pair, Convergence convergence) throws SQLException {
        if (!options.verify() || walMode(pair)) {
            return -1;
        }
        long estimate = VERIFY_PER_COPY * state.progress(pair).stream().mapToLong(TableProgress::copyMs).sum();
        long tail = convergence.predictedTailMs().orElse(0);
        if (options.cutover() && estimate + tail > options.maxPauseMs()) {
            throw MigException.refused(String.format(Locale.ROOT, "The old database is in rollback-journal mode, so "
                            + "it can only be verified while writes are paused, and verifying it takes about %d ms: with "
                            + "the tail, more than --max-pause %d ms allows. Nothing was paused.", estimate,
                            options.maxPauseMs()),
                    "Run 'mig drain' (writes then stay paused until cutover), 'mig verify', then 'mig cutover'; or "
                            + "allow the pause with --max-pause; or switch the application's database to WAL (PRAGMA "
                            + "journal_mode=WAL), which drain verifies while it writes; or cut over unverified with "
                            + "--no-verify.");
        }
        return estimate;
    }

    /**
     * Inside the pause, for a rollback-journal source: verify now, on the drain's own connection so that
     * the pause's deadline bounds it too, when the estimate fits what the deadline has left (the result is
     * recorded for cutover's guard). When it does not fit, a drain --cutover stops here (its cutover would
     * be refused with writes paused), and a plain drain says how to verify before cutover. Differences,
     * or the deadline, end the pause and the drain, as any failure inside it does.
     */
    private void verifyInPause(ActiveMigration m, Connection pair, WritePause pause, long estimateMs, long budgetMs)
            throws SQLException {
        if (estimateMs < 0) {
            return;
        }
        verifiedInPause = null;
        if (estimateMs > budgetMs - pause.elapsedMs()) {
            String why = String.format(Locale.ROOT, "verifying takes about %d ms, more than is left of --max-pause",
                    estimateMs);
            if (options.cutover()) {
                throw MigException.refused("The old database is in rollback-journal mode and " + why + ", so it "
                                + "cannot be verified before this cutover. Writes to the old database were resumed; "
                                + "nothing was marked drained.",
                        "Run 'mig drain' (writes then stay paused until cutover), 'mig verify', then 'mig cutover'; "
                                + "or allow the pause with --max-pause; or cut over unverified with --no-verify.");
            }
            progress.info("Not verified inside the pause (" + why + "): writes stay paused until cutover; run 'mig "
                    + "verify' now, then 'mig cutover'.");
            return;
        }
        long t0 = System.nanoTime();
        VerifyResult r = VerifyRun.verifyOn(pair, m, progress);
        if (!r.equal()) {
            throw MigException.refused("Verify found differences inside the write pause: " + r.summary()
                            + ". Writes to the old database were resumed; nothing was marked drained.",
                    "Report this with 'mig verify --json' output; 'mig reset' undoes the migration.");
        }
        verifiedInPause = r;
        progress.info("Verified inside the pause: " + Format.count(r.tables().size(), "table", "tables") + " equal at log position "
                + r.logPosition() + " (" + Elapsed.millisSince(t0) + " ms).");
    }

    /** Verify while writes still go on, when the source allows it without blocking writers. */
    private VerifyResult verifyBeforePause(ActiveMigration m, Connection pair) throws SQLException {
        if (!options.verify()) {
            return null;
        }
        if (!walMode(pair)) {
            return null; // compared inside the pause instead: verifyInPause
        }
        VerifyResult r = VerifyRun.verify(m, progress);
        if (!r.equal()) {
            throw MigException.refused("Verify found differences before pausing writes: " + r.summary()
                            + ". Nothing was paused.",
                    "Report this with 'mig verify --json' output; 'mig reset' undoes the migration.");
        }
        progress.info("Verified: " + Format.count(r.tables().size(), "table", "tables") + " equal at log position " + r.logPosition() + ".");
        return r;
    }

    private DrainResult finish(ActiveMigration m, ReplayState s, Convergence convergence, boolean already,
                          VerifyResult verified) throws SQLException {
        boolean cutOver = false;
        if (options.cutover()) {
            CutoverRun.cutOver(m, !options.verify(), progress); // the same guards as 'mig cutover': no path to ready skips them
            cutOver = true;
        }
        return new DrainResult(m.source(), m.target(), s.entriesReplayed(), convergence == null ? 0 : convergence.rounds(),
                convergence == null ? 0 : convergence.replayRate(), s.writePauseMs() == null ? 0 : s.writePauseMs(),
                already, cutOver, verified);
    }

    /**
     * Replays in rounds while writes go on, until {@code convergence} says the tail fits the pause budget,
     * or refuses when it says replay cannot catch up. A round replays up to the log position seen at its
     * start, for at most {@link #ROUND_MS}, so that a large backlog is measured as it shrinks (or does not).
     */
    private void catchUp(Replayer replayer, BatchSizer sizer, Convergence convergence) throws SQLException {
        long roundNanos = (TestFaults.slowReplayBatch() > 0 ? TestFaults.SLOW_ROUND_MS : ROUND_MS) * 1_000_000;
        while (true) {
            long target = replayer.lastLogged();
            long checkpoint = replayer.checkpoint();
            CaptureIntegrity.requireLogReaches(target, checkpoint);
            Convergence.Verdict verdict = convergence.verdict(Backlog.entries(target, checkpoint));
            if (verdict == Convergence.Verdict.PAUSE) {
                return;
            }
            if (verdict == Convergence.Verdict.GIVE_UP) {
                throw convergence.notConverging();
            }
            long t0 = System.nanoTime();
            long replayed = 0;
            while (checkpoint < target && System.nanoTime() - t0 < roundNanos) {
                Replayer.Batch b = batch(replayer, sizer.size());
                if (b == null) {
                    break;
                }
                sizer.record(b.entries(), b.millis());
                replayed += b.entries();
                checkpoint = b.toSeq();
            }
            long nanos = System.nanoTime() - t0;
            long logged = replayer.lastLogged();
            convergence.round(replayed, logged - target, nanos);
            if (holding) {
                continue;
            }
            progress.info(String.format(Locale.ROOT, "  round %d: replayed %s (%,.0f/s); the application "
                            + "logged %,d meanwhile; %,d behind", convergence.rounds(),
                    Format.count(replayed, "entry", "entries"),
                    Backlog.rate(replayed, nanos), Math.max(0, logged - target), Backlog.entries(logged, checkpoint)));
        }
    }

    /** One replay batch of at most {@code max} entries (fewer, and slower, under the slow-replay test fault). */
    private static Replayer.Batch batch(Replayer replayer, long max) throws SQLException {
        int slow = TestFaults.slowReplayBatch();
        Replayer.Batch b = replayer.replayBatch(slow > 0 ? Math.min(max, slow) : max);
        if (slow > 0 && b != null) {
            TestFaults.slowBatch(b.millis());
        }
        return b;
    }
}
