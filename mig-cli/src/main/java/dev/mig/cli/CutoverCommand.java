package dev.mig.cli;

import dev.mig.Mig;
import dev.mig.api.CutoverResult;
import dev.mig.api.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mig cutover}: make the new database the application's. */
@Command(name = "cutover", mixinStandardHelpOptions = true,
        description = "After a complete drain (and, for a rollback-journal source, a verify at the drained position): "
                + "in one transaction on the new database, create the declared triggers, run schema.yaml's cutover: "
                + "statements, "
                + "drop mig's replay tables, set _migration_status to 'ready' and record the migration in "
                + "_migration_history. Idempotent.",
        footer = {"", "Exit codes: 0 cut over (or already ready), 1 refused (a guard says no: it names the command to "
                + "run), 2 bad input, 3 runtime failure.",
                "", "Examples:", "  mig cutover", "  mig cutover --json"})
final class CutoverCommand extends ProjectCommand {

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--no-verify", description = "Cut a rollback-journal source over without a verify at the drained "
            + "position (drain verifies inside the write pause when it fits; otherwise run 'mig verify' first).")
    boolean noVerify;

    @Override
    public Integer call() {
        CutoverResult r;
        try (ProgressPrinter progress = ProgressPrinter.forCommand(err(), output, json)) {
            r = Mig.cutover(Project.at(project.dir, null), noVerify, progress);
        }
        var out = out();
        if (json) {
            out.println(Mig.json(r));
        } else if (r.alreadyReady()) {
            out.println(r.target() + " is already ready; nothing to do.");
        } else {
            out.println("Cut over: " + r.target() + " is ready. Start the new application version; then clean up "
                    + "the old database with: " + Mig.archiveOldCommand(project.dir, r.source()));
        }
        return 0;
    }
}
