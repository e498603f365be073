package dev.mig.run;

import dev.mig.api.CopyResult;
import dev.mig.api.MigException;
import dev.mig.api.MigrateOptions;
import dev.mig.api.MigrateResult;
import dev.mig.api.Phase;
import dev.mig.api.Progress;
import dev.mig.api.plan.Blocker;
import dev.mig.api.plan.DiskSpace;
import dev.mig.api.plan.MigrationPlan;
import dev.mig.api.text.Format;
import dev.mig.capture.Capture;
import dev.mig.common.Json;
import dev.mig.copy.Copier;
import dev.mig.plan.DiskProbe;
import dev.mig.plan.Planner;
import dev.mig.project.ActiveMigration;
import dev.mig.project.ProjectFiles;
import dev.mig.project.ProjectLock;
import dev.mig.schema.RowKey;
import dev.mig.schema.Schema;
import dev.mig.schema.SchemaHash;
import dev.mig.schema.introspect.Introspector;
import dev.mig.schema.introspect.LiveDatabase;
import dev.mig.sql.SchemaName;
import dev.mig.sql.SqliteFiles;
import dev.mig.state.Identity;
import dev.mig.state.NewDatabase;
import dev.mig.state.StateStore;
import dev.mig.state.StoredPlan;
import dev.mig.state.TableProgress;
import dev.mig.verify.NewDatabaseChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code mig migrate}: plan, create the new database, install capture, copy. Rerunning it resumes an
 * interrupted run from the stored plan and cursors (specs/hot-migration.md).
 */
public final class MigrateRun {

    private final ProjectFiles project;
    private final boolean offline;
    private final MigrateOptions options;
    private final Progress listener;
    private final StateStore state = new StateStore(SchemaName.NEW);

    public MigrateRun(ProjectFiles project, MigrateOptions options, Progress listener) {
        this.project = project;
        this.offline = options.offline();
        this.options = options;
        this.listener = listener;
    }

    public MigrateResult run() {
        project.declared(); // a bad schema.yaml is refused before anything, even the lock file, is written
        try (ProjectLock lock = ProjectLock.acquire(project.dir(), "mig migrate" + StatusReader.paceOption(options))) {
            Optional<ActiveMigration> active = ActiveMigration.find(project.dir());
            if (active.isPresent()) {
                requireResumable(project, active.get(), offline);
                return copy(active.get(), true);
            }
            Path target = project.target();
            if (Files.exists(target)) {
                requireCurrent(project, target);
                return new MigrateResult(MigrateResult.Outcome.ALREADY_CURRENT, null, target, false, null);
            }
            Optional<Path> source = sourceOf(project);
            if (source.isEmpty()) {
                project.requireNoOtherDatabase();
                return bootstrap(target);
            }
            requireNoCapture(source.get());
            if (!offline) {
                requireWritable(source.get());
            }
            return start(source.get(), target);
        } catch (SQLException e) {
            throw Failures.sql("migrate", e);
        }
    }

    private MigrateResult bootstrap(Path target) {
        Optional.ofNullable(project.unnamedWarning()).ifPresent(listener::warning); // the name of a new file
        Schema declared = project.declared();
        NewDatabase.create(target, new NewDatabase.Spec(declared, null, null, NewDatabase.Status.READY,
                identity(), null, Map.of(), 1, List.of()));
        return new MigrateResult(MigrateResult.Outcome.BOOTSTRAPPED, null, target, false, null);
    }

    /**
     * The schema's database exists and no migration fills it. It is the application's current database
     * when it is complete (status {@code ready}, after a cutover or a bootstrap) and no other ready
     * database was migrated from it since (a schema.yaml set back to an earlier schema names the old,
     * stale file); or when mig did not make it but there is nothing else to migrate from (an application
     * database adopted by naming it after its schema's hash). Anything else is refused: mig never
     * overwrites a file, and never ignores --source.
     */
    public static void requireCurrent(ProjectFiles project, Path target) {
        String name = target.getFileName().toString();
        if (project.sourceNamed()) {
            project.source(); // a missing file, or the target itself, is bad input first
        }
        Optional<Path> successor = ActiveMigration.successorOf(project.dir(), target);
        if (successor.isPresent()) {
            throw MigException.refused(name + " is an earlier database of this schema: " + successor.get().getFileName()
                            + " was migrated from it since, so it lacks every write made after that cutover. mig never "
                            + "overwrites a file.",
                    "To go back to this schema, move " + name + " out of the directory, then run 'mig migrate' "
                            + "(with --source naming the application's current database if several files are left).");
        }
        if (!StateStore.isReady(target)) {
            if (!project.sourceNamed() && project.source().isEmpty()) {
                requireHoldsTheSchema(project, target);
                return;
            }
            throw MigException.refused(name + " already exists, but it is neither a migration in progress nor a "
                            + "database mig completed (no 'ready' status row); mig never overwrites a file.",
                    "Find out what the file is. If no application uses it (for example an unfinished copy from "
                            + "another tool), move it out of the directory and run 'mig migrate' again.");
        }
        if (project.sourceNamed()) {
            throw MigException.refused(name + " already exists and is ready, so --source cannot be migrated into it; "
                            + "mig never overwrites a database.",
                    "If the application already uses " + name + ", there is nothing to migrate: leave out --source. "
                            + "Otherwise move " + name + " out of the directory and run the command again.");
        }
    }

