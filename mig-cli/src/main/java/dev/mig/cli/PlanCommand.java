package dev.mig.cli;

import dev.mig.Mig;
import dev.mig.api.PlanReport;
import dev.mig.api.Project;
import dev.mig.api.Refusal;
import dev.mig.api.plan.PlanText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mig plan}: a dry run that says what migrating would do, and whether it can. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Diff schema.yaml against the live database and say, per table and column, where every "
                + "new value comes from, what is at risk (counted in the real data) and whether migrating can go "
                + "ahead. Reads only: changes nothing (except, as any SQLite reader, rolling back a hot journal that a "
                + "crashed writer left)."},
        footer = {"", "Exit codes: 0 migrating can go ahead (or there is nothing to migrate), 1 the plan is blocked or "
                + "migrate would refuse, 2 bad input, 3 runtime failure.",
                "", "Examples:", "  mig plan  # schema.yaml and the database in this directory", "  mig plan -d /srv/app --source /srv/app/app.sqlite", "  mig plan --json | jq .canMigrate"})
final class PlanCommand extends ProjectCommand {

    @Mixin
    Options.SourceOption source;

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;


    @Override
    public Integer call() {
        PlanReport report;
        try (ProgressPrinter progress = ProgressPrinter.forCommand(err(), output, json)) {
            report = Mig.plan(Project.at(project.dir, source.path), progress);
        }
        var out = out();
        if (json) {
            out.print(Mig.json(report) + "\n");
        } else if (report.targetCurrent()) {
            out.println(report.target() + " already holds this schema; nothing to migrate. To change the schema, "
                    + "edit schema.yaml and run 'mig plan' again.");
        } else {
            Refusal refusal = report.refusal();
            out.print(PlanText.render(report.plan(), report.target() + (report.targetExists() ? " (exists)" : ""),
                    refusal == null ? null : refusal.message(), report.disk()));
            if (refusal != null) {
                out.println("  what to do: " + refusal.hint());
            }
        }
        out.flush();
        return report.canMigrate() ? 0 : 1;
    }
}
