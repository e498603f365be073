package dev.mig.reliability;

import dev.mig.Mig;
import dev.mig.api.DrainOptions;
import dev.mig.api.MigException;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.project.ProjectLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
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
            case "migrate" -> Mig.migrate(Project.at(dir, null), false, Progress.NONE);
            case "drain" -> Mig.drain(Project.at(dir, null), new DrainOptions(60_000, false, true), Progress.NONE);
            case "cutover" -> Mig.cutover(Project.at(dir, null));
            case "reset" -> Mig.reset(Project.at(dir, null), false);
            case "archive-old" -> Mig.archiveOld(Project.at(dir, null), false);
            case "archive-move" -> Mig.archiveOld(Project.at(dir, null), true);
            case "hold-lock" -> holdLock(dir);
            case "lock-loop" -> lockLoop(dir);
            default -> throw new IllegalArgumentException(command);
        }
    }

    /**
     * Prints "ready", waits for {@code DIR/go}, then for two seconds takes and leaves the project lock as
     * fast as it can, each time creating {@code DIR/inside} while it holds it: if that file already
     * exists, another process holds the lock at the same time, and this exits 9. Prints how often it took
     * the lock and how often it was refused.
     */
    private static void lockLoop(Path dir) throws InterruptedException {
        System.out.println("ready");
        System.out.flush();
        while (!Files.exists(dir.resolve("go"))) {
            Thread.sleep(1);
        }
        long acquired = 0;
        long refused = 0;
        long end = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < end) {
            try (ProjectLock lock = ProjectLock.acquire(dir, "mig test")) {
                acquired++;
                Files.createFile(dir.resolve("inside"));
                Thread.sleep(1);
                Files.delete(dir.resolve("inside"));
            } catch (MigException e) {
                if (e.kind() != MigException.Kind.REFUSED) {
                    throw e;
                }
                refused++;
            } catch (FileAlreadyExistsException e) {
                System.err.println("two holders at once");
                System.exit(9);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        System.out.println(acquired + " " + refused);
        System.out.flush();
    }

    private static void holdLock(Path dir) throws InterruptedException {
        try (ProjectLock lock = ProjectLock.acquire(dir, "mig test")) {
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