    /**
     * An application database named after the declared schema, with nothing to migrate from, is that
     * schema's database only if it really holds that schema: its introspected hash is the declared one.
     */
    private static void requireHoldsTheSchema(ProjectFiles project, Path target) {
        SqliteFiles.requireDatabase(target);
        String actual;
        try (Connection c = SqliteFiles.openReadOnly(target)) {
            actual = SchemaHash.of(Introspector.read(c, SchemaName.MAIN, target).schema());
        } catch (SQLException e) {
            throw Failures.sql("migrate", e);
        }
        if (!actual.equals(project.targetHash())) {
            throw MigException.refused(target.getFileName() + " is named after the declared schema, but its tables are "
                            + "those of schema " + actual + "; mig never overwrites a file.",
                    "Run 'mig plan' to see the differences. If it is the application's database, rename it to "
                            + project.declared().name() + "-" + actual + ".sqlite, then 'mig migrate' migrates it.");
        }
    }

    /**
     * What a migration in progress must satisfy for migrate to resume it: the --source named, if any, is
     * its own (resuming never switches databases), schema.yaml still declares its target, its source is
     * there, and its capture is as the copy left it: not draining (the copy is over: drain's to finish),
     * still recording every write of a hot migration with the old schema unchanged, absent from an
     * {@code --offline} one. Reads only; plan asks the same, so that it says what migrate will do.
     */
    public static void requireResumable(ProjectFiles project, ActiveMigration m, boolean offline) {
        requireSameSource(project, m);
        requireNoOfflineWriteSeen(m);
        String declaredHash = project.targetHash();
        if (!declaredHash.equals(m.plan().targetHash())) {
            throw MigException.refused("A migration to " + m.target().getFileName() + " is in progress, but schema.yaml now "
                            + "describes schema " + declaredHash + ".",
                    "Finish it ('mig drain', 'mig cutover') or undo it ('mig reset'), then migrate again.");
        }
        SqliteFiles.requireDatabase(m.source());
        Capture.Marker marker = ActiveMigration.marker(m.source());
        m.phase(marker).require("mig migrate", Phase.COPYING, Phase.RECORDING);
        try {
            if (offline && marker != Capture.Marker.NONE) {
                throw MigException.refused("--offline was given, but this migration records writes (it was started "
                        + "without --offline).", "Run 'mig migrate' without --offline, then 'mig drain'.");
            } else if (!offline && marker == Capture.Marker.NONE) {
                requireNothingCopied(m);
            } else if (!offline) {
                m.requireCaptureIntact();
            }
        } catch (SQLException e) {
            throw Failures.sql("migrate", e);
        }
    }

    /**
     * The source of a new migration: the project's, where a file mig cut over to a newer database in the
     * directory is no candidate (see {@link ActiveMigration#cutOver}), so that after a cutover with the
     * old file left beside the new one the next migration needs no --source.
     */
    public static Optional<Path> sourceOf(ProjectFiles project) {
        return project.source(file -> ActiveMigration.cutOver(project.dir(), file));
    }

    /**
     * A new migration's source must carry no capture: one there belongs to another migration, whether
     * its new database is gone (still recording) or it was cut over (draining: the file is stale).
     */
    public static void requireNoCapture(Path source) {
        Capture.Marker marker = ActiveMigration.marker(source);
        if (marker != Capture.Marker.NONE) {
            throw MigException.refused(source.getFileName() + " still carries mig's change capture from an earlier "
                            + "migration (" + marker.name().toLowerCase(java.util.Locale.ROOT) + ").",
                    marker == Capture.Marker.DRAINING
                            ? "That migration was cut over, so this file is out of date: migrate from the database it was "
                                    + "cut over to, and clear this one with 'mig archive-old'."
                            : "Run 'mig reset' to undo that migration first.");
        }
    }

