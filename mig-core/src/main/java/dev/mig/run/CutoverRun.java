package dev.mig.run;

import dev.mig.api.CutoverResult;
import dev.mig.api.MigException;
import dev.mig.api.Phase;
import dev.mig.api.Progress;
import dev.mig.api.text.Format;
import dev.mig.capture.Capture;
import dev.mig.capture.CaptureIntegrity;
import dev.mig.copy.Indexes;
import dev.mig.project.ActiveMigration;
import dev.mig.project.ProjectFiles;
import dev.mig.project.ProjectLock;
import dev.mig.sql.SchemaName;
import dev.mig.sql.SqliteFiles;
import dev.mig.sql.Tx;
import dev.mig.state.CutoverStatements;
import dev.mig.state.ReplayState;
import dev.mig.state.StateStore;
import dev.mig.state.TableProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** {@code mig cutover}: the one transaction that makes the new database the application's. */
public final class CutoverRun {

    private CutoverRun() {
    }

    /**
     * Cuts the active migration over, after checking its guards: drain complete, old marker
     * {@code draining}, no log entry beyond the replay checkpoint. Idempotent: with no migration in
     * progress and the schema's database ready, it reports that and changes nothing. {@code skipVerify}:
     * cut a rollback-journal source over without a verify at the drained position (--no-verify).
     */
    public static CutoverResult run(Path dir, Supplier<Path> declaredTarget, boolean skipVerify, Progress progress) {
        try (ProjectLock lock = ProjectLock.acquire(dir, "mig cutover")) {
            Optional<ActiveMigration> active = ActiveMigration.find(dir);
            // schema.yaml is read only with no migration in progress: during one the stored plan is what
            // runs, and an edited, even broken, schema.yaml must not stop its cutover (drain's rule too).
            Path declared = active.isEmpty() ? declaredTarget.get() : null;
            if (declared != null && StateStore.isReady(declared)) {
                return new CutoverResult(declared, null, true);
            }
            ActiveMigration m = active.isPresent() ? active.get() : ActiveMigration.require(dir, "cut over");
            cutOver(m, skipVerify, progress);
            return new CutoverResult(m.target(), m.source(), false);
        } catch (SQLException e) {
            throw Failures.sql("cutover", e);
        }
    }

    /**
     * The one way a hot migration becomes {@code ready}, for {@code mig cutover} and {@code mig drain
     * --cutover} alike: the guards, then {@link #finish}. The caller holds the project lock.
     */
    static void cutOver(ActiveMigration m, boolean skipVerify, Progress progress) throws SQLException {
        ReplayState replay = progress.step("check cutover's guards", () -> guards(m, skipVerify));
        progress.step("make " + m.target().getFileName() + " ready", () -> {
            finish(m, rowsCopied(m), replay.entriesReplayed(), replay.writePauseMs(), progress);
            return null;
        });
    }

    /**
     * Refuses unless the drain is complete, the old marker says {@code draining} (read on a connection of
     * its own, so a pause lost to another process shows), capture is intact, and no log entry lies beyond
     * the replay checkpoint.
     */
    private static ReplayState guards(ActiveMigration m, boolean skipVerify) throws SQLException {
        ReplayState replay;
        OptionalLong verified;
        try (Connection c = SqliteFiles.openReadOnly(m.target())) {
            StateStore state = new StateStore(SchemaName.MAIN);
            replay = state.replay(c).orElseThrow();
            verified = state.verifiedSeq(c);
            List<Indexes.Missing> missing = Indexes.missing(c, m.declared(), SchemaName.MAIN);
            if (!missing.isEmpty()) {
                throw MigException.refused("The new database lacks the declared index " + missing.get(0).index().name()
                        + " (of " + missing.get(0).table().name() + "), which migrate left for drain to build.",
                        "Run 'mig drain' (it builds the index), then 'mig cutover'. If drain says it is already "
                                + "drained, the index was removed from the new database by hand: 'mig reset', then "
                                + "'mig migrate' again.");
            }
        }
        SqliteFiles.requireDatabase(m.source());
        try (Connection old = SqliteFiles.openReadOnly(m.source())) {
            Capture.Marker marker = Capture.marker(old);
            Phase phase = ActiveMigration.phaseOf(replay, marker);
            if (phase == Phase.RECORDING && replay.drainComplete()) {
                throw MigException.refused("The old database's marker says '" + marker.name().toLowerCase(Locale.ROOT)
                        + "', not 'draining': the application may still be writing to it.", "Run 'mig drain' again.");
            }
            phase.require("mig cutover", Phase.DRAINED);
            m.requireCaptureIntact();
            long last = Capture.lastSeq(old);
            CaptureIntegrity.requireLogReaches(last, replay.lastSeq());
            if (last > replay.lastSeq()) {
                throw MigException.refused("The old database has " + (last - replay.lastSeq()) + " change-log entries "
                        + "beyond the replay checkpoint.", "Run 'mig drain' again to replay them.");
            }
            if (!skipVerify) {
                requireVerified(old, replay, verified);
            }
        }
        return replay;
    }

