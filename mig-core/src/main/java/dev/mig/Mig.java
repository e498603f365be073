package dev.mig;

import dev.mig.common.MigException;
import dev.mig.common.Versions;
import dev.mig.project.Project;
import dev.mig.copy.CopyListener;
import dev.mig.project.ActiveMigration;
import dev.mig.run.ArchiveRun;
import dev.mig.run.CutoverRun;
import dev.mig.run.DrainRun;
import dev.mig.run.MigrateRun;
import dev.mig.run.ResetRun;
import dev.mig.run.StatusReader;
import dev.mig.run.StatusReport;
import dev.mig.run.VerifyRun;
import dev.mig.plan.DiskSpace;
import dev.mig.plan.MigrationPlan;
import dev.mig.plan.Planner;
import dev.mig.schema.Introspector;
import dev.mig.schema.LiveDatabase;
import dev.mig.schema.Schema;
import dev.mig.schema.SchemaYaml;
import dev.mig.sql.SqliteFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** What each mig command does, as calls the CLI (or an application) can make. */
public final class Mig {

    private Mig() {
    }

    /**
     * What {@code mig plan} found: the project's files and the plan. When {@code targetCurrent}, the
     * schema's database exists and is current (ready after a cutover or a bootstrap, or the application's
     * own database named after its schema): there is nothing to migrate, and {@code plan} and
     * {@code source} are null. {@code refusal}, when not null, is why migrate would refuse whatever the
     * plan says (the existing target file, or the migration in progress). {@code canMigrate}: migrate
     * would go ahead, resume, or find nothing to do. {@code disk}: room for a copy yet to start (null
     * during a migration, with nothing to copy, or when the file system cannot say).
     */
    public record PlanReport(Path dir, Path schemaFile, Path source, Path target, boolean targetExists,
                             boolean targetCurrent, Refusal refusal, boolean canMigrate, MigrationPlan plan,
                             DiskSpace disk) {
    }

    /** A refusal's message and what to do, as data. */
    public record Refusal(String message, String hint) {
    }

    /**
     * Diffs schema.yaml against the source database; reads only (a hot journal aside: specs/planning.md).
     * Decides as migrate decides (the same checks, in the same order), so that its verdict is migrate's.
     */
    public static PlanReport plan(Project project) {
        Schema declared = project.declared();
        Path target = project.target();
        boolean targetExists = Files.exists(target);
        Optional<ActiveMigration> active = Optional.empty();
        Optional<Path> source = Optional.empty();
        Refusal refusal = null;
        try {
            active = ActiveMigration.find(project.dir());
            if (active.isPresent()) {
                source = Optional.of(active.get().source());
                MigrateRun.requireResumable(project, active.get(), false);
            } else if (targetExists) {
                // An old file left beside it is not a source any more: migrate says there is nothing to do.
                MigrateRun.requireCurrent(project, target);
                return new PlanReport(project.dir(), project.schemaFile(), null, target, true, true, null, true, null, null);
            } else {
                source = MigrateRun.sourceOf(project);
                source.ifPresent(MigrateRun::requireNoCapture);
            }
        } catch (MigException e) {
            if (e.kind() != MigException.Kind.REFUSED) {
                throw e;
            }
            refusal = new Refusal(e.getMessage(), e.hint());
            source = sourceDespiteRefusal(project, active, source);
        }
        // Without a source, an existing database of this schema is planned against itself.
        Path live = source.orElse(targetExists ? target : null);
        if (live == null) {
            if (refusal == null) {
                project.requireNoOtherDatabase();
            }
            MigrationPlan fresh = Planner.plan(declared, null, null);
            return new PlanReport(project.dir(), project.schemaFile(), null, target, false, false, refusal,
                    refusal == null && fresh.canMigrate(), fresh, null);
        }
        try (Connection c = SqliteFiles.openReadOnly(live)) {
            MigrationPlan plan = Planner.plan(declared, Introspector.read(c, "main", live), c);
            // Room for a copy yet to start; a migration in progress has its new file already.
            boolean copyAhead = source.isPresent() && active.isEmpty() && !targetExists;
            DiskSpace disk = copyAhead ? DiskSpace.of(c, project.dir()).orElse(null) : null;
            return new PlanReport(project.dir(), project.schemaFile(), source.orElse(null), target, targetExists,
                    false, refusal, refusal == null && plan.canMigrate(), plan, disk);
        } catch (SQLException e) {
            throw closeFailed(live, e);
        }
    }

