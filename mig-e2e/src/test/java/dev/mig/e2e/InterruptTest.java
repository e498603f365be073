package dev.mig.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the middle of a command: the built mig, a paced copy interrupted with SIGINT as a terminal
 * sends it, says it was interrupted and what to do, and the same command run again finishes the copy.
 */
class InterruptTest {

    private static final Path JAR = Path.of("..", "mig-cli", "target", "mig.jar").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void anInterruptedMigrateSaysWhatToDoAndTheRerunResumes() throws Exception {
        Path app = dir.resolve("app.sqlite");
        sqlite(app, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL); "
                + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
                + "INSERT INTO notes SELECT i, 'note ' || i FROM n;");
        Files.writeString(dir.resolve("schema.yaml"), """
                name: app
                tables:
                  notes:
                    columns:
                      id: {type: INTEGER, primaryKey: true}
                      body: {type: TEXT, nullable: false}
                      pinned: {type: INTEGER, nullable: false, default: 0}
                """);
        Path err = dir.resolve("err.txt");
        Process migrate = new ProcessBuilder("java", "-jar", JAR.toString(), "migrate", "-d", dir.toString(),
                "--source", app.toString(), "--max-rows-per-second", "2000")
                .redirectErrorStream(false).redirectError(err.toFile()).redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        awaitText(err, "copy notes");
        assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(migrate.pid())).start().waitFor());
        assertTrue(migrate.waitFor(60, TimeUnit.SECONDS));

        String said = Files.readString(err);
        assertTrue(migrate.exitValue() != 0, said);
        assertTrue(said.contains("mig: interrupted. What was committed is kept"), said);
        assertTrue(said.contains("Run the same command again to continue"), said);

        Process rerun = new ProcessBuilder("java", "-jar", JAR.toString(), "migrate", "-d", dir.toString(),
                "--source", app.toString()).redirectErrorStream(true).start();
        String out = new String(rerun.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(rerun.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, rerun.exitValue(), out);
        assertTrue(out.contains("Resumed; the copy is complete: 20,000 rows"), out);
        assertTrue(!out.contains("mig: interrupted"), "a command that ends says nothing of the kind: " + out);
    }

    @Test
    void ctrlCEndingStatusWatchIsHowItEndsAndSaysNothingOfAnInterruption() throws Exception {
        Path err = dir.resolve("watch-err.txt");
        Path out = dir.resolve("watch-out.txt");
        Process watch = new ProcessBuilder("java", "-jar", JAR.toString(), "status", "--watch", "-d", dir.toString())
                .redirectError(err.toFile()).redirectOutput(out.toFile()).start();
        awaitText(out, "Phase:");
        assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(watch.pid())).start().waitFor());
        assertTrue(watch.waitFor(60, TimeUnit.SECONDS));

        assertTrue(!Files.readString(err).contains("interrupted"), Files.readString(err));
    }

    private static void awaitText(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(file) || !Files.readString(file).contains(text)) {
            assertTrue(System.nanoTime() < deadline, "no '" + text + "' in " + file);
            Thread.sleep(20);
        }
    }

    private static void sqlite(Path db, String sql) throws Exception {
        Process p = new ProcessBuilder(List.of("sqlite3", db.toString(), sql)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }
}
