package dev.mig.reliability;

import dev.mig.Mig;
import dev.mig.project.Project;
import dev.mig.common.MigException;
import dev.mig.copy.CopyListener;
import dev.mig.run.DrainRun;
import dev.mig.run.ProjectLock;
import java.nio.file.Path;

/**
 * The main class of the child JVMs the reliability tests start: one mig command, run as the CLI runs it,
 * in a process the test can halt at a crash point ({@code -Dmig.test.crashAt=K}) or cap at a page
 * limit ({@code -Dmig.test.newDatabaseMaxPages=N}).
 *
 * <p>{@code COMMAND DIR} with COMMAND one of migrate, drain, cutover, reset, archive-old, archive-move:
 * exits 0 on success; on a {@link MigException} prints {@code mig-error KIND message} to stderr and
 * exits with the kind's exit code, as the CLI does. {@code hold-lock DIR}: takes the project lock,
 * prints "locked" and holds it until killed.
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        try {
            run(args[0], dir);
        } catch (MigException e) {
            System.err.println("mig-error " + e.kind() + " " + e.getMessage());
            System.err.flush();
            System.exit(e.kind().exitCode);
        }
        System.exit(0);
    }

    private static void run(String command, Path dir) throws InterruptedException {
        switch (command) {
            case "migrate" -> Mig.migrate(Project.at(dir, null), false, CopyListener.NONE);
            case "drain" -> Mig.drain(dir, new DrainRun.Options(60_000, false, true), line -> { });
            case "cutover" -> Mig.cutover(Project.at(dir, null));
            case "reset" -> Mig.reset(dir, null, false);
            case "archive-old" -> Mig.archiveOld(dir, null, false);
            case "archive-move" -> Mig.archiveOld(dir, null, true);
            case "hold-lock" -> holdLock(dir);
            default -> throw new IllegalArgumentException(command);
        }
    }

    private static void holdLock(Path dir) throws InterruptedException {
        try (ProjectLock lock = ProjectLock.acquire(dir)) {
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
