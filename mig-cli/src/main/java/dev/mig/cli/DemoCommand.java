package dev.mig.cli;

import dev.mig.api.MigException;
import dev.mig.cli.demo.Demo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mig demo}: the whole hot migration on a scratch copy of examples/shop, with a live writer. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a whole hot migration on a scratch project made from examples/shop: fill a v1 database "
                + "with thousands of rows, keep a writer inserting, updating and deleting throughout, then plan, "
                + "migrate, show status, drain, cut over and verify to the v2 schema. Exits 0 only if verify passed "
                + "and the writer lost nothing.",
        footer = {"", "Exit codes: 0 success, 1 verify failed or a write was lost, 2 bad input, 3 runtime failure.",
                "", "Examples:", "  mig demo", "  mig demo -d /tmp/mig-demo --seed 7"})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR",
            description = "Where to create the scratch project (must be empty or absent; default: a new temporary "
                    + "directory).")
    Path dir;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated data and the writer.")
    long seed;

    @Option(names = "--debug", description = "Print stack traces with errors.")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        Path project = scratch();
        boolean ok = new Demo(Demo.Example.shop(), project, spec.commandLine().getOut(), seed).run();
        return ok ? 0 : 1;
    }

    private Path scratch() throws IOException {
        if (dir == null) {
            return Files.createTempDirectory("mig-demo-");
        }
        if (Files.exists(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw MigException.input(dir + " is not empty.", "Give the demo an empty or new directory.");
                }
            }
        }
        return Files.createDirectories(dir).toAbsolutePath();
    }
}
