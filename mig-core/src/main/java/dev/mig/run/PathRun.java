package dev.mig.run;

import dev.mig.api.DatabasePath.DeclaredStatus;
import dev.mig.api.DatabasePath.State;
import dev.mig.api.DatabasePath;
import dev.mig.api.MigException;
import dev.mig.project.ActiveMigration;
import dev.mig.project.ProjectFiles;
import dev.mig.project.ReadyWait;
import dev.mig.sql.SchemaName;
import dev.mig.sql.SqliteFiles;
import dev.mig.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code mig path} and {@code mig wait-ready}: which database an application should open, for
 * applications that are not written in Java. Reads only, takes no lock.
 */
public final class PathRun {

    private PathRun() {
    }

    /**
     * The database to open now: the declared schema's when it is ready; otherwise the old database of
     * the migration in progress; otherwise the database the next migration would start from.
     */
    public static DatabasePath locate(ProjectFiles project) {
        Path declared = project.target();
        DeclaredStatus status = statusOf(declared);
        if (status == DeclaredStatus.READY) {
            requireCurrent(project, declared);
            return new DatabasePath(declared, stateOf(declared), declared, status);
        }
        Optional<ActiveMigration> active = ActiveMigration.find(project.dir());
        Path current = active.map(ActiveMigration::source).or(() -> MigrateRun.sourceOf(project))
                .orElseThrow(() -> MigException.refused("There is no database in " + project.dir() + " yet: "
                                + "neither " + declared.getFileName() + " nor one it would be migrated from.",
                        "'mig migrate' creates " + declared.getFileName() + " from schema.yaml."));
        return new DatabasePath(current, stateOf(current), declared, status);
    }

    /**
     * Ready: mig made it and cut over to it, or it is the application's own database named after its
     * schema (no status row, no migration filling it); migrating: a migration is filling it.
     */
    private static DeclaredStatus statusOf(Path declared) {
        if (!Files.exists(declared)) {
            return DeclaredStatus.ABSENT;
        }
        if (StateStore.isReady(declared)) {
            return DeclaredStatus.READY;
        }
        return ActiveMigration.load(declared).isPresent() || !SqliteFiles.looksLikeSqlite(declared)
                ? DeclaredStatus.MIGRATING : statusRow(declared);
    }

    private static DeclaredStatus statusRow(Path declared) {
        try (Connection c = SqliteFiles.openReadOnly(declared)) {
            return new StateStore(SchemaName.MAIN).status(c).isEmpty() ? DeclaredStatus.READY : DeclaredStatus.MIGRATING;
        } catch (SQLException e) {
            return DeclaredStatus.MIGRATING; // being created or renamed into place: not to be opened yet
        }
    }

    /**
     * schema.yaml may have been put back to an earlier schema whose database was since migrated to a newer
     * one (a deploy rolled back): that database is stale, and an application opening it would write
     * where nobody reads.
     */
    private static void requireCurrent(ProjectFiles project, Path declared) {
        ActiveMigration.successorOf(project.dir(), declared).ifPresent(next -> {
            throw MigException.refused(declared.getFileName() + ", the database of schema.yaml, was migrated to "
                            + next.getFileName() + " since: it no longer holds the application's data.",
                    "Put back the schema.yaml of " + next.getFileName() + " (or run 'mig migrate' to migrate to "
                            + "this schema again).");
        });
    }

    private static State stateOf(Path database) {
        return switch (ActiveMigration.marker(database)) {
            case NONE -> State.READY;
            case RECORDING -> State.RECORDING;
            case DRAINING -> State.DRAINING;
        };
    }

    /** Waits until the declared schema's database is ready and returns it; refuses after {@code timeout}. */
    public static DatabasePath waitReady(ProjectFiles project, Duration timeout) throws InterruptedException {
        Path declared = project.target();
        ReadyWait.await(declared, timeout);
        requireCurrent(project, declared);
        return new DatabasePath(declared, State.READY, declared, DeclaredStatus.READY);
    }
}
