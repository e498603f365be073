package dev.mig.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.testing.Db;
import dev.mig.testing.ForeignClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mig's file checks must not drop this process's SQLite locks (POSIX locks belong to the process; closing
 * any descriptor of the file releases them all). If they did, another process closing its last
 * connection would take itself for the last user, checkpoint and unlink the WAL under our connection.
 */
class SqliteFilesLockTest {

    @TempDir
    Path dir;

    @Test
    void checkingTheHeaderKeepsAnOpenWalConnectionsWalFile() {
        Path file = dir.resolve("app.sqlite");
        try (Db app = Db.open(file)) {
            app.exec("PRAGMA journal_mode = WAL;\nCREATE TABLE t(x);\nINSERT INTO t VALUES (1)");
            app.one("SELECT count(*) FROM t"); // this connection now holds its WAL read lock
            Path wal = Path.of(file + "-wal");
            assertTrue(Files.exists(wal));

            assertTrue(SqliteFiles.looksLikeSqlite(file));
            SqliteFiles.requireDatabase(file);
            ForeignClient.run(file, "SELECT count(*) FROM t"); // opens and closes: last user if our lock is gone

            assertTrue(Files.exists(wal), "another process's close unlinked the WAL under an open connection");
            app.exec("INSERT INTO t VALUES (2)");
            assertEquals("2", ForeignClient.run(file, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRecognised() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.sqlite"), "hello, this is not a database at all".repeat(20));
        assertFalse(SqliteFiles.looksLikeSqlite(text));
    }

    @Test
    void anEmptyFileIsNotADatabase() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.sqlite"));
        assertFalse(SqliteFiles.looksLikeSqlite(empty));
        assertEquals(0, Files.size(empty), "the check must not create a database in it");
    }

    @Test
    void aDatabaseLockedByAWriterStillLooksLikeSqlite() {
        Path file = dir.resolve("busy.sqlite");
        try (Db app = Db.open(file)) {
            app.exec("CREATE TABLE t(x);\nBEGIN EXCLUSIVE;\nINSERT INTO t VALUES (1)");
            assertTrue(SqliteFiles.looksLikeSqlite(file));
            app.exec("COMMIT");
        }
    }

    @Test
    void aDirectoryIsNotADatabase() {
        assertFalse(SqliteFiles.looksLikeSqlite(dir));
    }
}
