package dev.mig.cli;

import dev.mig.Mig;
import dev.mig.api.Project;
import dev.mig.api.TableVerdict;
import dev.mig.api.VerifyResult;
import dev.mig.api.text.Format;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mig verify}: prove the new database equals the old one mapped through the plan. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Compare every table of the new database with the old table mapped through the stored plan "
                + "(row count and an order-independent checksum; remapped keys through the id mappings). Takes one read "
                + "snapshot of the old database and first replays the change log up to it, so the application keeps "
                + "writing meanwhile when the old database is in WAL mode.",
                "In rollback-journal mode it runs only while writes are paused (after 'mig drain').",
                "After cutover it reports the verify the cutover was made on (exit 0), or that it was cut over "
                        + "unverified (exit 1)."},
        footer = {"", "Exit codes: 0 equal, 1 differences (tables and sample rows are listed) or refused, 2 bad input, "
                + "3 runtime failure.",
                "", "Examples:", "  mig verify", "  mig verify --json > verify.json"})
final class VerifyCommand extends ProjectCommand {

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;


    @Override
    public Integer call() {
        VerifyResult r;
        try (ProgressPrinter progress = ProgressPrinter.forCommand(err(), output, json)) {
            r = Mig.verify(Project.at(project.dir, null), progress);
        }
        PrintWriter out = out();
        if (json) {
            out.println(Mig.json(r));
            return r.equal() ? 0 : 1;
        }
        if (r.atCutover()) {
            out.println("Verified at cutover: " + r.target().getFileName() + " was made ready after verify found it "
                    + "equal to the old database at change-log position " + r.logPosition() + ". It is the "
                    + "application's database now, so it is not compared again.");
            return 0;
        }
        out.println("Compared at change-log position " + r.logPosition() + ":");
        for (TableVerdict t : r.tables()) {
            out.printf("  %-28s %-9s %12s rows%s%n", t.table(), t.equal() ? "equal" : "DIFFERENT",
                    Format.count(t.newRows()), t.equal() ? "" : " (old: " + Format.count(t.oldRows()) + ")");
            t.oldOnly().forEach(row -> out.println("      missing in new: " + row));
            t.newOnly().forEach(row -> out.println("      only in new:    " + row));
        }
        out.println(r.equal() ? "Verify: the new database equals the old one mapped through the plan."
                : "Verify: DIFFERENCES found. Do not cut over; 'mig reset' undoes the migration.");
        return r.equal() ? 0 : 1;
    }
}
