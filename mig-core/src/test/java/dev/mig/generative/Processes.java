package dev.mig.generative;

import dev.mig.hot.ChildJvm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The OS processes of one seed: the Python writer and readers, and mig's child JVMs. */
final class Processes implements AutoCloseable {

    /** How one mig command ended: its exit code and what it printed on stderr. */
    record Exit(int code, String stderr, List<String> stdout) {
        boolean killed() {
            return code == 137;
        }
    }

    private final Path work;
    private final List<Process> python = new ArrayList<>();
    private int jvms;

    Processes(Path work) {
        this.work = work;
    }

    /** A script from the test resources, copied into the work directory. */
    Path script(String name) {
        Path to = work.resolve(name);
        try (InputStream in = Processes.class.getResourceAsStream(name)) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    /** The interpreter itself, not a version manager's shim in front of it (pyenv's costs seconds under load). */
    private static String interpreter;

    private static synchronized String interpreter() {
        if (interpreter == null) {
            try {
                Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)").start();
                interpreter = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
                p.waitFor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return interpreter;
    }

    Process python(Path log, String... args) {
        List<String> cmd = new ArrayList<>(List.of(interpreter()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            python.add(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts one mig command in a child JVM; {@code crashAt} > 0 halts it at that crash point. */
    ChildJvm mig(int crashAt, String... args) {
        // short-lived JVMs: the C1 compiler and the serial collector start faster and cost less CPU
        List<String> opts = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        if (crashAt > 0) {
            opts.add("-Dmig.test.crashAt=" + crashAt);
        }
        return ChildJvm.start(work.resolve("mig-" + ++jvms + ".err"), opts, MigChild.class, args);
    }

    Exit exit(ChildJvm child) throws InterruptedException {
        int code = child.waitFor();
        try {
            String err = Files.readString(work.resolve("mig-" + jvms + ".err"));
            return new Exit(code, err, child.lines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the Python processes (told to stop through their stop file), killing any that hang. */
    void awaitPython() throws InterruptedException {
        for (Process p : python) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : python) {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
