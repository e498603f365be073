package dev.mig.cli;

import dev.mig.api.MigException;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/** Entry point of the {@code mig} executable. */
public final class Main {

    static final String INTERRUPTED = "mig: interrupted. What was committed is kept, and the application's data in "
            + "the old database is untouched. Run the same command again to continue; 'mig status' shows where the "
            + "migration stands (if it says writes are paused, 'mig drain' resumes them).";

    private Main() {
    }

    /** Commands that change files: stopped mid-way, they leave something to continue or undo. */
    private static final Set<String> CHANGING = Set.of("migrate", "drain", "cutover", "verify", "reset",
            "archive-old", "init", "demo");

    public static void main(String[] args) {
        AtomicBoolean finished = new AtomicBoolean();
        if (Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().filter(CHANGING::contains).isPresent()) {
            // Ctrl-C (SIGINT) or a kill (SIGTERM) runs the hooks while the command is still at work: say so,
            // and what to do, instead of vanishing. Ctrl-C ending 'status --watch' or 'wait-ready' is how
            // those end: nothing to say. A command that ended exits through System.exit, quietly.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (!finished.get()) {
                    System.err.println();
                    System.err.println(INTERRUPTED);
                    System.err.flush();
                }
            }, "mig-interrupted"));
        }
        int code = MigException.Kind.INTERNAL.exitCode;
        try {
            code = run(args);
        } finally {
            finished.set(true);
        }
        System.exit(code);
    }

    /** Runs mig with {@code args} and returns the exit code; tests call this in-process. */
    public static int run(String... args) {
        return MigCommand.commandLine().execute(args);
    }
}
