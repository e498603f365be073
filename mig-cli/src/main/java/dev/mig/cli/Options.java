package dev.mig.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

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

    /** {@code --debug}: adds stack traces to error messages. */
    static final class DebugOption {
        @Option(names = "--debug", description = "Print stack traces with errors.")
        boolean debug;
    }

    static boolean debugRequested(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    private Options() {
    }
}
