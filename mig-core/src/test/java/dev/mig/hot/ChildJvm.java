package dev.mig.hot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running {@link HotChild} with this test JVM's classpath: a separate process, so it can
 * hold its own SQLite locks and be killed (SIGKILL) or halt without running any cleanup.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        this.reader = new Thread(this::readLines, "child stdout");
        reader.setDaemon(true);
        reader.start();
    }

    public static ChildJvm start(Path stderr, String... args) {
        return start(stderr, List.of(), HotChild.class, args);
    }

    /** A child JVM running {@code main} with extra JVM options (such as {@code -Dmig.test.crashAt=3}). */
    public static ChildJvm start(Path stderr, List<String> jvmOptions, Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        try {
            return new ChildJvm(new ProcessBuilder(cmd).redirectError(stderr.toFile()).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any other program as the child (a Python application writer), its stdout read line by line. */
    public static ChildJvm command(Path stderr, List<String> command) {
        try {
            return new ChildJvm(new ProcessBuilder(command).redirectError(stderr.toFile()).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readLines() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the child died: nothing more to read
        }
    }

    /** Waits (at most 60 s) until the child printed {@code n} lines; false if it exited first. */
    public boolean awaitLines(int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        synchronized (lines) {
            while (lines.size() < n && (process.isAlive() || reader.isAlive()) && System.currentTimeMillis() < deadline) {
                lines.wait(50);
            }
            return lines.size() >= n;
        }
    }

    /** The lines the child printed so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public int lineCount() {
        synchronized (lines) {
            return lines.size();
        }
    }

    /** SIGKILL: the process dies without any cleanup, as in a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public int waitFor() throws InterruptedException {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("child JVM did not finish within 120 s");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
