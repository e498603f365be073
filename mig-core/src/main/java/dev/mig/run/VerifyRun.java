package dev.mig.run;

import dev.mig.api.MigException;
import dev.mig.api.Phase;
import dev.mig.api.Progress;
import dev.mig.api.VerifyResult;
import dev.mig.capture.Capture;
import dev.mig.common.TestFaults;
import dev.mig.project.ActiveMigration;
import dev.mig.project.ProjectLock;
import dev.mig.replay.ReplayBatches;
import dev.mig.replay.Replayer;
import dev.mig.sql.SchemaName;
import dev.mig.sql.SqliteFiles;
import dev.mig.sql.Tx;
import dev.mig.state.StateStore;
import dev.mig.verify.Verifier;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * {@code mig verify}: proves the new database equals the old one mapped through the plan. In one
 * transaction it takes a read snapshot of the old database, replays the log up to exactly that
 * snapshot's position, and compares every table. With a WAL source the application keeps writing
 * meanwhile; a rollback-journal source would block its writers, so verify then needs writes paused.
 */
public final class VerifyRun {

    private VerifyRun() {
    }

    /**
     * Verifies the migration in progress; after its cutover (the database of schema.yaml,
     * {@code declaredTarget}, is ready), reports the comparison the cutover was made on.
     */
    public static VerifyResult run(Path dir, Supplier<Path> declaredTarget, Progress progress) {
        try (ProjectLock lock = ProjectLock.acquire(dir, "mig verify")) {
            Optional<ActiveMigration> active = ActiveMigration.find(dir);
            Path declared = active.isEmpty() ? declaredTarget.get() : null; // as cutover: the stored plan rules
            if (declared != null && StateStore.isReady(declared)) {
                return atCutover(declared);
            }
            ActiveMigration m = active.isPresent() ? active.get() : ActiveMigration.require(dir, "verify");
            return verify(m, progress);
        } catch (SQLException e) {
            throw Failures.sql("verify", e);
        }
    }

    /**
     * Once the new database is the application's, comparing it with the old file again would report the
     * application's own writes: what counts is whether the cutover was verified, which it records.
     */
    private static VerifyResult atCutover(Path target) throws SQLException {
        OptionalLong verified;
        try (Connection c = SqliteFiles.openReadOnly(target)) {
            verified = new StateStore(SchemaName.MAIN).lastCutoverVerified(c);
        }
        if (verified.isEmpty()) {
            throw MigException.refused(target.getFileName() + " was cut over without a verify at the drained "
                            + "state (--no-verify, or by a mig that did not record one), and it is the application's "
                            + "database now: comparing it with the old file again would report the application's "
                            + "own writes.",
                    "Check the data by other means; the next migration's drain verifies before its cutover.");
        }
        return new VerifyResult(null, target, verified.getAsLong(), List.of(), true);
    }

    /** Verifies {@code m}; the caller holds the project lock. */
    static VerifyResult verify(ActiveMigration m, Progress progress) throws SQLException {
        SqliteFiles.requireDatabase(m.source());
        try (Connection pair = SqliteFiles.openSourceWithTarget(m.source(), m.target())) {
            Optional<VerifyResult> twoAtOnce = verifyTwoSidesAtOnce(pair, m, progress);
            if (twoAtOnce.isPresent()) {
                return twoAtOnce.get();
            }
            progress.info("  the application wrote since that replay, so both sides are compared in one "
                    + "transaction instead (one connection, one core)");
            return verifyOn(pair, m, progress);
        }
    }

    /**
     * The comparison with the old side on {@code pair} and the new side on a second connection at once,
     * two scans on two cores. The replay up to the old database's snapshot is committed first, and a new
     * read of the old database is then the same snapshot for every captured table exactly when the change
     * log's last position is still the replayed one: every committed write to a captured table adds to
     * the log in its own transaction, and no entry is ever deleted. When the application wrote meanwhile
     * the positions differ: empty, and the caller compares on one connection, in one transaction.
     */
    private static Optional<VerifyResult> verifyTwoSidesAtOnce(Connection pair, ActiveMigration m, Progress progress)
            throws SQLException {
        Replayer replayer = verifiable(pair, m);
        long position = Tx.deferred(pair, c -> replayToSnapshot(replayer, progress));
        TestFaults.reach("verify-replayed");
        try (Connection newSide = SqliteFiles.openSourceWithTarget(m.source(), m.target())) {
            Verifier verifier = new Verifier(pair, newSide, m.plan(), m.declared(), m.live());
            VerifyResult r = Tx.read(pair, c -> {
                if (Capture.lastSeq(c) != position) {
                    return null; // written since the replay: this snapshot is not the replayed one
                }
                return new VerifyResult(m.source(), m.target(), position, verifier.compareAll(progress));
            });
            if (r == null) {
                return Optional.empty();
            }
            if (r.equal()) {
                Tx.deferred(pair, c -> {
                    new StateStore(SchemaName.NEW).markVerified(c, position);
                    return null;
                });
            }
            return Optional.of(r);
        }
    }

    /**
     * Verifies {@code m} on {@code pair}, a copy connection the caller opened (drain's, whose deadline
     * then bounds the comparison too); the caller holds the project lock.
     */
    static VerifyResult verifyOn(Connection pair, ActiveMigration m, Progress progress) throws SQLException {
        Replayer replayer = verifiable(pair, m);
        Verifier verifier = new Verifier(pair, m.plan(), m.declared(), m.live());
        return Tx.deferred(pair, c -> {
            long position = replayToSnapshot(replayer, progress);
            VerifyResult r = new VerifyResult(m.source(), m.target(), position, verifier.compareAll(progress));
            if (r.equal()) {
                new StateStore(SchemaName.NEW).markVerified(c, position);
            }
            return r;
        });
    }

    /** The checks every verify makes first, and the replayer that brings the new side to the snapshot. */
    private static Replayer verifiable(Connection pair, ActiveMigration m) throws SQLException {
        m.requireCaptureIntact();
        requirePhase(pair);
        requireNonBlockingSnapshot(pair);
        return new Replayer(pair, m.plan(), m.declared(), m.live());
    }

    /** Replays the change log up to the snapshot of the caller's transaction; returns the position reached. */
    private static long replayToSnapshot(Replayer replayer, Progress progress) throws SQLException {
        progress.step("replay the change log up to the snapshot", () -> replayer.replayToSnapshot(
                ReplayBatches.MAX_ENTRIES));
        return replayer.checkpoint();
    }

    private static void requirePhase(Connection pair) throws SQLException {
        ActiveMigration.phaseOf(new StateStore(SchemaName.NEW).replay(pair).orElseThrow(), Capture.marker(pair))
                .require("mig verify", Phase.RECORDING, Phase.DRAINING, Phase.DRAINED);
    }

    /** A snapshot of a rollback-journal database holds a lock that blocks every writer until it ends. */
    private static void requireNonBlockingSnapshot(Connection pair) throws SQLException {
        String mode;
        try (Statement s = pair.createStatement(); ResultSet rs = s.executeQuery("PRAGMA main.journal_mode")) {
            rs.next();
            mode = rs.getString(1);
        }
        if (!"wal".equalsIgnoreCase(mode) && Capture.marker(pair) == Capture.Marker.RECORDING) {
            throw MigException.refused("The old database is in " + mode + " journal mode: verifying it while the "
                            + "application writes would block every write for the whole comparison.",
                    "Run 'mig verify' after 'mig drain' (writes are paused then), or switch the application's database to "
                            + "WAL mode (PRAGMA journal_mode=WAL) to verify while it runs.");
        }
    }
}