    /**
     * A hot migration installs triggers in the source, and SQLite writes its journal beside it: both the
     * file and its directory must be writable, which is checked before the new database is created.
     */
    public static void requireWritable(Path source) {
        Path dir = source.toAbsolutePath().getParent();
        Path denied = !Files.isWritable(source) ? source : dir != null && !Files.isWritable(dir) ? dir : null;
        if (denied != null) {
            throw MigException.runtime(denied + " is not writable by this user, and a hot migration installs its "
                            + "change capture (triggers) in " + source.getFileName() + ", with SQLite's journal beside it; "
                            + "nothing was created or changed.",
                    "Run mig as the user the application writes as, or make the file and its directory writable; "
                            + "if nothing writes to it, 'mig migrate --offline' copies from a read-only file.", null);
        }
    }

    private static void requireSameSource(ProjectFiles project, ActiveMigration m) {
        if (project.sourceNamed()) {
            Path named = project.source().orElseThrow();
            if (!named.equals(m.source().toAbsolutePath().normalize())) {
                throw MigException.refused("A migration from " + m.source() + " is in progress; --source names "
                                + named + ", another database.",
                        "Rerun without --source to resume it, or undo it with 'mig reset' first.");
            }
        }
    }

    private MigrateResult start(Path source, Path target) throws SQLException {
        Optional.ofNullable(project.unnamedWarning()).ifPresent(listener::warning); // the name of a new file
        Schema declared = project.declared();
        LiveDatabase live;
        MigrationPlan plan;
        Optional<DiskSpace> disk;
        try (Connection ro = SqliteFiles.openReadOnly(source); Connection second = SqliteFiles.openReadOnly(source)) {
            live = PlanRun.readSchema(ro, source, listener);
            plan = Planner.plan(declared, live, ro, second, listener);
            disk = DiskProbe.measure(ro, project.dir());
        }
        // Offline, nothing is replayed or verified: a key that cannot be replayed, or a from: value that
        // replay or verify could not recompute, does not matter.
        List<Blocker> blockers = plan.blockers().stream().filter(b -> !(offline && b.kind().hotOnly())).toList();
        if (!blockers.isEmpty()) {
            StringBuilder why = new StringBuilder("The plan is blocked; nothing was changed:");
            blockers.forEach(b -> why.append("\n  - ").append(b.message()));
            throw MigException.refused(why.toString(), blockers.stream().allMatch(b -> b.kind().hotOnly())
                    ? "Only a hot migration is blocked: run 'mig migrate --offline' while nothing writes to the old "
                            + "database, or fix schema.yaml ('mig plan' shows the full report) and try again."
                    : "Run 'mig plan' for the full report, fix schema.yaml, and try again.");
        }
        disk.filter(DiskSpace::tight).ifPresent(d -> listener.warning(d.copyingAnyway(offline)));
        String now = Clock.nowUtc();
        StoredPlan stored = new StoredPlan(source.toString(), plan.sourceHash(), plan.targetHash(), Json.write(plan),
                Json.write(declared), Json.write(live.schema()), readSchemaYaml(), now);
        listener.step("create " + target.getFileName(), () -> {
            NewDatabase.create(target, new NewDatabase.Spec(declared, live.settings(), permissions(source),
                    NewDatabase.Status.MIGRATING, identity(), stored, rowCounts(plan), keyWidth(plan, live.schema()),
                    plan.remappedTables()));
            return null;
        });
        ActiveMigration migration = ActiveMigration.load(target).orElseThrow();
        return copy(migration, false);
    }

