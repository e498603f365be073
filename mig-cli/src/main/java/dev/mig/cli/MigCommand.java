package dev.mig.cli;

import dev.mig.api.MigException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The top-level {@code mig} command; each subcommand is one step of a hot migration. */
@Command(name = "mig", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Hot migrations for SQLite: move a live database to a new declared schema while the "
                + "application keeps running.",
        subcommands = {PlanCommand.class, MigrateCommand.class, DrainCommand.class, CutoverCommand.class,
                StatusCommand.class, VerifyCommand.class, ArchiveOldCommand.class, DemoCommand.class,
                ResetCommand.class, InitCommand.class, RulesCommand.class, PathCommand.class, WaitReadyCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes:",
                "  0  success (for plan: no finding at the --fail-on level; by default, migrating can go ahead)",
                "  1  refused: a blocked plan (a finding at --fail-on), a guard that says no, a failed verification",
                "  2  bad input: options, paths, schema.yaml, a file that is not an SQLite database",
                "  3  runtime failure: I/O, locks, a full disk, an SQLite error mid-operation",
                "  4  internal error (a bug in mig: please report it with --debug output)"})
public final class MigCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A configured command line: mig's exception handler, exit codes and output streams. */
    public static CommandLine commandLine() {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, System.getenv());
    }

    /**
     * A command line whose option defaults come from {@code env} and the project's config file
     * ({@link ConfigDefaults}); the file is read when the arguments are known, so that -d/--dir finds it.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env) {
        ConfigDefaults defaults = new ConfigDefaults(env);
        CommandLine cl = new CommandLine(new MigCommand()) {
            @Override
            public int execute(String... args) {
                try {
                    defaults.load(List.of(args));
                    for (String unused : defaults.unusedKeys(this)) {
                        err.println("WARNING: " + defaults.fileRead() + ": " + unused);
                    }
                    err.flush();
                } catch (MigException e) {
                    Failures.report(out, err, e, Options.jsonRequested(args), List.of(args).contains("--debug"));
                    return e.kind().exitCode;
                }
                int code = super.execute(args);
                if (out.checkError() && code <= 1) {
                    // PrintWriter swallows write errors: a full disk behind '> mig.sarif' must not pass.
                    err.println("mig: could not write the output (stdout): the disk may be full or the pipe closed.");
                    err.println("  what to do: check where stdout goes, then run the command again.");
                    err.flush();
                    return MigException.Kind.RUNTIME.exitCode;
                }
                return code;
            }
        };
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new Failures(defaults));
        cl.setParameterExceptionHandler(new Failures.BadUsage(defaults));
        cl.setDefaultValueProvider(defaults);
        HelpText.install(cl);
        return cl;
    }
}
