package dev.mig.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.capture.Capture.Marker;
import dev.mig.schema.Table;
import dev.mig.schema.introspect.Introspector;
import dev.mig.sql.SqliteFiles;
import dev.mig.testing.Db;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureTest {

    @TempDir
    Path dir;

    private Db db;

    private Db database(String ddl) throws SQLException {
        Path file = dir.resolve("old.sqlite");
        db = Db.open(file).exec(ddl);
        List<Table> tables = Introspector.read(file).schema().tables();
        try (Connection c = SqliteFiles.openReadWrite(file)) {
            Capture.install(c, tables);
        }
        return db;
    }

    private List<String> log() {
        return db.rows("SELECT tbl, quote(k1) FROM _migration_log ORDER BY seq");
    }

    @Test
    void insertIsLoggedWithItsKey() throws SQLException {
        database("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
        db.exec("INSERT INTO t VALUES (7, 'x')");
        assertEquals(List.of("t|7"), log());
    }

    @Test
    void deleteIsLoggedWithItsKey() throws SQLException {
        database("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);\nINSERT INTO t VALUES (7, 'x')");
        db.exec("DELETE FROM t WHERE id = 7");
        assertEquals(List.of("t|7"), log());
    }

    @Test
    void logSequenceHasNoGapAfterARolledBackWrite() throws SQLException {
        // Replay counts the entries of (from, to] as to - from: a rolled-back write must leave no hole.
        database("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
        db.exec("INSERT INTO t VALUES (1, 'a')");
        db.exec("BEGIN;\nINSERT INTO t VALUES (2, 'b');\nINSERT INTO t VALUES (3, 'c');\nROLLBACK");
        db.exec("INSERT INTO t VALUES (4, 'd')");
        assertEquals(List.of("1|1", "2|4"), db.rows("SELECT seq, k1 FROM _migration_log ORDER BY seq"));
    }

    @Test
    void updateThatKeepsTheKeyLogsItOnce() throws SQLException {
        database("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);\nINSERT INTO t VALUES (7, 'x')");
        db.exec("UPDATE t SET v = 'y' WHERE id = 7");
        assertEquals(List.of("t|7"), log());
    }

    @Test
    void updateThatChangesTheKeyLogsOldAndNewKey() throws SQLException {
        database("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);\nINSERT INTO t VALUES (7, 'x')");
        db.exec("UPDATE t SET id = 8 WHERE id = 7");
        assertEquals(List.of("t|7", "t|8"), log());
    }

    @Test
    void replaceThatDisplacesAnotherRowOnAUniqueIndexLogsTheDisplacedRow() throws SQLException {
        database("CREATE TABLE u (id INTEGER PRIMARY KEY, email TEXT UNIQUE);\nINSERT INTO u VALUES (1, 'a@x')");
        db.exec("INSERT OR REPLACE INTO u VALUES (2, 'a@x')");
        assertEquals(List.of("u|1", "u|2"), log());
        assertEquals(List.of("2"), db.rows("SELECT id FROM u"));
    }

    @Test
    void updateOrReplaceThatDisplacesAnotherRowLogsTheDisplacedRow() throws SQLException {
        database("CREATE TABLE u (id INTEGER PRIMARY KEY, email TEXT);\nCREATE UNIQUE INDEX ue ON u (lower(email));\n"
                + "INSERT INTO u VALUES (1, 'A@x');\nINSERT INTO u VALUES (2, 'b@x')");
        db.exec("UPDATE OR REPLACE u SET email = 'a@X' WHERE id = 2");
        assertTrue(log().contains("u|1"), "displaced row 1 must be logged: " + log());
        assertEquals(List.of("2"), db.rows("SELECT id FROM u"));
    }

    @Test
    void replaceThroughAnExpressionIndexLogsOnlyTheRowItDisplaces() throws SQLException {
        // Email unique per tenant: the index expression mixes columns, functions and keywords.
        database("CREATE TABLE u (id INTEGER PRIMARY KEY, tenant TEXT, email TEXT);\n"
                + "CREATE UNIQUE INDEX ue ON u ((CASE WHEN tenant IS NULL THEN lower(email) ELSE \"tenant\" || ':' || lower(\"email\") END));\n"
                + "INSERT INTO u VALUES (1, NULL, 'a@x');\nINSERT INTO u VALUES (2, 't1', 'a@x');\n"
                + "INSERT INTO u VALUES (3, 't2', 'a@x')");
        db.exec("REPLACE INTO u VALUES (4, 't1', 'A@x')");
        assertEquals(List.of("u|2", "u|4"), log());
        assertEquals(List.of("1", "3", "4"), db.rows("SELECT id FROM u ORDER BY id"));
    }

    @Test
    void cascadedDeletesAreLoggedForTheChildTable() throws SQLException {
        database("CREATE TABLE p (id INTEGER PRIMARY KEY);\n"
                + "CREATE TABLE c (id INTEGER PRIMARY KEY, p INTEGER REFERENCES p (id) ON DELETE CASCADE);\n"
                + "INSERT INTO p VALUES (1);\nINSERT INTO c VALUES (10, 1);\nINSERT INTO c VALUES (11, 1)");
        db.exec("DELETE FROM p WHERE id = 1");
        assertEquals(List.of("c|10", "c|11", "p|1"), log().stream().sorted().toList());
    }

    @Test
    void compositeKeysAreLoggedWithTheirExactTypes() throws SQLException {
        database("CREATE TABLE m (a TEXT, b INTEGER, v, PRIMARY KEY (a, b)) WITHOUT ROWID");
        db.exec("INSERT INTO m VALUES ('x', 9223372036854775807, 1)");
        assertEquals(List.of("m|text|'x'|integer|9223372036854775807"),
                db.rows("SELECT tbl, typeof(k1), quote(k1), typeof(k2), k2 FROM _migration_log"));
    }

    @Test
    void tablesWithoutAPrimaryKeyAreLoggedByRowid() throws SQLException {
        database("CREATE TABLE events (at TEXT, what TEXT)");
        db.exec("INSERT INTO events (rowid, at, what) VALUES (42, 'now', 'boot')");
        assertEquals(List.of("events|42"), log());
    }

    @Test
    void identifiersThatNeedQuotingWork() throws SQLException {
        database("CREATE TABLE \"order \"\"items\"\"\" (\"the id\" INTEGER PRIMARY KEY, [select] TEXT UNIQUE)");
        db.exec("INSERT INTO \"order \"\"items\"\"\" VALUES (1, 'x')");
        assertEquals(List.of("order \"items\"|1"), log());
    }

    @Test
    void writesAreRejectedWhileDrainingAndChangeNothing() throws SQLException {
        Path file = dir.resolve("old.sqlite");
        database("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);\nINSERT INTO t VALUES (1, 'x')");
        try (Connection c = SqliteFiles.openReadWrite(file)) {
            Capture.setMarker(c, Marker.DRAINING);
            assertEquals(Marker.DRAINING, Capture.marker(c));
        }
        SQLException e = assertThrows(SQLException.class,
                () -> db.conn.createStatement().executeUpdate("UPDATE t SET v = 'y'"));
        assertTrue(Capture.isDrainingRejection(e), e.getMessage());
        assertEquals(List.of("x"), db.rows("SELECT v FROM t"));
        assertEquals(List.of(), log());
    }

    @Test
    void removeLeavesTheSchemaAsItWasBefore() throws SQLException {
        Path file = dir.resolve("old.sqlite");
        String before;
        db = Db.open(file).exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE);\nINSERT INTO t VALUES (1, 'x')");
        before = String.join("\n", db.rows("SELECT type, name, sql FROM sqlite_schema ORDER BY name"));
        try (Connection c = SqliteFiles.openReadWrite(file)) {
            Capture.install(c, Introspector.read(file).schema().tables());
            db.exec("INSERT INTO t VALUES (2, 'y')");
            Capture.remove(c);
            assertEquals(Marker.NONE, Capture.marker(c));
        }
        assertEquals(before, String.join("\n", db.rows("SELECT type, name, sql FROM sqlite_schema ORDER BY name")));
        assertEquals(List.of("1|x", "2|y"), db.rows("SELECT * FROM t ORDER BY id"));
    }

    @Test
    void aFailedInstallLeavesNothingBehind() throws SQLException {
        Path file = dir.resolve("old.sqlite");
        db = Db.open(file).exec("CREATE TABLE t (id INTEGER PRIMARY KEY)");
        List<Table> tables = Introspector.read(file).schema().tables();
        db.exec("DROP TABLE t");
        try (Connection c = SqliteFiles.openReadWrite(file)) {
            assertThrows(SQLException.class, () -> Capture.install(c, tables));
            assertEquals(Marker.NONE, Capture.marker(c));
            assertEquals(List.of(), Capture.installedTriggers(c));
        }
    }

    @Test
    void removeNeverDropsAnApplicationTriggerThatSharesMigsPrefix() throws SQLException {
        Path file = dir.resolve("old.sqlite");
        db = Db.open(file).exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);\n"
                + "CREATE TABLE audit (msg TEXT);\n"
                + "CREATE TRIGGER _mig_audit AFTER INSERT ON t BEGIN INSERT INTO audit VALUES ('x'); END");
        try (Connection c = SqliteFiles.openReadWrite(file)) {
            Capture.install(c, Introspector.read(file).schema().tables());
            assertTrue(Capture.installedTriggers(c).stream().noneMatch(n -> n.equals("_mig_audit")));
            Capture.remove(c);
        }
        assertEquals(List.of("_mig_audit"), db.rows("SELECT name FROM sqlite_schema WHERE type = 'trigger'"));
    }

    @Test
    void onlyTheDrainingGuardsRejectionCountsAsOne() throws SQLException {
        database("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
        SQLException notNull = assertThrows(SQLException.class,
                () -> db.conn.createStatement().executeUpdate("INSERT INTO t VALUES (1, NULL)"));
        assertFalse(Capture.isDrainingRejection(notNull));
        assertFalse(Capture.isDrainingRejection(new SQLException((String) null)));
        assertTrue(Capture.isDrainingRejection(new SQLException("wrapped", new SQLException(Capture.DRAINING_MESSAGE))));
    }

    @Test
    void aMarkerTableWithoutItsRowMeansNoMarker() throws SQLException {
        Path file = dir.resolve("old.sqlite");
        database("CREATE TABLE t (id INTEGER PRIMARY KEY)");
        db.exec("DELETE FROM _migration_marker");
        try (Connection c = SqliteFiles.openReadWrite(file)) {
            assertEquals(Marker.NONE, Capture.marker(c));
        }
    }
}
