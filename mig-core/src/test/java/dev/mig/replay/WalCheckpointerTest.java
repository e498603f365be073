package dev.mig.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.sql.SqliteFiles;
import dev.mig.testing.Db;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalCheckpointerTest {

    @TempDir
    Path dir;

    private Path database(String journalMode) {
        Path file = dir.resolve("new.sqlite");
        try (Db db = Db.open(file)) {
            db.exec("PRAGMA journal_mode = " + journalMode + ";\nCREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB)");
        }
        return file;
    }

    /** Commits one transaction of {@code rows} 2 KB rows through {@code writer}. */
    private static void write(Connection writer, int rows) throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.execute("BEGIN");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows
                    + ") INSERT INTO t (v) SELECT randomblob(2000) FROM n");
            s.execute("COMMIT");
        }
    }

    private static long pragma(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Pages reach the database file only through a checkpoint: until then they wait in the WAL. */
    private static long databaseFileBytes(Path file) throws java.io.IOException {
        return java.nio.file.Files.size(file);
    }

    @Test
    void takesOverTheWritersAutocheckpointAndGivesItBack() throws Exception {
        Path file = database("WAL");
        try (Connection writer = SqliteFiles.openReadWrite(file)) {
            try (WalCheckpointer c = WalCheckpointer.start(file, writer)) {
                assertEquals(0, pragma(writer, "PRAGMA wal_autocheckpoint"));
            }
            assertEquals(1_000, pragma(writer, "PRAGMA wal_autocheckpoint"));
        }
    }

    @Test
    void copiesCommittedFramesIntoTheDatabaseWhileTheWriterGoesOn() throws Exception {
        Path file = database("WAL");
        try (Connection writer = SqliteFiles.openReadWrite(file);
             WalCheckpointer c = WalCheckpointer.start(file, writer)) {
            write(writer, 3_000); // about 6 MB, more than the default autocheckpoint (which is now off)
            assertTrue(databaseFileBytes(file) < 1_000_000, "the pages are still in the WAL");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (databaseFileBytes(file) < 6_000_000 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(databaseFileBytes(file) >= 6_000_000, "a background checkpoint copied the pages in");
            write(writer, 10); // the writer keeps working beside it
        }
        try (Db db = Db.open(file)) {
            assertEquals("3010", db.rows("SELECT count(*) FROM t").get(0));
        }
    }

    /** With an interval of an hour, only close itself can have copied the pages in, and close does not wait for it. */
    @Test
    void leavesNoCommittedPageOnlyInTheWalWhenClosed() throws Exception {
        Path file = database("WAL");
        try (Connection writer = SqliteFiles.openReadWrite(file)) {
            WalCheckpointer c = WalCheckpointer.start(file, writer, 3_600_000);
            write(writer, 1_000);
            assertTrue(databaseFileBytes(file) < 1_000_000, "the pages are still in the WAL");
            c.close();
            assertTrue(databaseFileBytes(file) >= 2_000_000);
        }
    }

    @Test
    void leavesARollbackJournalDatabaseAlone() throws Exception {
        Path file = database("DELETE");
        try (Connection writer = SqliteFiles.openReadWrite(file)) {
            long before = pragma(writer, "PRAGMA wal_autocheckpoint");
            try (WalCheckpointer c = WalCheckpointer.start(file, writer)) {
                assertEquals(before, pragma(writer, "PRAGMA wal_autocheckpoint"));
                write(writer, 10);
            }
            assertEquals(before, pragma(writer, "PRAGMA wal_autocheckpoint"));
            assertTrue(!dir.resolve("new.sqlite-wal").toFile().exists());
        }
    }
}
