package dev.mig.cli.acceptance;

import static dev.mig.cli.acceptance.Cli.mig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walkthrough with the application's database named by path (app.sqlite, not a
 * {@code <name>-<hash>.sqlite}): every hint mig prints along the way is a command that works as printed.
 */
class SourceByPathTest {

    @TempDir
    Path dir;
    Path app;

    @BeforeEach
    void migratedAndCutOver() throws Exception {
        app = Fixture.database(dir.resolve("app.sqlite"), Fixture.NOTES + "INSERT INTO notes VALUES (1, 'first');");
        Files.writeString(dir.resolve("schema.yaml"), Fixture.NOTES_V2);
        assertEquals(0, mig("migrate", "-d", dir.toString(), "--source", app.toString()).exit());
    }

    @Test
    void drainWithCutoverNamesTheArchiveCommandWithItsSource() throws Exception {
        Cli.Run drain = mig("drain", "--cutover", "-d", dir.toString()).assertNoStackTrace();

        assertEquals(0, drain.exit(), drain.toString());
        String hint = drain.out().replaceAll("(?s).*clean up the old database with: (mig [^\\n]*)\\n.*", "$1");
        assertEquals("mig archive-old -d " + dir + " --source " + app.toAbsolutePath().normalize(), hint);

        Cli.Run archive = mig(hint.substring("mig ".length()).split(" ")).assertNoStackTrace(); // as printed
        assertEquals(0, archive.exit(), archive.toString());
        assertTrue(archive.out().contains("removed mig's triggers, marker and change log from"), archive.toString());
        assertEquals(0, count("SELECT count(*) FROM sqlite_schema WHERE name LIKE '\\_mig%' ESCAPE '\\' "
                + "OR name LIKE '\\_migration%' ESCAPE '\\'"), "nothing of mig's is left in app.sqlite");
    }

    @Test
    void archiveOldWithoutTheSourceNamesTheFileThatStillCarriesCaptureAndLeavesIt() throws Exception {
        assertEquals(0, mig("drain", "--cutover", "-d", dir.toString()).exit());
        long migObjects = count("SELECT count(*) FROM sqlite_schema WHERE name LIKE '\\_mig%' ESCAPE '\\'");

        Cli.Run archive = mig("archive-old", "-d", dir.toString()).assertNoStackTrace();

        assertEquals(0, archive.exit(), archive.toString());
        assertTrue(archive.out().contains(app + " does. If it is the old database, run: mig archive-old -d " + dir
                + " --source " + app), archive.toString());
        assertEquals(migObjects, count("SELECT count(*) FROM sqlite_schema WHERE name LIKE '\\_mig%' ESCAPE '\\'"),
                "never guessed: only --source makes archive-old touch it");
        assertTrue(mig("archive-old", "--json", "-d", dir.toString()).out().contains("\"otherFiles\" : [ \"" + app),
                "and --json lists it");
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app); ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.getLong(1);
        }
    }
}