    /** Copies (or resumes copying) {@code m}, whose source was checked: capture is installed if due. */
    private MigrateResult copy(ActiveMigration m, boolean resumed) throws SQLException {
        try (Connection old = SqliteFiles.openReadWrite(m.source())) {
            if (!offline && Capture.marker(old) == Capture.Marker.NONE) {
                listener.step("install change capture on " + Format.count(m.capturedTables().size(), "table", "tables"), () -> {
                    Capture.install(old, m.capturedTables());
                    return null;
                });
            }
        }
        CopyResult result;
        try (Connection pair = SqliteFiles.openSourceWithTarget(m.source(), m.target())) {
            try (Statement s = pair.createStatement()) {
                // Fast bulk load; drain restores full durability before anything is declared ready.
                s.execute("PRAGMA " + SchemaName.NEW.quoted() + ".synchronous = OFF");
            }
            long dataVersion = dataVersion(pair);
            result = new Copier(pair, m.plan(), m.declared(), m.live(), listener,
                    new Copier.Pace(options.maxRowsPerSecond(), options.chunkMillis())).hot(!offline).run();
            state.carryHistory(pair, SchemaName.OLD);
            // Offline, nothing records writes: one seen now is stored, so that no rerun takes the copy for complete.
            boolean written = offline && dataVersion(pair) != dataVersion;
            dev.mig.sql.Tx.deferred(pair, c -> {
                if (written) {
                    state.markOldWrittenOffline(c);
                } else {
                    state.markCopyComplete(c);
                }
                return null;
            });
            if (written) {
                throw MigException.refused("The old database was written to during an --offline migration; "
                                + "the copy may be missing those writes, so the new database was not marked ready "
                                + "(and never will be).", OLD_WRITTEN_HINT);
            }
            if (offline) {
                listener.step("check the new database", () -> {
                    NewDatabaseChecks.offline(pair, m.target());
                    return null;
                });
            }
        }
        if (offline) {
            listener.step("mark " + m.target().getFileName() + " ready", () -> {
                CutoverRun.finish(m, result.rows(), 0, null, listener);
                return null;
            });
            return new MigrateResult(MigrateResult.Outcome.COMPLETED_OFFLINE, m.source(), m.target(), resumed, result);
        }
        return new MigrateResult(MigrateResult.Outcome.COPIED, m.source(), m.target(), resumed, result);
    }

    private static final String OLD_WRITTEN_HINT = "Stop the writers and run 'mig reset' (it deletes the unfinished "
            + "new database), then 'mig migrate --offline' again; or, after 'mig reset', migrate without --offline.";

    /** An --offline copy that saw the old database written may lack those writes: no rerun may finish it. */
    private static void requireNoOfflineWriteSeen(ActiveMigration m) {
        try (Connection c = SqliteFiles.openReadOnly(m.target())) {
            if (new StateStore(SchemaName.MAIN).oldWrittenOffline(c)) {
                throw MigException.refused("An earlier 'mig migrate --offline' saw the old database written during "
                        + "its copy, so " + m.target().getFileName() + " may be missing those writes; it will never "
                        + "be marked ready.", OLD_WRITTEN_HINT);
            }
        } catch (SQLException e) {
            throw Failures.sql("migrate", e);
        }
    }

    /** A migration whose capture vanished after rows were copied cannot be trusted to be complete. */
    private static void requireNothingCopied(ActiveMigration m) throws SQLException {
        try (Connection c = SqliteFiles.openReadOnly(m.target())) {
            long copied = new StateStore(SchemaName.MAIN).progress(c).stream().mapToLong(TableProgress::rowsCopied).sum();
            if (copied > 0) {
                throw MigException.refused("The old database has no change capture (marker, log or triggers), but "
                                + Format.count(copied, "row was", "rows were") + " copied: either this migration was started with --offline, or "
                                + "its capture was removed and writes since then may be missing.",
                        "If you started it with 'mig migrate --offline' and nothing has written to the old database "
                                + "since, 'mig migrate --offline' resumes it; otherwise run 'mig reset' and start again.");
            }
        }
    }

    /** {@code PRAGMA data_version} of main: changes when another connection commits to the old file. */
    private static long dataVersion(Connection pair) throws SQLException {
        try (Statement s = pair.createStatement(); var rs = s.executeQuery("PRAGMA main.data_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Identity identity() {
        return new Identity(project.targetHash(), GitHead.of(project.dir()), Clock.nowUtc(), dev.mig.common.Versions.mig());
    }

    private String readSchemaYaml() {
        try {
            return Files.readString(project.schemaFile());
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, Long> rowCounts(MigrationPlan plan) {
        Map<String, Long> out = new LinkedHashMap<>();
        plan.tables().stream().filter(t -> t.sourceTable() != null).forEach(t -> out.put(t.table(), t.rowCount()));
        return out;
    }

    private static int keyWidth(MigrationPlan plan, Schema live) {
        return plan.tables().stream().filter(t -> t.sourceTable() != null)
                .mapToInt(t -> RowKey.of(live.table(t.sourceTable()).orElseThrow()).size()).max().orElse(1);
    }

    private static Set<PosixFilePermission> permissions(Path source) {
        try {
            return Files.getPosixFilePermissions(source);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

}
