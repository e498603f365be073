package dev.mig.cli.acceptance;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mig.cli.MigCommand;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the mig command line in-process, as a user would from a shell, and keeps what it printed. */
public final class Cli {
    private Cli() {
    }

    /** What one run of mig printed, and its exit code. */
    public record Run(int exit, String out, String err) {
        /** Fails if stderr holds a stack trace or an exception class name: users get messages only. */
        public Run assertNoStackTrace() {
            assertFalse(err.contains("\tat ") || err.contains("Exception"), "stack trace on stderr:\n" + err);
            assertFalse(out.contains("\tat ") || out.contains("Exception"), "stack trace on stdout:\n" + out);
            return this;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public static Run mig(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            exit = MigCommand.commandLine(o, e).execute(args);
        }
        return new Run(exit, out.toString(), err.toString());
    }
}
