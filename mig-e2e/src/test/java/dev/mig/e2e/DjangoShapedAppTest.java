package dev.mig.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hot migration of an application shaped like Django's, run as a user runs it: the built mig command
 * in its own process, beside the old version (Python, a connection per request, deferred read-then-write
 * transactions) and the new version (Python, waiting with 'mig wait-ready'). The rename comes with the
 * ORM's history row (cutover:), so the new version finds django_migrations right with no manual step.
 * The oracle is plain SQL over the files.
 */
class DjangoShapedAppTest {

    private static final Path JAR = Path.of("..", "mig-cli", "target", "mig.jar").toAbsolutePath();

    private static final String V1 = """
            name: blog
            tables:
              django_migrations:
                columns:
                  id: {type: integer, primaryKey: true, autoincrement: true}
                  app: {type: varchar(255), nullable: false}
                  name: {type: varchar(255), nullable: false}
                  applied: {type: datetime, nullable: false}
              blog_post:
                columns:
                  id: {type: integer, primaryKey: true, autoincrement: true}
                  headline: {type: varchar(200), nullable: false}
                  body: {type: text, nullable: false}
            """;

    private static final String V2 = V1.replace("      headline: {type: varchar(200), nullable: false}",
            "      title: {type: varchar(200), nullable: false, renamedFrom: headline}") + """
            cutover:
              - >-
                INSERT INTO django_migrations (app, name, applied)
                SELECT 'blog', '0002_rename_headline_title', datetime('now')
                WHERE NOT EXISTS (SELECT 1 FROM django_migrations WHERE name = '0002_rename_headline_title')
            """;

    @TempDir
    Path dir;

    @Test
    void theOldVersionWritesUntilThePauseAndTheNewOneStartsOnTheMigratedDatabase() throws Exception {
        Files.writeString(dir.resolve("schema.yaml"), V1);
        mig(0, "migrate", "-d", dir.toString());
        Path v1 = Path.of(mig(0, "path", "-d", dir.toString()).strip());
        sql(v1, "INSERT INTO django_migrations (app, name, applied) VALUES ('blog', '0001_initial', datetime('now'))");

        Path acked = dir.resolve("acked.txt");
        Path stop = dir.resolve("stop");
        Process oldApp = python("old_app.py", JAR.toString(), dir.toString(), acked.toString(), stop.toString());
        waitForLines(acked, 20);

        Files.writeString(dir.resolve("schema.yaml"), V2); // the new version ships it, and starts at once
        Process newApp = python("new_app.py", JAR.toString(), dir.toString());
        mig(0, "plan", "-d", dir.toString());
        mig(0, "migrate", "-d", dir.toString());
        Thread.sleep(500);
        String drained = mig(0, "drain", "-d", dir.toString(), "--cutover");

        String newOut = finish(newApp);
        Files.writeString(stop, "");
        String oldOut = finish(oldApp);
        Path v2 = Path.of(mig(0, "path", "-d", dir.toString()).strip());
        String verified = mig(0, "verify", "-d", dir.toString()); // the check a deploy script runs next

        assertTrue(oldOut.contains("rejected=1"), "the old version met the draining rejection: " + oldOut);
        assertTrue(newOut.contains("\"exit\": 0") && newOut.contains("\"db\": \"" + v2 + "\""), newOut);
        assertTrue(newOut.contains("\"history\": [\"0001_initial\", \"0002_rename_headline_title\"]"),
                "the ORM history is right with no manual step: " + newOut);
        Set<String> titles = new HashSet<>(rows(v2, "SELECT title FROM blog_post"));
        List<String> ackedPosts = Files.readAllLines(acked);
        assertTrue(ackedPosts.size() >= 20, oldOut);
        List<String> lost = ackedPosts.stream().filter(p -> !titles.contains(p)).toList();
        assertEquals(List.of(), lost, "every post the old version saw committed is in the new database\n" + drained);
        assertTrue(titles.contains("written by v2"));
        assertTrue(verified.startsWith("Verified at cutover: "), verified);
        assertEquals(List.of("0001_initial"), rows(v1, "SELECT name FROM django_migrations ORDER BY id"),
                "the old database keeps its own history");
    }

    /** Runs the built mig command; returns its stdout, failing with its output on another exit code. */
    private static String mig(int expectedExit, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).start();
        String out = read(p.getInputStream());
        String err = read(p.getErrorStream());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "mig " + String.join(" ", args) + " finished");
        assertEquals(expectedExit, p.exitValue(), "mig " + String.join(" ", args) + "\n" + out + err);
        return out;
    }

    private Process python(String script, String... args) throws IOException {
        Path file = dir.resolve(script);
        try (InputStream in = DjangoShapedAppTest.class.getResourceAsStream(script)) {
            Files.write(file, in.readAllBytes());
        }
        List<String> cmd = new ArrayList<>(List.of("python3", file.toString()));
        cmd.addAll(Arrays.asList(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static String finish(Process p) throws Exception {
        String out = read(p.getInputStream());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the application process finished");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static void waitForLines(Path file, int lines) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(file) || Files.readAllLines(file).size() < lines) {
            assertTrue(System.nanoTime() < deadline, "the old version wrote " + lines + " posts");
            Thread.sleep(50);
        }
    }

    /** Plain SQL through Python's sqlite3: nothing of mig reads the result. */
    private static List<String> rows(Path db, String query) throws Exception {
        Process p = new ProcessBuilder("python3", "-c", "import sqlite3, sys\n"
                + "for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print(r[0])", db.toString(), query)
                .redirectErrorStream(true).start();
        String out = read(p.getInputStream());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.isBlank() ? List.of() : List.of(out.strip().split("\n"));
    }

    private static void sql(Path db, String statement) throws Exception {
        Process p = new ProcessBuilder("python3", "-c", "import sqlite3, sys\n"
                + "c = sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()", db.toString(), statement)
                .redirectErrorStream(true).start();
        String out = read(p.getInputStream());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
