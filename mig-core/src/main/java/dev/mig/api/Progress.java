package dev.mig.api;

/**
 * What a command is doing, as it does it: the steps it takes (with their durations), the copy's
 * progress per table, a drain's narrative lines and warnings. The CLI draws them on stderr; an
 * application may log them or pass {@link #NONE}.
 *
 * <p>A step may hold others (cutover's statements inside its flip): each ends before the one that holds
 * it. A step that fails is not finished ({@link #stepFailed}): the error the command throws says what went
 * wrong.
 */
public interface Progress {

    /** A step begins ("probe orders", "build index idx_orders_customer"). */
    default void stepStarted(String step) {
    }

    /** The step that began last ended after {@code millis}. */
    default void stepFinished(String step, long millis) {
    }

    /** A table's copy starts (or resumes with {@code rowsCopied} already done). */
    default void tableStarted(String table, long rowsTotal, long rowsCopied) {
    }

    /** A chunk committed. */
    default void chunkCopied(String table, long rowsCopied, long rowsTotal) {
    }

    /** The table's rows are all copied and its indexes built. */
    default void tableFinished(String table, long rowsCopied, long millis) {
    }

    /** A line of the command's own account of what happens (a drain's rounds, its pause). */
    default void info(String line) {
    }

    /** Something the operator should know before the command goes on (a disk that looks too small). */
    default void warning(String message) {
    }

    /** Runs {@code work} as the step {@code step}: started, then finished with its duration if it returns. */
    default <T, E extends Exception> T step(String step, Work<T, E> work) throws E {
        stepStarted(step);
        long start = System.nanoTime();
        T result;
        try {
            result = work.run();
        } catch (Exception | Error e) {
            stepFailed(step);
            throw e;
        }
        stepFinished(step, (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    /** A step that threw: it ends without a finished line (the failure says what happened, or is handled). */
    default void stepFailed(String step) {
    }

    /** A step's work, which may throw the checked exception its caller already handles. */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    Progress NONE = new Progress() {
    };

    /** Progress that hands the command's info lines and warnings to {@code lines}, and drops the rest. */
    static Progress lines(java.util.function.Consumer<String> lines) {
        return new Progress() {
            @Override
            public void info(String line) {
                lines.accept(line);
            }

            @Override
            public void warning(String message) {
                lines.accept("WARNING: " + message);
            }
        };
    }
}
