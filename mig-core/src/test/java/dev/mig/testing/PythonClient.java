package dev.mig.testing;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: a long-running Python {@code sqlite3} client from {@code src/test/resources/clients},
 * started as its own OS process and stopped through a stop file, so it finishes its transaction first.
 */
public final class PythonClient implements AutoCloseable {

    private final Process process;
    private final Path stopFile;
    private final Path output;

    private PythonClient(Process process, Path stopFile, Path output) {
        this.process = process;
        this.stopFile = stopFile;
        this.output = output;
    }

    /** Starts {@code clients/<script>} with arguments DB TABLE STOP_FILE; output goes to a file in {@code work}. */
    public static PythonClient start(String script, Path db, String table, Path work) {
        try {
            Path source = Path.of(PythonClient.class.getResource("/clients/" + script).toURI());
            Path dir = Files.createTempDirectory(work, script.replace(".py", ""));
            Path stop = dir.resolve("stop");
            Path out = dir.resolve("out.txt");
            Process p = new ProcessBuilder("python3", source.toString(), db.toString(), table, stop.toString())
                    .redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
            return new PythonClient(p, stop, out);
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lines printed so far. */
    public List<String> lines() {
        try {
            return Files.exists(output) ? Files.readAllLines(output) : List.of();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ids of the writes the client saw commit ("ok ID" lines). */
    public List<Long> acknowledged() {
        List<Long> ids = new ArrayList<>();
        for (String line : lines()) {
            if (line.startsWith("ok ")) {
                ids.add(Long.parseLong(line.substring(3).trim()));
            }
        }
        return ids;
    }

    /** Waits until the client has printed at least {@code n} "ok" lines (30 s at most). */
    public void awaitAcknowledged(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acknowledged().size() < n) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("client acknowledged " + acknowledged().size() + " of " + n
                        + " writes; alive=" + process.isAlive());
            }
            Thread.sleep(10);
        }
    }

    /** Waits until the client has printed at least {@code n} "fail" lines (30 s at most). */
    public void awaitRejections(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (lines().stream().filter(l -> l.startsWith("fail ")).count() < n) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("client saw fewer than " + n + " rejections; last lines: "
                        + tail(lines()));
            }
            Thread.sleep(10);
        }
    }

    private static List<String> tail(List<String> lines) {
        return lines.subList(Math.max(0, lines.size() - 5), lines.size());
    }

    @Override
    public void close() {
        try {
            Files.writeString(stopFile, "");
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("client did not stop");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
