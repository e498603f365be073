package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mig.Mig;
import dev.mig.api.MigrateResult;
import dev.mig.api.Progress;
import dev.mig.capture.Capture;
import dev.mig.sql.SqliteFiles;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An AUTOINCREMENT table's counter (its sqlite_sequence row) reaches the new database exactly, also when
 * it is above MAX(id) because the highest ids were deleted: otherwise the new application would hand
 * out ids the old one already used.
 */
class AutoincrementCounterTest {

    static final String V1 = """
            name: seq
            tables:
              items:
                columns:
                  id: {type: INTEGER, primaryKey: true, autoincrement: true}
                  name: {type: TEXT}
            """;

    /** A column added: the table is rebuilt, so its counter must be carried, not kept. */
    static final String V2 = """
            name: seq
            tables:
              items:
                columns:
                  id: {type: INTEGER, primaryKey: true, autoincrement: true}
                  name: {type: TEXT}
                  note: {type: TEXT}
            """;

    /** The table renamed as well: the counter is found under the old name, stored under the new one. */
    static final String V2_RENAMED = """
            name: seq
            tables:
              things:
                renamedFrom: items
                columns:
                  id: {type: INTEGER, primaryKey: true, autoincrement: true}
                  name: {type: TEXT}
                  note: {type: TEXT}
            """;

    @TempDir
    Path base;

    private HotProject project(int rows) throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), V1, "WAL");
        try (Db db = p.open()) {
            db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows + ")\n"
                    + "INSERT INTO items (name) SELECT 'row ' || i FROM n;\n"
                    + "DELETE FROM items WHERE id = (SELECT max(id) FROM items)");
        }
        return p;
    }

    @Test
    void theCounterAboveTheLargestIdIsCarriedByAHotMigration() throws Exception {
        HotProject p = project(10);
        p.migrate(V2);
        try (Db db = p.open()) {
            db.exec("INSERT INTO items (name) VALUES ('during 1');\nINSERT INTO items (name) VALUES ('during 2');\n"
                    + "DELETE FROM items WHERE id = (SELECT max(id) FROM items);\nUPDATE items SET name = 'x' WHERE id = 1");
        }
        p.drain();
        p.cutover();
        assertCounterCarried(p, "items", "items", 12);
    }

    @Test
    void theCounterMovedByWritesDuringTheCopyIsCarried() throws Exception {
        HotProject p = project(3_000); // the copy goes in chunks of 1,000 rows at first
        HotProject.declare(p.dir, V2);
        boolean[] wrote = {false};
        p.migrate(new Progress() {
            @Override
            public void chunkCopied(String table, long rowsCopied, long rowsTotal) {
                if (!wrote[0]) {
                    wrote[0] = true;
                    try (Db db = p.open()) {
                        db.exec("INSERT INTO items (name) VALUES ('copy 1');\nINSERT INTO items (name) VALUES ('copy 2');\n"
                                + "DELETE FROM items WHERE id = (SELECT max(id) FROM items)");
                    }
                }
            }
        });
        assertEquals(true, wrote[0], "a write landed during the copy");
        p.drain();
        p.cutover();
        assertCounterCarried(p, "items", "items", 3_002);
    }

    /**
     * An UPDATE that moves an id above the counter does not raise it (SQLite tracks inserts only), but
     * copying or replaying that row inserts it into the new table, which does: the counter must still be
     * the old one, or once the row is deleted the two databases hand out different ids.
     */
    @Test
    void aCounterBelowAnUpdatedIdIsCarriedAsIs() throws Exception {
        HotProject p = project(10);
        try (Db db = p.open()) {
            db.exec("UPDATE items SET id = 50 WHERE id = 8"); // before the copy
        }
        p.migrate(V2);
        try (Db db = p.open()) {
            db.exec("UPDATE items SET id = 100 WHERE id = 9"); // while recording: replayed
        }
        p.drain();
        p.cutover();
        assertCounterCarried(p, "items", "items", 10, "DELETE FROM items WHERE id IN (50, 100)");
    }

    @Test
    void theCounterAboveTheLargestIdIsCarriedByAnOfflineMigration() throws Exception {
        HotProject p = project(10);
        HotProject.declare(p.dir, V2_RENAMED);
        MigrateResult r = Mig.migrate(HotProject.project(p.dir), true, Progress.NONE);
        assertEquals(MigrateResult.Outcome.COMPLETED_OFFLINE, r.outcome());
        assertCounterCarried(p, "items", "things", 10);
    }

    /**
     * The new database's sqlite_sequence row equals the old one's ({@code expectedSeq}, above MAX(id)),
     * and its next insert gets the id that an insert into (a copy of) the old database gets.
     */
    private void assertCounterCarried(HotProject p, String oldTable, String newTable, long expectedSeq)
            throws Exception {
        assertCounterCarried(p, oldTable, newTable, expectedSeq, "SELECT 1");
    }

    /** The same, {@code first} run in both databases before the next insert. */
    private void assertCounterCarried(HotProject p, String oldTable, String newTable, long expectedSeq, String first)
            throws Exception {
        String seq = "SELECT seq FROM sqlite_sequence WHERE name = ";
        assertEquals(String.valueOf(expectedSeq), Rows.one(p.oldDb, seq + "'" + oldTable + "'"), "old counter");
        assertEquals(List.of(String.valueOf(expectedSeq)), Rows.plain(p.newDb(), seq + "'" + newTable + "'"),
                "new counter");
        long oldNext = nextIdInCopyOf(p.oldDb, oldTable, first);
        try (Db db = Db.open(p.newDb())) {
            db.exec(first.replace(oldTable, newTable) + ";\nINSERT INTO \"" + newTable + "\" (name) VALUES ('next')");
            assertEquals(oldNext, db.count("SELECT last_insert_rowid()"), "the next id");
        }
        assertEquals(expectedSeq + 1, oldNext);
    }

    /** The id the old database hands out next, asked of a copy with mig's capture removed (it rejects writes). */
    private long nextIdInCopyOf(Path oldDb, String table, String first) throws Exception {
        Path copy = Files.createDirectory(base.resolve("old-copy")).resolve("old.sqlite");
        for (String suffix : List.of("", "-wal")) {
            if (Files.exists(Path.of(oldDb + suffix))) {
                Files.copy(Path.of(oldDb + suffix), Path.of(copy + suffix));
            }
        }
        try (Connection c = SqliteFiles.openReadWrite(copy)) {
            Capture.remove(c);
        }
        try (Db db = Db.open(copy)) {
            db.exec(first + ";\nINSERT INTO \"" + table + "\" (name) VALUES ('next')");
            return db.count("SELECT last_insert_rowid()");
        }
    }
}
