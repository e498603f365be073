package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.api.VerifyResult;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rowid tables whose primary key is not the rowid (composite or TEXT keys): their rowid is data
 * (FTS content_rowid, last_insert_rowid()), so copy and replay carry it exactly and verify compares it,
 * whatever REPLACE, delete-and-reinsert or key swap moved it during the migration.
 */
class RowidFidelityTest {

    static final String V1 = """
            name: r
            tables:
              pairs:
                columns:
                  a: {type: INTEGER, nullable: false}
                  b: {type: TEXT, nullable: false}
                  v: {type: TEXT}
                primaryKey: [a, b]
              tags:
                columns:
                  name: {type: TEXT, primaryKey: true}
                  v: {type: TEXT}
              fixed:
                columns:
                  name: {type: TEXT, primaryKey: true}
                  v: {type: TEXT}
                withoutRowid: true
            """;

    /** Every table rebuilt (a new column), so each one goes through the mapping, not a plain copy. */
    static final String V2 = V1.replace("      v: {type: TEXT}\n", "      v: {type: TEXT}\n      w: {type: TEXT}\n");

    @TempDir
    Path base;

    private HotProject migrated() throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), V1, "WAL");
        try (Db db = p.open()) {
            db.exec("INSERT INTO pairs VALUES (1, 'x', 'p1'), (2, 'x', 'p2'), (3, 'y', 'p3');\n"
                    + "INSERT INTO tags VALUES ('red', 't1'), ('green', 't2'), ('blue', 't3');\n"
                    + "INSERT INTO fixed VALUES ('one', 'f1'), ('two', 'f2')");
        }
        p.migrate(V2);
        return p;
    }

    /** Drains (verify on), cuts over, and checks both tables hold the old rows at the old rowids. */
    private static void drainsEqualWithRowids(HotProject p) {
        List<String> pairs;
        List<String> tags;
        List<String> fixed;
        try (Db db = p.open()) {
            pairs = db.rows("SELECT rowid, a, b, v FROM pairs ORDER BY rowid");
            tags = db.rows("SELECT rowid, name, v FROM tags ORDER BY rowid");
            fixed = db.rows("SELECT name, v FROM fixed ORDER BY name");
        }
        VerifyResult verified = Mig.verify(Project.at(p.dir, null));
        assertTrue(verified.equal(), verified.toString());
        p.drain();
        p.cutover();
        try (Db db = Db.open(p.newDb())) {
            assertEquals(pairs, db.rows("SELECT rowid, a, b, v FROM pairs ORDER BY rowid"));
            assertEquals(tags, db.rows("SELECT rowid, name, v FROM tags ORDER BY rowid"));
            assertEquals(fixed, db.rows("SELECT name, v FROM fixed ORDER BY name"));
        }
    }

    @Test
    void replaceOnTheKeyKeepsTheNewRowid() throws Exception {
        HotProject p = migrated();
        try (Db db = p.open()) {
            db.exec("REPLACE INTO pairs VALUES (1, 'x', 'p1 again');\nREPLACE INTO tags VALUES ('red', 't1 again');\n"
                    + "REPLACE INTO fixed VALUES ('one', 'f1 again')");
            assertEquals("4", db.one("SELECT rowid FROM pairs WHERE a = 1"));
        }
        drainsEqualWithRowids(p);
    }

    @Test
    void deleteAndReinsertInOneTransactionKeepsTheNewRowid() throws Exception {
        HotProject p = migrated();
        try (Db db = p.open()) {
            db.exec("BEGIN IMMEDIATE;\nDELETE FROM pairs WHERE a = 2;\nINSERT INTO pairs VALUES (2, 'x', 'back');\n"
                    + "DELETE FROM tags WHERE name = 'green';\nINSERT INTO tags VALUES ('green', 'back');\n"
                    + "DELETE FROM fixed WHERE name = 'two';\nINSERT INTO fixed VALUES ('two', 'back');\nCOMMIT");
        }
        drainsEqualWithRowids(p);
    }

    @Test
    void swappingKeysBetweenRowsSwapsTheirRowids() throws Exception {
        HotProject p = migrated();
        try (Db db = p.open()) {
            db.exec("BEGIN IMMEDIATE;\nUPDATE pairs SET a = 0 WHERE a = 1;\nUPDATE pairs SET a = 1 WHERE a = 2;\n"
                    + "UPDATE pairs SET a = 2 WHERE a = 0;\n"
                    + "UPDATE tags SET name = 'tmp' WHERE name = 'red';\nUPDATE tags SET name = 'red' WHERE name = 'blue';\n"
                    + "UPDATE tags SET name = 'blue' WHERE name = 'tmp';\n"
                    + "UPDATE fixed SET name = 'tmp' WHERE name = 'one';\nUPDATE fixed SET name = 'one' WHERE name = 'two';\n"
                    + "UPDATE fixed SET name = 'two' WHERE name = 'tmp';\nCOMMIT");
        }
        drainsEqualWithRowids(p);
    }

    @Test
    void rowidsSwappedBetweenRowsAreReplayedExactly() throws Exception {
        HotProject p = migrated();
        try (Db db = p.open()) {
            db.exec("BEGIN IMMEDIATE;\nUPDATE pairs SET rowid = 100 WHERE a = 1;\nUPDATE pairs SET rowid = 1 WHERE a = 3;\n"
                    + "UPDATE pairs SET rowid = 3 WHERE a = 1;\n"
                    + "UPDATE tags SET rowid = -5 WHERE name = 'red';\nUPDATE tags SET rowid = 1 WHERE name = 'green';\n"
                    + "UPDATE tags SET rowid = 2 WHERE name = 'red';\nCOMMIT");
        }
        drainsEqualWithRowids(p);
    }

    /**
     * A REPLACE that names a taken rowid silently deletes the row holding it; once the new row moves on,
     * nothing but capture's own log could tell replay the displaced row is gone.
     */
    @Test
    void aRowDisplacedByAnExplicitRowidReplaceIsDeletedInTheNewDatabase() throws Exception {
        HotProject p = migrated();
        try (Db db = p.open()) {
            db.exec("INSERT OR REPLACE INTO tags (rowid, name, v) VALUES (2, 'black', 't4');\n"
                    + "UPDATE tags SET rowid = 50 WHERE name = 'black';\n"
                    + "UPDATE OR REPLACE pairs SET rowid = 1 WHERE a = 3;\nDELETE FROM pairs WHERE a = 3");
            assertEquals(List.of("1|red", "3|blue", "50|black"), db.rows("SELECT rowid, name FROM tags ORDER BY rowid"));
        }
        drainsEqualWithRowids(p);
    }

    /** A row written after the copy takes the rowid of a row deleted meanwhile. */
    @Test
    void aRowidFreedAndTakenAgainAfterTheCopyIsCarriedExactly() throws Exception {
        HotProject p = migrated();
        try (Db db = p.open()) {
            db.exec("DELETE FROM tags WHERE name = 'blue';\nINSERT INTO tags VALUES ('amber', 't5');\n"
                    + "DELETE FROM pairs WHERE a = 3;\nINSERT INTO pairs VALUES (0, 'z', 'p0')");
            assertEquals("3", db.one("SELECT rowid FROM tags WHERE name = 'amber'"));
        }
        drainsEqualWithRowids(p);
    }

    /**
     * A row the copy has not reached yet takes the rowid of a row it has already copied and the application
     * deleted since: the copy meets the stale holder in the new database and must not refuse.
     */
    @Test
    void aRowidFreedAndTakenAgainDuringTheCopyIsCarriedExactly() throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), V1, "WAL");
        try (Db db = p.open()) {
            // keys descend as rowids ascend: the copy (in key order) carries the largest rowids first
            db.exec("WITH RECURSIVE n(i) AS (SELECT 3000 UNION ALL SELECT i - 1 FROM n WHERE i > 1) "
                    + "INSERT INTO tags SELECT printf('k%04d', i), 'v' || i FROM n");
        }
        HotProject.declare(p.dir, V2);
        boolean[] done = {false};
        p.migrate(new Progress() {
            @Override
            public void chunkCopied(String table, long rowsCopied, long rowsTotal) {
                if (table.equals("tags") && !done[0] && rowsCopied < rowsTotal) {
                    done[0] = true;
                    try (Db db = p.open()) {
                        db.exec("DELETE FROM tags WHERE name = 'k0001';\nINSERT INTO tags VALUES ('k9999', 'late')");
                        assertEquals("3000", db.one("SELECT rowid FROM tags WHERE name = 'k9999'"));
                    }
                }
            }
        });
        assertTrue(done[0], "the writes landed between two chunks of the copy");
        drainsEqualWithRowids(p);
    }

    /** A column named rowid shadows that name: the real rowid is read and written as _rowid_. */
    @Test
    void aColumnNamedRowidDoesNotHideTheRealRowid() throws Exception {
        String v1 = """
                name: s
                tables:
                  odd:
                    columns:
                      name: {type: TEXT, primaryKey: true}
                      rowid: {type: TEXT}
                """;
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), v1, "WAL");
        try (Db db = p.open()) {
            db.exec("INSERT INTO odd (_rowid_, name, rowid) VALUES (10, 'a', 'not a rowid'), (20, 'b', 'x')");
        }
        p.migrate(v1.replace("      rowid: {type: TEXT}\n", "      rowid: {type: TEXT}\n      w: {type: TEXT}\n"));
        List<String> rows;
        try (Db db = p.open()) {
            db.exec("REPLACE INTO odd VALUES ('a', 'replaced')");
            rows = db.rows("SELECT _rowid_, name, rowid FROM odd ORDER BY _rowid_");
            assertEquals(List.of("20|b|x", "21|a|replaced"), rows);
        }
        p.drain();
        p.cutover();
        try (Db db = Db.open(p.newDb())) {
            assertEquals(rows, db.rows("SELECT _rowid_, name, rowid FROM odd ORDER BY _rowid_"));
        }
    }
}
