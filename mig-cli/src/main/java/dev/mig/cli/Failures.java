package dev.mig.cli;

import dev.mig.Mig;
import dev.mig.api.MigException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
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

    private final ConfigDefaults defaults;

    Failures(ConfigDefaults defaults) {
        this.defaults = defaults;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        MigException mig = ex instanceof MigException m ? withSource(m, parsed.originalArgs(), defaults)
                : new MigException(MigException.Kind.INTERNAL, "internal error: " + ex, BUG_HINT, ex);
        boolean json = Options.jsonRequested(parsed);
        if (json && Options.requested(parsed, "--watch")) {
            printJson(cl.getOut(), mig.kind(), mig.getMessage(), mig.hint(), true); // one more JSON line
            json = false;
        }
        report(cl.getOut(), cl.getErr(), mig, json, Options.debugRequested(parsed));
        return mig.kind().exitCode;
    }

    /** Says what went wrong and what to do on stderr (and, under --json, as a document on stdout). */
    static void report(PrintWriter out, PrintWriter err, MigException e, boolean json, boolean debug) {
        if (json) {
            printJson(out, e.kind(), e.getMessage(), e.hint(), false);
        }
        err.println("mig: " + e.getMessage());
        if (e.hint() != null) {
            err.println("  what to do: " + e.hint());
        }
        if (debug) {
            (e.getCause() != null && e.kind() == MigException.Kind.INTERNAL ? e.getCause() : e).printStackTrace(err);
        }
        err.flush();
    }

    /**
     * {@code e} with its hint saying where the options it names got their values, when the environment
     * or the config file set them: a message about --fail-on puzzles someone who never typed it.
     */
    static MigException withSource(MigException e, List<String> args, ConfigDefaults defaults) {
        String from = defaults.whereFrom(e.getMessage(), args);
        if (from == null) {
            return e;
        }
        String hint = e.hint() == null ? from : e.hint() + " " + from;
        MigException sourced = new MigException(e.kind(), e.getMessage(), hint, e.getCause());
        sourced.setStackTrace(e.getStackTrace());
        return sourced;
    }

    private static final String BUG_HINT = "this is a bug in mig; rerun with --debug and report the output.";

    /**
     * Under --json an error is a document on stdout too, so that a script reading stdout gets one whatever
     * happened (specs/json.md); people read the message on stderr as always.
     */
    static void printJson(PrintWriter out, MigException.Kind kind, String message, String hint, boolean oneLine) {
        ErrorReport report = new ErrorReport(new ErrorReport.Error(kind.name().toLowerCase(Locale.ROOT), kind.exitCode,
                message, hint));
        out.println(oneLine ? Mig.jsonLine(report) : Mig.json(report));
        out.flush();
    }

    /** What --json prints when a command fails. */
    record ErrorReport(Error error) {
        /** @param kind refused, input, runtime or internal, as the exit code says */
        record Error(String kind, int exitCode, String message, String hint) {
        }
    }

    /** Wrong options or arguments: say which, show the command's usage, exit 2. */
    static final class BadUsage implements IParameterExceptionHandler {
        private final ConfigDefaults defaults;

        BadUsage(ConfigDefaults defaults) {
            this.defaults = defaults;
        }

        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            PrintWriter err = cl.getErr();
            String from = defaults.whereFrom(String.valueOf(ex.getMessage()), List.of(args));
            String hint = (from == null ? "see '" : from + " See '") + cl.getCommandSpec().qualifiedName()
                    + " --help'.";
            if (Options.jsonRequested(args)) {
                printJson(cl.getOut(), MigException.Kind.INPUT, ex.getMessage(), hint, false);
            }
            err.println("mig: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("  what to do: " + hint);
            err.flush();
            return MigException.Kind.INPUT.exitCode;
        }
    }
}
