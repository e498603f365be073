package dev.mig.cli;

import dev.mig.Mig;
import dev.mig.api.DatabasePath;
import dev.mig.api.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mig path}: which database an application should open now. */
@Command(name = "path", mixinStandardHelpOptions = true,
        description = {"Print the database an application should open now: the database of schema.yaml once it "
                + "is ready, until then the old database a migration copies from. One line, the absolute path, "
                + "so that a script can write DB=$(mig path -d DIR). With --json also what writing to it does "
                + "(ready, recording, or draining: rejected until cutover) and where the declared database stands "
                + "(absent, migrating, ready). Reads only, takes no lock.",
                "An application of the new schema that must not start before cutover runs 'mig wait-ready'."},
        footer = {"", "Exit codes: 0 printed, 1 no database yet ('mig migrate' creates it), 2 bad input "
                + "(no project directory, a bad schema.yaml), 3 runtime failure. JSON keys: specs/status.md.",
                "", "Examples:", "  DB=$(mig path -d /srv/app)", "  mig path --json"})
final class PathCommand extends ProjectCommand {

    @Option(names = "--json", description = "Print path, state, declared and declaredStatus as JSON.")
    boolean json;

    @Override
    public Integer call() {
        DatabasePath p = Mig.path(Project.at(project.dir));
        out().println(json ? Mig.json(p) : p.path().toString());
        return 0;
    }
}
