package dev.mig.cli.acceptance;

import static dev.mig.cli.acceptance.Cli.mig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mig plan} is a dry run: the application's database, and everything else in the project, is
 * byte-for-byte the same afterwards, whether the plan can run or is blocked, in rollback or WAL mode.
 */
class PlanReadsOnlyTest {

    private static final String SOURCE = """
            CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
            CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER, title TEXT, isbn TEXT);
            INSERT INTO authors VALUES (1, 'Le Guin'), (2, 'Lem');
            INSERT INTO books VALUES (1, 1, 'The Dispossessed', 'x'), (2, 2, 'Solaris', 'x'), (3, 7, 'Orphan', NULL);
            """;

    /** Renames, drops, a new UNIQUE and FK over bad rows: every probe runs, and the plan is blocked. */
    private static final String BLOCKED_V2 = """
            tables:
              writers:
                renamedFrom: authors
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  name: {type: TEXT, nullable: false}
              books:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  author_id: {type: INTEGER, references: writers.id}
                  title: {type: TEXT, from: "upper(title)"}
                  isbn: {type: TEXT, unique: true}
            """;

    private static final String GOOD_V2 = """
            tables:
              writers:
                renamedFrom: authors
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  name: {type: TEXT, nullable: false}
              books:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  author_id: {type: INTEGER}
                  headline: {type: TEXT, renamedFrom: title}
                dropColumns: [isbn]
            """;

    @TempDir
    Path tmp;

    @Test
    void blockedPlanLeavesTheProjectUnchanged() {
        Path dir = Fixture.project(tmp, "lib", BLOCKED_V2, SOURCE);
        Map<String, String> before = Fixture.snapshot(dir);

        Cli.Run plan = mig("plan", "-d", dir.toString());

        assertEquals(1, plan.exit(), plan.toString());
        assertEquals(before, Fixture.snapshot(dir));
    }

    @Test
    void runnablePlanLeavesTheProjectUnchanged() {
        Path dir = Fixture.project(tmp, "lib", GOOD_V2, SOURCE);
        Map<String, String> before = Fixture.snapshot(dir);

        Cli.Run plan = mig("plan", "-d", dir.toString());

        assertEquals(0, plan.exit(), plan.toString());
        assertEquals(before, Fixture.snapshot(dir));
    }

    @Test
    void jsonPlanLeavesTheSourceUnchanged() {
        Path dir = Fixture.project(tmp, "lib", BLOCKED_V2, SOURCE);
        Map<String, String> before = Fixture.snapshot(dir);

        mig("plan", "--json", "-d", dir.toString());

        assertEquals(before, Fixture.snapshot(dir));
    }

    @Test
    void planOfAWalDatabaseInUseLeavesTheDatabaseAndItsLogUnchanged() throws SQLException {
        Path dir = Fixture.project(tmp, "lib", GOOD_V2, SOURCE);
        Path source = Fixture.onlyDatabase(dir);
        try (Connection app = DriverManager.getConnection("jdbc:sqlite:" + source.toAbsolutePath());
             Statement s = app.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA wal_autocheckpoint = 0");
            s.executeUpdate("INSERT INTO authors VALUES (3, 'Tiptree')");
            // The application stays connected, so its last commit is only in the -wal file.
            Map<String, String> before = withoutSharedMemory(Fixture.snapshot(dir));

            Cli.Run plan = mig("plan", "-d", dir.toString());

            assertEquals(0, plan.exit(), plan.toString());
            assertEquals(before, withoutSharedMemory(Fixture.snapshot(dir)));
            PlanReport.assertRow(plan.out(), "1.", "writers", "RENAME", "3 rows", "4 KB", "dbstat");
        }
    }

    @Test
    void planOfAnIdleWalDatabaseLeavesItsBytesUnchanged() throws SQLException {
        Path dir = Fixture.project(tmp, "lib", GOOD_V2, SOURCE);
        Path source = Fixture.onlyDatabase(dir);
        try (Connection app = DriverManager.getConnection("jdbc:sqlite:" + source.toAbsolutePath());
             Statement s = app.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
        }
        String before = Fixture.sha256(source);

        Cli.Run plan = mig("plan", "-d", dir.toString());

        assertEquals(0, plan.exit(), plan.toString());
        assertEquals(before, Fixture.sha256(source));
        Path wal = source.resolveSibling(source.getFileName() + "-wal");
        assertEquals(0, java.nio.file.Files.exists(wal) ? Fixture.read(wal).length() : 0, "mig wrote to " + wal);
    }

    /**
     * The {@code -shm} file is the WAL index in shared memory: every reader, read-only ones included,
     * records its read mark there. It holds no data.
     */
    private static Map<String, String> withoutSharedMemory(Map<String, String> files) {
        Map<String, String> out = new java.util.TreeMap<>(files);
        out.keySet().removeIf(f -> f.endsWith("-shm"));
        return out;
    }
}
