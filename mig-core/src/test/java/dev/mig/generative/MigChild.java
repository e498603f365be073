package dev.mig.generative;

import dev.mig.Mig;
import dev.mig.api.DrainOptions;
import dev.mig.api.DrainResult;
import dev.mig.api.MigException;
import dev.mig.api.MigrateResult;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.api.VerifyResult;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One mig command in a JVM of its own, as a user runs it: exit 0, or on a {@link MigException}
 * {@code mig-error KIND message} on stderr and the CLI's exit code; halted (137) at
 * {@code -Dmig.test.crashAt=K}.
 *
 * <ul>
 *   <li>{@code migrate DIR SOURCE GO OFFLINE}: after its first chunk prints "copying" and waits for the
 *   file GO (so that the application writes while the copy runs), then pauses 10 ms after each chunk</li>
 *   <li>{@code drain DIR MAX_PAUSE CUTOVER}, {@code cutover DIR}, {@code reset DIR}</li>
 * </ul>
 */
public final class MigChild {

    private MigChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        try {
            System.out.println(run(args, dir));
        } catch (MigException e) {
            System.err.println("mig-error " + e.kind() + " " + e.getMessage() + " / " + e.hint());
            System.err.flush();
            System.exit(e.kind().exitCode);
        }
        System.exit(0);
    }

    private static String run(String[] args, Path dir) {
        return switch (args[0]) {
            case "migrate" -> {
                MigrateResult r = Mig.migrate(Project.at(dir, Path.of(args[2])), Boolean.parseBoolean(args[4]),
                        new SlowCopy(Path.of(args[3])));
                yield "migrate " + r.outcome();
            }
            case "drain" -> {
                DrainResult r = Mig.drain(Project.at(dir, null), new DrainOptions(Long.parseLong(args[2]),
                        Boolean.parseBoolean(args[3]), true), Progress.NONE);
                yield "drain already=" + r.alreadyDrained() + " cutOver=" + r.cutOver() + " pauseMs=" + r.writePauseMs();
            }
            case "cutover" -> "cutover already=" + Mig.cutover(Project.at(dir, null)).alreadyReady();
            case "verify" -> {
                VerifyResult r = Mig.verify(Project.at(dir, null));
                if (!r.equal()) {
                    throw MigException.refused("verify found differences: " + r.tables(), "a bug: the copy differs");
                }
                yield "verify equal";
            }
            case "reset" -> "reset " + Mig.reset(Project.at(dir, null), false);
            default -> throw new IllegalArgumentException(args[0]);
        };
    }

    /** Holds the copy after its first chunk until the harness saw the application write, then slows it. */
    private static final class SlowCopy implements Progress {
        private final Path go;
        private boolean first = true;

        SlowCopy(Path go) {
            this.go = go;
        }

        @Override
        public void chunkCopied(String table, long rowsCopied, long rowsTotal) {
            try {
                if (first) {
                    first = false;
                    System.out.println("copying");
                    System.out.flush();
                    long deadline = System.currentTimeMillis() + 15_000;
                    while (!Files.exists(go) && System.currentTimeMillis() < deadline) {
                        Thread.sleep(5);
                    }
                }
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
