package dev.mig.run;

import dev.mig.common.MigException;
import dev.mig.plan.DiskSpace;
import dev.mig.plan.MigrationPlan;
import dev.mig.plan.Planner;
import dev.mig.project.ActiveMigration;
import dev.mig.project.Project;
import dev.mig.schema.Introspector;
import dev.mig.schema.Schema;
import dev.mig.sql.SchemaName;
import dev.mig.sql.SqliteFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** {@code mig plan}: what migrate would do, and whether it would go ahead. Reads only. */
public final class PlanRun {

    private PlanRun() {
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
    public record Report(Path dir, Path schemaFile, Path source, Path target, boolean targetExists,
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
    public static Report run(Project project) {
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
                return new Report(project.dir(), project.schemaFile(), null, target, true, true, null, true, null, null);
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
            return new Report(project.dir(), project.schemaFile(), null, target, false, false, refusal,
                    refusal == null && fresh.canMigrate(), fresh, null);
        }
        try (Connection c = SqliteFiles.openReadOnly(live)) {
            MigrationPlan plan = Planner.plan(declared, Introspector.read(c, SchemaName.MAIN, live), c);
            // Room for a copy yet to start; a migration in progress has its new file already.
            boolean copyAhead = source.isPresent() && active.isEmpty() && !targetExists;
            DiskSpace disk = copyAhead ? DiskSpace.of(c, project.dir()).orElse(null) : null;
            return new Report(project.dir(), project.schemaFile(), source.orElse(null), target, targetExists,
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

    private static MigException closeFailed(Path file, SQLException e) {
        if (SqliteFiles.isDamage(e)) {
            return SqliteFiles.damaged(file, e);
        }
        return MigException.runtime("Cannot read " + file + ": " + e.getMessage(),
                "Check that the file is readable and not locked exclusively by another process.", e);
    }
}