    /**
     * What plan reads the live schema from once migrate is known to refuse: the source found so far if
     * any, else the one named or found by name. A missing or ambiguous source does not hide the refusal
     * behind another error: the target, or nothing, is planned instead.
     */
    private static Optional<Path> sourceDespiteRefusal(Project project, Optional<ActiveMigration> active,
                                                       Optional<Path> found) {
        if (active.isPresent() || found.isPresent()) {
            return found.filter(Files::isRegularFile);
        }
        try {
            return project.source();
        } catch (MigException e) {
            if (e.kind() == MigException.Kind.INPUT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** What {@code mig init} wrote, and what it had to leave out (virtual tables, ON CONFLICT clauses ...). */
    public record InitResult(Path schemaFile, List<String> leftOut) {
    }

    /**
     * Writes {@code <dir>/schema.yaml} describing the database {@code from}. Refuses to overwrite an
     * existing schema.yaml unless {@code force}, and refuses to write a file that mig itself would
     * reject.
     */
    public static InitResult init(Path from, Path dir, boolean force) {
        SqliteFiles.requireDatabase(from);
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw MigException.input("Directory " + abs + " does not exist.", "Create it first, or pass another -d DIR.");
        }
        Path file = abs.resolve(Project.SCHEMA_FILE);
        if (Files.exists(file) && !force) {
            throw MigException.input(file + " already exists.",
                    "Pass --force to overwrite it, or choose another directory with -d.");
        }
        LiveDatabase live = Introspector.read(from);
        String yaml = SchemaYaml.write(live.schema());
        try {
            SchemaYaml.load(yaml, file.toString(), live.schema().name());
        } catch (MigException e) {
            String leftOut = live.unsupported().isEmpty() ? ""
                    : " mig had to leave out: " + String.join(" ", live.unsupported());
            throw MigException.refused("The schema of " + from + " cannot be declared as it is: " + e.getMessage()
                            + "." + leftOut,
                    "Remove or fix what the message names in the database (an object that uses something mig "
                            + "left out, a foreign key to a missing table), then run init again; nothing was written.");
        }
        Path tmp = abs.resolve(".schema.yaml." + ProcessHandle.current().pid() + ".tmp");
        try {
            // Not createTempFile: its 0600 would make schema.yaml private. Like an editor: the umask's
            // permissions for a new file, the old file's when it is replaced.
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
            Files.writeString(tmp, yaml, StandardOpenOption.TRUNCATE_EXISTING);
            // After writing: the replaced file may be read-only (0444), which it then stays.
            if (Files.exists(file) && Files.getFileStore(abs).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file));
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // Already failing; the name says what it is.
            }
            throw MigException.runtime("Cannot write " + file + ": " + e.getMessage(),
                    "Check the directory's permissions and free space.", e);
        }
        return new InitResult(file, live.unsupported());
    }

    /** {@code mig migrate}: start (or resume) a hot migration, or with {@code offline} do it all in one run. */
    public static MigrateRun.Result migrate(Project project, boolean offline, CopyListener listener) {
        return new MigrateRun(project, offline, listener).run();
    }

    /** {@code mig reset}: undo a migration that has not been cut over. */
    public static ResetRun.Result reset(Path dir, Path source, boolean dryRun) {
        Path abs = existingDir(dir);
        return new ResetRun(abs, source == null ? null : source.toAbsolutePath().normalize(), dryRun).run();
    }

    /** {@code mig drain}: replay the change log, pausing the old database's writes only for the tail. */
    public static DrainRun.Result drain(Path dir, DrainRun.Options options, Consumer<String> log) {
        Path abs = existingDir(dir);
        // Read schema.yaml only when no migration is in progress: during one the stored plan wins, and an
        // edited (even broken) schema.yaml must not stop the drain.
        return new DrainRun(abs, options, log).run(() -> declaredTarget(Project.at(abs, null)));
    }

    /** {@code mig cutover}: mark the new database ready, after its guards. */
    public static CutoverRun.Result cutover(Project project) {
        return CutoverRun.run(project.dir(), declaredTarget(project));
    }

    /** The database schema.yaml names, or null without a schema.yaml. */
    private static Path declaredTarget(Project project) {
        return Files.isRegularFile(project.schemaFile()) ? project.target() : null;
    }

    /** {@code mig verify}: compare the new database with the old one mapped through the plan. */
    public static VerifyRun.Result verify(Path dir) {
        return VerifyRun.run(existingDir(dir));
    }

    /** {@code mig archive-old}: after cutover, clean up (or with {@code move}, archive) the old database. */
    public static ArchiveRun.Result archiveOld(Path dir, Path source, boolean move) {
        return ArchiveRun.run(existingDir(dir), source == null ? null : source.toAbsolutePath().normalize(), move);
    }

    /** {@code mig status}: where the project's migration stands. Takes no lock and never blocks writers. */
    public static StatusReport status(Path dir) {
        Path abs = existingDir(dir);
        Path name = abs.getFileName();
        return new StatusReader(abs, abs.resolve(Project.SCHEMA_FILE), name == null ? "db" : name.toString()).read();
    }

    private static Path existingDir(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw MigException.input("Project directory " + abs + " does not exist.", "Pass the project directory with -d DIR.");
        }
        return abs;
    }

    /** mig's version, from the jar manifest (or "dev" when run from classes). */
    public static String version() {
        return Versions.mig();
    }

    /** The SQLite library version sqlite-jdbc bundles. */
    public static String sqliteVersion() {
        return Versions.sqlite();
    }

    private static MigException closeFailed(Path file, SQLException e) {
        if (SqliteFiles.isDamage(e)) {
            return SqliteFiles.damaged(file, e);
        }
        return MigException.runtime("Cannot read " + file + ": " + e.getMessage(),
                "Check that the file is readable and not locked exclusively by another process.", e);
    }
}