    /** The cutover: statements to run, and where they come from. */
    record Statements(List<String> statements, String source) {
    }

    /**
     * The cutover: statements: schema.yaml's while it still declares the migration's schema (so that a
     * statement that failed at cutover can be fixed there), else those stored with the plan.
     */
    static Statements cutoverStatements(ActiveMigration m) {
        ProjectFiles files = ProjectFiles.at(m.target().getParent(), null);
        String why;
        try {
            if (!Files.isRegularFile(files.schemaFile())) {
                why = "there is no schema.yaml";
            } else if (files.targetHash().equals(m.plan().targetHash())) {
                return new Statements(files.declared().cutover(), "schema.yaml");
            } else {
                why = "schema.yaml now declares another schema";
            }
        } catch (MigException e) {
            why = "schema.yaml does not load: " + e.getMessage();
        }
        return new Statements(m.declared().cutover(), "the plan stored when the migration started, as " + why);
    }

    /**
     * A rollback-journal source cannot be verified while the application writes (the comparison's read
     * lock would block every writer), so drain verifies it inside the write pause when that fits, or the
     * operator runs 'mig verify' while writes are paused; without that, cutover needs --no-verify, given
     * on purpose. WAL sources were verified by drain before its pause.
     */
    private static void requireVerified(Connection old, ReplayState replay, OptionalLong verified)
            throws SQLException {
        if (DrainRun.walMode(old)) {
            return;
        }
        if (verified.isEmpty() || verified.getAsLong() != replay.lastSeq()) {
            throw MigException.refused("The new database has not been verified against the old one as drained "
                            + "(change-log position " + replay.lastSeq() + "): the old database is in rollback-journal "
                            + "mode, so drain could not verify it while the application wrote, and did not inside the "
                            + "write pause.",
                    "Run 'mig verify' now (writes are paused, so it compares the final state), then 'mig cutover'; or "
                            + "cut over unverified with 'mig cutover --no-verify'.");
        }
    }

    static long rowsCopied(ActiveMigration m) throws SQLException {
        try (Connection c = SqliteFiles.openReadOnly(m.target())) {
            return new StateStore(SchemaName.MAIN).progress(c).stream().mapToLong(TableProgress::rowsCopied).sum();
        }
    }

    /**
     * In one transaction on the new database: create the declared user triggers, drop the replay-only
     * tables, set the status to {@code ready}, and append the history row. Durability is restored first.
     * Hot migrations reach this only through {@link #cutOver}'s guards; {@code migrate --offline} calls it
     * after its own check that nothing wrote to the old database.
     */
    static void finish(ActiveMigration m, long rowsCopied, long entriesReplayed, Long writePauseMs, Progress progress)
            throws SQLException {
        StateStore state = new StateStore(SchemaName.MAIN);
        try (Connection c = SqliteFiles.openReadWrite(m.target())) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA synchronous = FULL");
            }
            ReplayState replay = state.replay(c).orElseThrow();
            OptionalLong verified = state.verifiedSeq(c); // read before markReady drops the replay table
            Tx.immediate(c, conn -> {
                try (Statement s = conn.createStatement()) {
                    for (var trigger : m.declared().triggers()) {
                        s.execute(trigger.sql());
                    }
                }
                Statements hooks = cutoverStatements(m);
                if (!hooks.statements().isEmpty()) {
                    // They may be UPDATEs over whole tables: the one part of cutover that can take a while.
                    progress.step("run " + Format.count(hooks.statements().size(), "cutover statement",
                            "cutover statements") + " from " + hooks.source(), () -> {
                                CutoverStatements.apply(conn, hooks.statements(), hooks.source());
                                return null;
                            });
                }
                state.markReady(conn, m.plan().remappedTables());
                state.appendHistory(conn, new StateStore.HistoryRow(m.plan().sourceHash(), m.plan().targetHash(),
                        replay.startedUtc(), Clock.nowUtc(), rowsCopied, entriesReplayed, writePauseMs,
                        dev.mig.common.Versions.mig()));
                state.markCutoverVerified(conn, verified.isPresent() ? verified.getAsLong() : null);
                return null;
            });
        }
    }
}
