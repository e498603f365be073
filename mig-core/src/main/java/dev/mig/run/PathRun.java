package dev.mig.run;

import dev.mig.api.DatabasePath.DeclaredStatus;
import dev.mig.api.DatabasePath.State;
import dev.mig.api.DatabasePath;
import dev.mig.api.MigException;
import dev.mig.project.ActiveMigration;
import dev.mig.project.ProjectFiles;
import dev.mig.project.ReadyWait;
import dev.mig.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
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
        DeclaredStatus status = StateStore.isReady(declared) ? DeclaredStatus.READY
                : Files.exists(declared) ? DeclaredStatus.MIGRATING : DeclaredStatus.ABSENT;
        if (status == DeclaredStatus.READY) {
            return new DatabasePath(declared, State.READY, declared, status);
        }
        Optional<ActiveMigration> active = ActiveMigration.find(project.dir());
        Path current = active.map(ActiveMigration::source).or(() -> MigrateRun.sourceOf(project))
                .orElseThrow(() -> MigException.refused("There is no database in " + project.dir() + " yet: "
                                + "neither " + declared.getFileName() + " nor one it would be migrated from.",
                        "'mig migrate' creates " + declared.getFileName() + " from schema.yaml."));
        return new DatabasePath(current, stateOf(current), declared, status);
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
        return new DatabasePath(declared, State.READY, declared, DeclaredStatus.READY);
    }
}
