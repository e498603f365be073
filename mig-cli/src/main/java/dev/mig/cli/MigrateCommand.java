package dev.mig.cli;

import dev.mig.Mig;
import dev.mig.api.MigrateOptions;
import dev.mig.api.MigrateResult;
import dev.mig.api.Project;
import dev.mig.api.TableCopyResult;
import dev.mig.api.text.Format;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code mig migrate}: start or resume a hot migration. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Start a hot migration: check the plan, create <name>-<hash>.sqlite from schema.yaml, install "
                + "triggers in the old database that record every write, and copy the data in foreign-key order. "
                + "The application keeps reading and writing the old database throughout. Run it again after a "
                + "failure or kill: it resumes. Next: 'mig drain'.",
                "With no source database it creates the database from schema.yaml, ready at once."},
        footer = {"", "Exit codes: 0 done, 1 refused (blocked plan, another mig running, ...), 2 bad input, "
                + "3 runtime failure (rerun to resume, or 'mig reset').",
                "", "Examples:", "  mig migrate --source app.sqlite", "  mig migrate --max-rows-per-second 50000 2> migrate.log", "  mig migrate --offline  # nothing writes to the old database"})
final class MigrateCommand extends ProjectCommand {

    @Mixin
    Options.SourceOption source;

    @Option(names = "--offline", description = "Nothing is writing to the old database: copy without recording "
            + "writes, and make the new database ready in the same run.")
    boolean offline;

    @Option(names = "--json", description = "Print the summary as JSON (no progress output; warnings still go to stderr).")
    boolean json;


    @Option(names = "--max-rows-per-second", paramLabel = "N", defaultValue = "0",
            description = "Copy at most N rows a second per table, to leave the disk to the application "
                    + "(default: no limit).")
    long maxRowsPerSecond;

    @Option(names = "--chunk-ms", paramLabel = "MS", defaultValue = "75",
            description = "How long one copy chunk (one read transaction on the old database) aims to take "
                    + "(default: ${DEFAULT-VALUE} ms). Shorter makes a rollback-journal application's writers wait "
                    + "less at a time; longer copies a little faster.")
    long chunkMs;

    @Override
    public Integer call() {
        PrintWriter out = out();
        long start = System.nanoTime();
        MigrateResult r;
        try (ProgressPrinter progress = ProgressPrinter.forCommand(err(), output, json)) {
            r = Mig.migrate(Project.at(project.dir, source.path), options(), progress);
        }
        if (json) {
            out.println(Mig.json(r));
            return 0;
        }
        switch (r.outcome()) {
            case BOOTSTRAPPED -> out.println("No source database: created " + r.target() + " from schema.yaml (ready).");
            case ALREADY_CURRENT -> out.println(r.target() + " already holds this schema; nothing to migrate. To "
                    + "change the schema, edit schema.yaml and run 'mig plan'.");
            case COPIED, COMPLETED_OFFLINE -> summary(out, r, (System.nanoTime() - start) / 1_000_000);
        }
        return 0;
    }

    private MigrateOptions options() {
        if (maxRowsPerSecond < 0) {
            throw new ParameterException(spec.commandLine(), "--max-rows-per-second must be 0 (no limit) or more");
        }
        if (chunkMs < 1 || chunkMs > 60_000) {
            throw new ParameterException(spec.commandLine(), "--chunk-ms must be between 1 and 60000");
        }
        return new MigrateOptions(offline, maxRowsPerSecond, chunkMs);
    }

    private static void summary(PrintWriter out, MigrateResult r, long commandMs) {
        // Row counts are the copy's totals, earlier runs included; the times are this run's.
        out.println(r.resumed()
                ? "Resumed; the copy is complete: " + Format.count(r.copy().rows(), "row", "rows") + " in all, this run "
                        + "copying for " + Format.duration(r.copy().millis()) + "; the whole command took "
                        + Format.duration(commandMs) + "."
                : "Copied " + Format.count(r.copy().rows(), "row", "rows") + " in " + Format.duration(r.copy().millis())
                        + "; the whole command took " + Format.duration(commandMs) + ".");
        out.println("  from " + r.source());
        out.println("  to   " + r.target());
        for (TableCopyResult t : r.copy().tables()) {
            out.printf("  %-28s %17s %10s%n", t.table(), Format.count(t.rows(), "row", "rows"), Format.duration(t.millis()));
        }
        if (r.outcome() == MigrateResult.Outcome.COMPLETED_OFFLINE) {
            out.println("The new database is ready (offline migration).");
        } else {
            out.println("Writes to the old database are being recorded. Next: 'mig drain' (then 'mig cutover'),"
                    + " or 'mig reset' to undo.");
        }
    }
}
