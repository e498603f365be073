package dev.mig.cli;

import dev.mig.api.MigException;
import java.io.PrintWriter;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Turns failures into a message and an exit code. A user never sees a stack trace unless they ask
 * for one with {@code --debug}.
 */
final class Failures implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean debug = Options.debugRequested(parsed);
        if (ex instanceof MigException mig) {
            err.println("mig: " + mig.getMessage());
            if (mig.hint() != null) {
                err.println("  what to do: " + mig.hint());
            }
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return mig.kind().exitCode;
        }
        err.println("mig: internal error: " + ex);
        err.println("  what to do: this is a bug in mig; rerun with --debug and report the output.");
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return MigException.Kind.INTERNAL.exitCode;
    }

    /** Wrong options or arguments: say which, show the command's usage, exit 2. */
    static final class BadUsage implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            PrintWriter err = cl.getErr();
            err.println("mig: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("  what to do: see '" + cl.getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return MigException.Kind.INPUT.exitCode;
        }
    }
}
