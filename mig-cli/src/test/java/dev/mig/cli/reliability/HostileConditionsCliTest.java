package dev.mig.cli.reliability;

import static dev.mig.cli.acceptance.Cli.mig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.cli.acceptance.Cli.Run;
import dev.mig.cli.acceptance.Fixture;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile conditions as the user sees them: the documented exit code (1 refused, 3 runtime), a message
 * and a hint on stderr, and never a stack trace.
 */
class HostileConditionsCliTest {

    @TempDir
    Path dir;
    Path app;

    @BeforeEach
    void migrated() throws Exception {
        app = dir.resolve("app.sqlite");
        sql(Fixture.NOTES + "INSERT INTO notes VALUES (1, 'first'), (2, 'second');");
        Files.writeString(dir.resolve("schema.yaml"), Fixture.NOTES_V2);
    }

    @Test
    void alteredOldSchemaMakesDrainExitOneWithTheReason() throws Exception {
        assertEquals(0, mig("migrate", "-d", dir.toString(), "--source", app.toString()).exit());
        sql("ALTER TABLE notes ADD COLUMN color TEXT");

        Run r = mig("drain", "-d", dir.toString());

        assertFailed(r, 1, "The old database's schema changed during the migration: table notes was altered");
        assertTrue(r.err().contains("what to do: Run 'mig reset'"), r.err());
    }

    @Test
    void deletedNewDatabaseMakesDrainExitOne() throws Exception {
        assertEquals(0, mig("migrate", "-d", dir.toString(), "--source", app.toString()).exit());
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("app-")).toList()) {
                Files.delete(p);
            }
        }

        // The old file is not named like mig's files, so drain cannot find it: it says nothing is in progress.
        assertFailed(mig("drain", "-d", dir.toString()), 1, "No migration is in progress");
        assertEquals(0, mig("reset", "-d", dir.toString(), "--source", app.toString()).exit(), "reset removes the capture");
    }

    @Test
    void applicationWriteTransactionMakesMigrateExitThreeAfterTheBusyTimeoutItWasGiven() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app); Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("INSERT INTO notes VALUES (3, 'uncommitted')");

            Run r = mig("migrate", "-d", dir.toString(), "--source", app.toString(), "--busy-timeout", "300");

            assertFailed(r, 3, "stayed locked by another connection");
            assertTrue(r.err().contains("300 ms"), r.err());
            assertTrue(r.err().contains("run 'mig migrate' again"), r.err());
            s.execute("COMMIT");
        }
        assertEquals(0, mig("migrate", "-d", dir.toString(), "--source", app.toString()).exit(), "the rerun resumes");
    }

    @Test
    void initOnADatabaseAnotherConnectionLocksWaitsTheBusyTimeoutItWasGivenThenExitsThree() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("adopt"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app); Statement s = c.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");

            Run r = mig("init", "--from", app.toString(), "-d", elsewhere.toString(), "--busy-timeout", "300");

            assertFailed(r, 3, "300 ms");
            assertFalse(Files.exists(elsewhere.resolve("schema.yaml")), "nothing written");
            s.execute("COMMIT");
        }
        assertEquals(0, mig("init", "--from", app.toString(), "-d", elsewhere.toString()).exit(), "the rerun writes it");
    }

    @Test
    void aSchemaYamlBrokenMidMigrationStopsNeitherDrainNorVerifyNorCutover() throws Exception {
        assertEquals(0, mig("migrate", "-d", dir.toString(), "--source", app.toString()).exit());
        Files.writeString(dir.resolve("schema.yaml"), "name: app\ntables: [oops\n");

        assertEquals(0, mig("drain", "-d", dir.toString()).exit(), "the stored plan is what runs");
        Run verify = mig("verify", "-d", dir.toString());
        assertEquals(0, verify.exit(), verify.toString());
        Run cutover = mig("cutover", "-d", dir.toString());
        assertEquals(0, cutover.exit(), cutover.toString());
        assertTrue(cutover.out().startsWith("Cut over: "), cutover.out());
    }

    @Test
    void truncatedOldDatabaseMakesMigrateExitThree() throws Exception {
        sql("CREATE TABLE big (x); INSERT INTO big SELECT randomblob(1000) FROM "
                + "(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) SELECT i FROM n);");
        Files.writeString(dir.resolve("schema.yaml"), Fixture.NOTES_V2 + "dropTables: [big]\n");
        try (RandomAccessFile f = new RandomAccessFile(app.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }

        Run r = mig("migrate", "-d", dir.toString(), "--source", app.toString());

        assertTrue(r.exit() == 2 || r.exit() == 3, r.toString());
        r.assertNoStackTrace();
        assertTrue(r.err().contains("malformed") || r.err().contains("damaged"), r.err());
    }

    @Test
    void truncatedSourceMakesPlanSayItIsDamagedAndThatNothingChanged() throws Exception {
        sql("CREATE TABLE big (x); INSERT INTO big SELECT randomblob(1000) FROM "
                + "(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) SELECT i FROM n);");
        try (RandomAccessFile f = new RandomAccessFile(app.toFile(), "rw")) {
            f.setLength(2_000); // the header survives, the schema's pages do not
        }

        Run r = mig("plan", "-d", dir.toString(), "--source", app.toString());

        assertFailed(r, 3, "app.sqlite is damaged");
        assertTrue(r.err().contains("mig changed nothing") && r.err().contains("restore it from a backup"), r.err());
    }

    private static void assertFailed(Run r, int exit, String message) {
        assertEquals(exit, r.exit(), r.toString());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("mig: ")) && r.err().contains(message), r.err());
        r.assertNoStackTrace();
    }

    private void sql(String script) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app); Statement s = c.createStatement()) {
            s.executeUpdate(script);
        }
    }
}
