package dev.mig.cli;

import dev.mig.Mig;
import dev.mig.api.InitResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mig init}: adopt an existing database by writing a schema.yaml that describes it. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write DIR/schema.yaml describing an existing database, so an application that already "
                + "has a database can start declaring its schema. Reads the database only.",
        footer = {"", "Examples:", "  mig init --from app.sqlite", "  mig init --from scratch.sqlite --merge  # after the ORM migrated a scratch copy"})
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The database to describe.")
    Path from;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR", defaultValue = ".",
            description = "Where to write schema.yaml (default: the current directory).")
    Path dir;

    @Option(names = "--force", description = "Overwrite an existing schema.yaml.")
    boolean force;

    @Option(names = "--merge", description = "Rewrite the existing schema.yaml from the database (an ORM's scratch "
            + "database after its new migrations), keeping its name and directives (renamedFrom, from, dropColumns, "
            + "ids, dropTables, cutover) and its comments where they still apply, and listing those that no longer "
            + "do.")
    boolean merge;

    @Option(names = "--json", description = "Print the file written and what was left out, kept or dropped as JSON.")
    boolean json;

    @Mixin
    Options.DebugOption debug;

    /** The database may be the application's, live: its write transaction can hold the read up. */
    @Mixin
    Options.BusyTimeoutOption busyTimeout;

    /** Taken like every command's, though init prints nothing on stderr but warnings and errors anyway. */
    @Mixin
    Options.OutputOptions output;

    @Override
    public Integer call() {
        if (merge && force) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--merge and --force exclude each other: --merge keeps the file's directives, --force does not");
        }
        InitResult result = merge ? Mig.initMerge(from, dir) : Mig.init(from, dir, force);
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(Mig.json(result));
            return 0;
        }
        out.println("Wrote " + result.schemaFile());
        for (String leftOut : result.leftOut()) {
            out.println("  left out: " + leftOut);
        }
        for (String kept : result.kept()) {
            out.println("  kept: " + kept);
        }
        for (String gone : result.noLongerApply()) {
            out.println("  no longer applies, not kept: " + gone);
        }
        out.println(merge ? "Next: 'mig plan -d " + result.schemaFile().getParent() + "' shows how the application's "
                + "database moves to it." : "Next: 'mig plan -d " + result.schemaFile().getParent() + " --source " + from
                + "' should report no changes.");
        return 0;
    }
}
