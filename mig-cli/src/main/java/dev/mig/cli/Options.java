package dev.mig.cli;

import dev.mig.Mig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** Options every project command takes. */
final class Options {

    /** {@code -d/--dir} and {@code --source}. */
    static final class ProjectOptions {
        @Option(names = {"-d", "--dir"}, paramLabel = "DIR", defaultValue = ".",
                description = "Project directory holding schema.yaml (default: the current directory).")
        Path dir;
    }

    /**
     * {@code --source}, only on the commands that look for the old database themselves (plan, migrate,
     * reset, archive-old); the others find it in the migration's stored plan, and refuse the option
     * rather than ignore it.
     */
    static final class SourceOption {
        @Option(names = "--source", paramLabel = "PATH",
                description = "The application's current database, when it is not the one other "
                        + "<name>-<hash>.sqlite in DIR.")
        Path path;
    }

    /** {@code --busy-timeout}: how long mig's connections wait for the application's locks. */
    static final class BusyTimeoutOption {
        @Spec(Spec.Target.MIXEE)
        CommandSpec command;

        @Option(names = "--busy-timeout", paramLabel = "MS", defaultValue = "5000",
                description = "How long to wait for a lock another connection holds (an application's write "
                        + "transaction) before giving up with exit 3 (default: ${DEFAULT-VALUE} ms).")
        void set(long millis) {
            if (millis < 0) {
                throw new ParameterException(command.commandLine(), "--busy-timeout must be 0 or more milliseconds, "
                        + "not " + millis);
            }
            Mig.busyTimeout(java.time.Duration.ofMillis(millis));
        }
    }

    /** {@code --quiet} and {@code --no-progress}: how much of what a command does goes to stderr. */
    static final class OutputOptions {
        @Option(names = {"-q", "--quiet"}, description = "Print nothing on stderr but warnings and errors.")
        boolean quiet;

        @Option(names = "--no-progress", description = "No progress bars or lines redrawn in place: one plain line "
                + "per step as it ends (the default when stderr is not a terminal adds a line every 1.5 s).")
        boolean noProgress;
    }

    /** {@code --debug}: adds stack traces to error messages. */
    static final class DebugOption {
        @Option(names = "--debug", description = "Print stack traces with errors.")
        boolean debug;
    }

    static boolean debugRequested(ParseResult parsed) {
        return requested(parsed, "--debug");
    }

    /**
     * Did the command line ask for JSON, with --format json, or --json without another --format? Errors
     * then print a JSON document too.
     */
    static boolean jsonRequested(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.commandSpec().findOption("--format") != null && p.hasMatchedOption("--format")) {
                String format = String.valueOf(p.matchedOptionValue("--format", "")).strip().toLowerCase(Locale.ROOT);
                if (List.of("text", "json", "markdown", "sarif").contains(format)) {
                    return format.equals("json");
                }
                break; // not a format: --json, if given, decides how the error is said
            }
        }
        return requested(parsed, "--json");
    }

    /** The same question of raw arguments, when they could not be parsed. */
    static boolean jsonRequested(String[] args) {
        java.util.List<String> list = java.util.Arrays.asList(args);
        int at = list.indexOf("--format");
        return list.contains("--json") || list.stream().anyMatch(a -> a.equalsIgnoreCase("--format=json"))
                || at >= 0 && at + 1 < list.size() && list.get(at + 1).equalsIgnoreCase("json");
    }

    /** Whether {@code option} was given to the command or any of its parents. */
    static boolean requested(ParseResult parsed, String option) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.commandSpec().findOption(option) != null && p.hasMatchedOption(option)) {
                return true;
            }
        }
        return false;
    }

    private Options() {
    }
}
