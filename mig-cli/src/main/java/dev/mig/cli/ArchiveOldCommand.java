package dev.mig.cli;

import dev.mig.Mig;
import dev.mig.api.ArchiveResult;
import dev.mig.api.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mig archive-old}: clean up the old database after cutover. */
@Command(name = "archive-old", mixinStandardHelpOptions = true,
        description = "After cutover: remove mig's triggers, marker and change log from the old database, or with "
                + "--move move the old file (checkpointed) into DIR/archive/ as it is. Refuses while an old database "
                + "still records writes. Idempotent.",
        footer = {"", "Exit codes: 0 done (or nothing to do), 1 refused, 2 bad input, 3 runtime failure.",
                "", "Examples:", "  mig archive-old", "  mig archive-old --move  # keep the old file in DIR/archive/", "  mig archive-old --source ../old/app.sqlite"})
final class ArchiveOldCommand extends ProjectCommand {

    @Mixin
    Options.SourceOption source;

    @Option(names = "--move", description = "Move the old database into DIR/archive/ instead of cleaning it.")
    boolean move;

    @Option(names = "--json", description = "Print what was done as JSON.")
    boolean json;

    @Override
    public Integer call() {
        ArchiveResult r = Mig.archiveOld(Project.at(project.dir, source.path), move);
        var out = out();
        if (json) {
            out.println(Mig.json(r));
            return 0;
        }
        if (r.actions().isEmpty()) {
            if (source.path != null) {
                out.println("Nothing to archive: neither " + source.path + " nor a <name>-<hash>.sqlite in "
                        + project.dir + " carries mig's capture.");
            } else if (!r.otherFiles().isEmpty()) {
                out.println("Nothing archived: no <name>-<hash>.sqlite in " + project.dir + " carries mig's capture, but "
                        + String.join(", ", r.otherFiles()) + " does. If it is the old database, run: "
                        + Mig.archiveOldCommand(project.dir, java.nio.file.Path.of(r.otherFiles().get(0))));
            } else {
                out.println("Nothing to archive: no <name>-<hash>.sqlite in " + project.dir + " carries mig's capture. "
                        + "If the old database has another name or lives elsewhere, name it with --source PATH.");
            }
        }
        r.actions().forEach(a -> out.println("  " + a));
        return 0;
    }
}
