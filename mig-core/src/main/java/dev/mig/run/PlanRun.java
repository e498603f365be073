package dev.mig.run;

import dev.mig.api.MigException;
import dev.mig.api.PlanReport;
import dev.mig.api.Progress;
import dev.mig.api.Refusal;
import dev.mig.api.plan.DiskSpace;
import dev.mig.api.plan.MigrationPlan;
import dev.mig.plan.DiskProbe;
import dev.mig.plan.Planner;
import dev.mig.project.ActiveMigration;
import dev.mig.project.ProjectFiles;
import dev.mig.schema.Schema;
import dev.mig.schema.introspect.Introspector;
import dev.mig.schema.introspect.LiveDatabase;
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
     * Diffs schema.yaml against the source database; reads only (a hot journal aside: specs/planning.md).
     * Decides as migrate decides (the same checks, in the same order), so that its verdict is migrate's.
     */
    public static PlanReport run(ProjectFiles project, Progress progress) {
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
                source.ifPresent(PlanRun::requireWritable);
            }
        } catch (MigException e) {
            if (e.kind() != MigException.Kind.REFUSED) {
                throw e;
            }
            refusal = new Refusal(e.getMessage(), e.hint());
            source = sourceDespiteRefusal(project, active, source);
        }
        Optional.ofNullable(project.unnamedWarning()).ifPresent(progress::warning); // once the input is known good
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
        try (Connection c = SqliteFiles.openReadOnly(live); Connection second = SqliteFiles.openReadOnly(live)) {
            MigrationPlan plan = Planner.plan(declared, readSchema(c, live, progress), c, second, progress);
            // Room for a copy yet to start; a migration in progress has its new file already.
            boolean copyAhead = source.isPresent() && active.isEmpty() && !targetExists;
            DiskSpace disk = copyAhead ? DiskProbe.measure(c, project.dir()).orElse(null) : null;
            return new PlanReport(project.dir(), project.schemaFile(), source.orElse(null), target, targetExists,
                    false, refusal, refusal == null && plan.canMigrate(), plan, disk);
        } catch (SQLException e) {
            throw closeFailed(live, e);
        }
    }

    /** The live database's schema, read as a step: a schema of many tables takes a while. */
    static LiveDatabase readSchema(Connection c, Path file, Progress progress) throws SQLException {
        return progress.step("read the schema of " + file.getFileName(), () -> Introspector.read(c, SchemaName.MAIN, file));
    }

    /** A source migrate could not install capture in: migrate would stop, so plan says it will not go ahead. */
    private static void requireWritable(Path source) {
        try {
            MigrateRun.requireWritable(source);
        } catch (MigException e) {
            throw MigException.refused(e.getMessage(), e.hint());
        }
    }

    /**
     * What plan reads the live schema from once migrate is known to refuse: the source found so far if
     * any, else the one named or found by name. A missing or ambiguous source does not hide the refusal
     * behind another error: the target, or nothing, is planned instead.
     */
    private static Optional<Path> sourceDespiteRefusal(ProjectFiles project, Optional<ActiveMigration> active,
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
