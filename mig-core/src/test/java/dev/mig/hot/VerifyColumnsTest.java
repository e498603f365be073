package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.Project;
import dev.mig.api.TableVerdict;
import dev.mig.api.VerifyResult;
import dev.mig.sql.SqliteFiles;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verify counts every column, in any table SQLite allows (up to 2000 columns, more than one SQL function
 * call may take): a difference in the first or the last column alone is found.
 */
class VerifyColumnsTest {

    @TempDir
    Path base;

    /**
     * A table {@code wide} of {@code id} and columns c1..cN; v2 adds column {@code extra} before them, so
     * the table is rebuilt and its last column is still one the copy fills.
     */
    private static String wide(int columns, boolean v2) {
        StringBuilder y = new StringBuilder("name: w\ntables:\n  wide:\n    columns:\n"
                + "      id: {type: INTEGER, primaryKey: true}\n" + (v2 ? "      extra: {type: TEXT}\n" : ""));
        for (int i = 1; i <= columns; i++) {
            y.append("      c").append(i).append(": {type: ").append(i % 2 == 0 ? "TEXT" : "INTEGER").append("}\n");
        }
        return y.toString();
    }

    private HotProject migratedWide(int columns) throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), wide(columns, false), "WAL");
        try (Db db = p.open()) {
            db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) "
                    + "INSERT INTO wide (id, c1, c2, c" + columns + ") SELECT i, i, 'v' || i, i * 3 FROM n");
        }
        p.migrate(wide(columns, true));
        return p;
    }

    private void tamper(HotProject p, String sql) throws Exception {
        try (Connection c = SqliteFiles.openReadWrite(p.newDb()); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate(sql));
        }
    }

    @Test
    void aTableOf150ColumnsVerifiesEqualWhileTheApplicationWrites() throws Exception {
        HotProject p = migratedWide(150);
        try (Db db = p.open()) {
            db.exec("UPDATE wide SET c150 = c150 + 1, c75 = 'x' WHERE id % 3 = 0;\nDELETE FROM wide WHERE id > 45");
        }
        VerifyResult r = Mig.verify(Project.at(p.dir, null));
        assertTrue(r.equal(), r.toString());
        assertEquals(45, r.tables().get(0).newRows());
        p.drain(); // verifies too, before pausing writes
    }

    @Test
    void aTableOfTheMostColumnsSqliteAllowsVerifiesEqual() throws Exception {
        HotProject p = migratedWide(1998); // id + 1998 + extra = 2000 columns in the new table
        try (Db db = p.open()) {
            db.exec("UPDATE wide SET c1998 = 'changed' WHERE id = 7");
        }
        VerifyResult r = Mig.verify(Project.at(p.dir, null));
        assertTrue(r.equal(), r.toString());
    }

    @Test
    void aDifferenceOnlyInTheLastColumnOfAWideTableIsFound() throws Exception {
        HotProject p = migratedWide(320);
        tamper(p, "UPDATE wide SET c320 = 'tampered' WHERE id = 9");
        TableVerdict t = Mig.verify(Project.at(p.dir, null)).tables().get(0);
        assertFalse(t.equal(), t.toString());
        assertEquals(1, t.newOnly().size());
        assertTrue(t.oldOnly().get(0).startsWith("9|9|'v9'|") && t.oldOnly().get(0).endsWith("|'27'"), t.toString());
        assertTrue(t.newOnly().get(0).startsWith("9|9|'v9'|") && t.newOnly().get(0).endsWith("|'tampered'"), t.toString());
    }

    @Test
    void aDifferenceOnlyInTheFirstColumnOfAWideTableIsFound() throws Exception {
        HotProject p = migratedWide(320);
        tamper(p, "UPDATE wide SET id = 1000 WHERE id = 9");
        TableVerdict t = Mig.verify(Project.at(p.dir, null)).tables().get(0);
        assertFalse(t.equal(), t.toString());
        assertTrue(t.oldOnly().get(0).startsWith("9|9|'v9'|"), t.toString());
        assertTrue(t.newOnly().get(0).startsWith("1000|9|'v9'|"), t.toString());
    }

    @Test
    void aDifferenceOnlyInTheLastColumnOfAnOrdinaryTableIsFound() throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), """
                name: o
                tables:
                  notes:
                    columns:
                      id: {type: INTEGER, primaryKey: true}
                      title: {type: TEXT}
                      body: {type: TEXT}
                """, "WAL");
        try (Db db = p.open()) {
            db.exec("INSERT INTO notes VALUES (1, 'a', 'first'), (2, 'b', 'second')");
        }
        p.migrate("""
                name: o
                tables:
                  notes:
                    columns:
                      id: {type: INTEGER, primaryKey: true}
                      title: {type: TEXT}
                      pinned: {type: INTEGER, default: 0}
                      body: {type: TEXT}
                """);
        assertTrue(Mig.verify(Project.at(p.dir, null)).equal());
        tamper(p, "UPDATE notes SET body = 'other' WHERE id = 2");
        TableVerdict t = Mig.verify(Project.at(p.dir, null)).tables().get(0);
        assertFalse(t.equal(), t.toString());
        assertEquals(List.of("2|'b'|'second'"), t.oldOnly());
        assertEquals(List.of("2|'b'|'other'"), t.newOnly());
    }
}
