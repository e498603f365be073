package dev.mig.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mig.testing.Db;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which of SQLite's constraint errors the row writer treats as a stale holder to clear and retry: a
 * taken UNIQUE value, primary key or rowid. Any other constraint is the data's problem and fails.
 */
class RowWriterTest {

    @TempDir
    Path dir;

    private boolean conflictOf(String setup, String write) {
        try (Db db = Db.open(dir.resolve("w.sqlite"))) {
            db.exec(setup);
            SQLException e = assertThrows(SQLException.class, () -> db.conn.createStatement().execute(write));
            return RowWriter.isUniqueConflict(e);
        }
    }

    @Test
    void takenUniqueValuesPrimaryKeysAndRowidsAreConflicts() {
        assertEquals(List.of(true, true, true), List.of(
                conflictOf("CREATE TABLE u (v UNIQUE);\nINSERT INTO u VALUES (1)", "INSERT INTO u VALUES (1)"),
                conflictOf("CREATE TABLE p (k TEXT PRIMARY KEY);\nINSERT INTO p VALUES ('a')", "INSERT INTO p VALUES ('a')"),
                conflictOf("CREATE TABLE r (v);\nINSERT INTO r (rowid, v) VALUES (1, 1)", "INSERT INTO r (rowid, v) VALUES (1, 2)")));
    }

    @Test
    void otherConstraintsAreNotConflicts() {
        assertEquals(List.of(false, false), List.of(
                conflictOf("CREATE TABLE n (v NOT NULL)", "INSERT INTO n VALUES (NULL)"),
                conflictOf("CREATE TABLE c (v CHECK (v > 0))", "INSERT INTO c VALUES (0)")));
    }
}
