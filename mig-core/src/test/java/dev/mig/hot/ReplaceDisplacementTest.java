package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.Progress;
import dev.mig.testing.Db;
import dev.mig.testing.ForeignClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A REPLACE that displaces a row through a UNIQUE constraint other than the key deletes that row without
 * firing its DELETE trigger (recursive_triggers is off in applications). When the new schema drops the
 * UNIQUE, the new database cannot displace the row itself: only capture's record of the displaced key
 * removes it. The writes come from the sqlite3 shell, a separate process, as an application's would.
 */
class ReplaceDisplacementTest {

    /** A column UNIQUE, a composite UNIQUE, a unique expression index, and a WITHOUT ROWID table's UNIQUE. */
    static final String V1 = """
            name: disp
            tables:
              users:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  email: {type: TEXT, unique: true}
                  name: {type: TEXT}
              pairs:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  a: {type: INTEGER}
                  b: {type: TEXT}
                unique: [[a, b]]
              codes:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  code: {type: TEXT}
                indexes:
                  codes_by_lower_code: {columns: [{expr: "lower(code)"}], unique: true}
              slots:
                withoutRowid: true
                columns:
                  k: {type: TEXT, primaryKey: true}
                  slot: {type: INTEGER, unique: true}
            """;

    /** Every UNIQUE dropped: the new database accepts the rows the old one displaced. */
    static final String V2 = """
            name: disp
            tables:
              users:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  email: {type: TEXT}
                  name: {type: TEXT}
              pairs:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  a: {type: INTEGER}
                  b: {type: TEXT}
              codes:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  code: {type: TEXT}
              slots:
                withoutRowid: true
                columns:
                  k: {type: TEXT, primaryKey: true}
                  slot: {type: INTEGER}
            """;

    /** Displaces users 1, 2, 3 (and 4's old email), pairs 1, codes 1 and slots 'a', each a different way. */
    static final String DISPLACING_WRITES = """
            REPLACE INTO users (id, email, name) VALUES (9001, 'u1@x', 'replace');
            INSERT OR REPLACE INTO users (id, email, name) VALUES (9002, 'u2@x', 'insert or replace');
            UPDATE OR REPLACE users SET email = 'u3@x' WHERE id = 4;
            BEGIN IMMEDIATE;
            INSERT OR REPLACE INTO pairs (id, a, b) VALUES (9001, 1, 'p1');
            UPDATE OR REPLACE codes SET code = 'C1' WHERE id = 2;
            REPLACE INTO slots (k, slot) VALUES ('zz', 1);
            COMMIT;
            """;

    @TempDir
    Path base;

    private HotProject project(int users) throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), V1, "WAL");
        try (Db db = p.open()) {
            db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + users + ")\n"
                    + "INSERT INTO users SELECT i, 'u' || i || '@x', 'user ' || i FROM n;\n"
                    + "INSERT INTO pairs VALUES (1, 1, 'p1'), (2, 1, 'p2');\n"
                    + "INSERT INTO codes VALUES (1, 'c1'), (2, 'c2');\n"
                    + "INSERT INTO slots VALUES ('a', 1), ('b', 2)");
        }
        return p;
    }

    @Test
    void rowsDisplacedThroughAUniqueColumnWhileRecordingAreGoneFromTheNewDatabase() throws Exception {
        HotProject p = project(10);
        p.migrate(V2);
        sqlite3(p.oldDb, DISPLACING_WRITES);
        assertDisplaced(p, "1, 2, 3");
    }

    @Test
    void rowsDisplacedThroughAUniqueColumnDuringTheCopyAreGoneFromTheNewDatabase() throws Exception {
        HotProject p = project(3_000); // the copy goes in chunks of 1,000 rows at first
        HotProject.declare(p.dir, V2);
        boolean[] wrote = {false};
        p.migrate(new Progress() {
            @Override
            public void chunkCopied(String table, long rowsCopied, long rowsTotal) {
                if (table.equals("users") && !wrote[0]) {
                    wrote[0] = true;
                    // 2999 is not copied yet and takes the email of 5, which is: both sides of the copy's front.
                    sqlite3(p.oldDb, DISPLACING_WRITES + "UPDATE OR REPLACE users SET email = 'u5@x' WHERE id = 2999;\n");
                }
            }
        });
        assertTrue(wrote[0], "the writes landed during the copy of users");
        assertDisplaced(p, "1, 2, 3, 5");
    }

    /** After drain and cutover every table equals the old one, and the users {@code displacedIds} are gone. */
    private static void assertDisplaced(HotProject p, String displacedIds) {
        p.drain();
        p.cutover();
        for (String table : List.of("users", "pairs", "codes", "slots")) {
            String order = table.equals("slots") ? "k" : "id";
            Rows.assertSame(Rows.table(p.oldDb, table, order), Rows.table(p.newDb(), table, order), table);
        }
        assertEquals(List.of(), Rows.plain(p.newDb(), "SELECT id FROM users WHERE id IN (" + displacedIds + ")"),
                "displaced users");
        Checks.assertSound(p.newDb());
    }

    /** Runs {@code sql} in the sqlite3 shell, a separate process; fails on its first error. */
    static void sqlite3(Path db, String sql) {
        ForeignClient.run(db, sql);
    }
}
