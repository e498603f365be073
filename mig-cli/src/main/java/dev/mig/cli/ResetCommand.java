package dev.mig.cli;

import dev.mig.Mig;
import dev.mig.api.Project;
import dev.mig.api.ResetResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mig reset}: undo a migration before cutover. */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Undo a migration that has not been cut over: remove mig's triggers, marker and change log from "
                + "the old database (one transaction) and delete the unfinished new database. Refuses, changing "
                + "nothing, once the new database is ready.",
        footer = {"", "Exit codes: 0 done (or nothing to do; with --dry-run: reset can run), 1 refused, 2 bad input, "
                + "3 runtime failure.",
                "", "Examples:", "  mig reset --dry-run", "  mig reset"})
final class ResetCommand extends ProjectCommand {

    @Mixin
    Options.SourceOption source;

    @Option(names = "--dry-run", description = "Say what reset would do; change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print what was done (or, with --dry-run, would be) as JSON.")
    boolean json;

    @Override
    public Integer call() {
        ResetResult r = Mig.reset(Project.at(project.dir, source.path), dryRun);
        var out = out();
        if (json) {
            out.println(Mig.json(r));
            return 0;
        }
        if (r.nothingToDo()) {
            out.println("Nothing to reset: no migration is in progress and no old database carries mig's capture.");
            return 0;
        }
        out.println(dryRun ? "Reset would:" : "Reset:");
        r.actions().forEach(a -> out.println("  - " + a));
        if (!dryRun) {
            out.println("The old database is as it was before 'mig migrate'; the application's data is untouched.");
        }
        return 0;
    }
}
