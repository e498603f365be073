package dev.mig.cli;

import dev.mig.Mig;
import dev.mig.api.MigException;
import dev.mig.bench.Bench;
import dev.mig.bench.BenchOptions;
import dev.mig.bench.BenchReport;
import dev.mig.bench.BenchText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mig bench}: measure mig on a generated database (specs/benchmarks.md). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Generate a synthetic database (five FK-linked tables) and its v2 schema in a scratch "
                + "directory, and measure in one run: copy throughput against the raw SQLite ceiling and VACUUM "
                + "INTO, capture overhead on application writes, replay rate, the write pause a steady writer "
                + "sees, memory of mig migrate (child JVM) at N and 10 x N rows, and copy scaling at N, 2N, 4N.",
                "Touches no project and no database of yours. Progress goes to stderr."},
        footer = {"", "Exit codes: 0 measured (targets missed are reported, not failed), 2 bad input, 3 runtime failure.",
                "", "Examples:", "  mig bench --rows 1000000 --out bench.md", "  mig bench --rows 100000 --json"})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Options.DebugOption debug;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "1000000",
            description = "Rows in the generated database (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the report (JSON with --json) to FILE.")
    Path out;

    @Option(names = "--memory-rows", paramLabel = "M", description = "Rows of the large memory run "
            + "(default: 10 x N; 0 skips it).")
    Long memoryRows;

    @Option(names = "--narrow-memory-rows", description = "The large memory run uses narrow rows (no long TEXT, "
            + "no BLOBs): same row count, a much smaller file.")
    boolean narrowMemory;

    @Option(names = "--replay-runs", paramLabel = "K", defaultValue = "3",
            description = "Migrations whose 100k-change backlog is drained; the median rate is reported "
                    + "(default: ${DEFAULT-VALUE}).")
    int replayRuns;

    @Option(names = "--pause-runs", paramLabel = "K", defaultValue = "5",
            description = "Migrations measured with a steady writer (default: ${DEFAULT-VALUE}).")
    int pauseRuns;

    @Option(names = "--scale-steps", paramLabel = "S", defaultValue = "3",
            description = "Copy scaling at N, 2N, 4N ... (this many sizes; default: ${DEFAULT-VALUE}).")
    int scaleSteps;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where scratch files go (default: the system "
            + "temp directory).")
    Path workDir;

    @Option(names = "--keep", description = "Keep the scratch files.")
    boolean keep;

    @Override
    public Integer call() {
        if (rows < 1_000 || replayRuns < 1 || pauseRuns < 1 || scaleSteps < 1
                || (memoryRows != null && memoryRows < 0)) {
            throw new ParameterException(spec.commandLine(),
                    "--rows must be at least 1000, --replay-runs, --pause-runs and --scale-steps at least 1, "
                            + "--memory-rows 0 or more");
        }
        BenchOptions d = BenchOptions.defaults(rows);
        BenchOptions options = new BenchOptions(rows, d.replayChanges(), d.captureWrites(), replayRuns, pauseRuns,
                d.writesPerSecond(), memoryRows == null ? d.memoryRows() : memoryRows, narrowMemory, scaleSteps,
                workDir, keep);
        PrintWriter err = spec.commandLine().getErr();
        BenchReport r = Bench.run(options, line -> {
            err.println(line);
            err.flush();
        });
        String text = json ? Mig.json(r) : BenchText.render(r);
        PrintWriter o = spec.commandLine().getOut();
        o.print(text.endsWith("\n") ? text : text + "\n");
        o.flush();
        if (out != null) {
            try {
                Files.writeString(out, text);
            } catch (IOException e) {
                throw MigException.runtime("Cannot write " + out + ": " + e.getMessage(),
                        "Check the path and its directory's permissions.", e);
            }
        }
        return 0;
    }
}
