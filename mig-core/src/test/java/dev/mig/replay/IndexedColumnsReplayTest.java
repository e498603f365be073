package dev.mig.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mig.Mig;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.project.ActiveMigration;
import dev.mig.sql.SqliteFiles;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replay writes a changed row over the new database's row of the same key (an upsert), indexed columns
 * included. These are the changes a shortcut that compares old and new values would miss: a change the
 * column's collation or affinity calls equal, NULL to a value and back, the sign of a REAL zero (which
 * = and IS call equal), and UNIQUE values swapped between rows. Each column is compared by storage
 * class and exact value. (Such a shortcut was tried for speed and not kept: specs/benchmarks.md.)
 */
class IndexedColumnsReplayTest {

    /** One row per kind of change, so that no other change to the same row hides a missed one. */
    private static final String OLD = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT COLLATE NOCASE UNIQUE, n, score REAL, tag TEXT,
                            note TEXT NOT NULL UNIQUE, memo TEXT);
            CREATE INDEX t_n ON t (n);
            CREATE INDEX t_score_tag ON t (score, tag);
            INSERT INTO t VALUES (1, 'Ann@x', 1, 1.0, 'a', 'n1', 'm'), (2, 'b@x', 5, 2.0, 'b', 'n2', 'm'),
                                 (3, 'c@x', 7, 3.0, 'c', 'n3', 'm'), (4, 'd@x', NULL, 4.0, 'd', 'n4', 'm'),
                                 (5, 'e@x', 5, 5.0, 'e', 'n5', 'm'), (6, 'f@x', 0.0, 6.0, 'f', 'n6', 'm'),
                                 (7, 'g@x', 7, 7.0, 'g', 'n7', 'm'), (8, 'h@x', 8, 8.0, 'h', 'n8', 'm'),
                                 (9, 'i@x', 9, 9.0, 'i', 'n9', 'm'), (10, 'j@x', 10, 10.0, 'j', 'n10', 'm'),
                                 (11, 'k@x', 11, 11.0, 'k', 'n11', 'm');
            """;

    private static final String V2 = """
            name: app
            tables:
              t:
                %s
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  email: {type: TEXT, unique: true, collate: NOCASE}
                  n:
                  score: {type: REAL}
                  tag: {type: TEXT}
                  note: {type: TEXT, nullable: false, unique: true}
                  memo: {type: TEXT}
                  added: {type: TEXT}
                indexes:
                  t_n: [n]
                  t_score_tag: [score, tag]
            """;

    private static final String WRITES = """
            UPDATE t SET email = 'ann@x' WHERE id = 1;
            UPDATE t SET n = '5' WHERE id = 2;
            UPDATE t SET n = 7.0 WHERE id = 3;
            UPDATE t SET n = 4 WHERE id = 4;
            UPDATE t SET tag = NULL WHERE id = 5;
            UPDATE t SET n = -0.0 WHERE id = 6;
            UPDATE t SET note = 'n9*' WHERE id = 9;
            UPDATE t SET memo = 'm*', score = 10 WHERE id = 10;
            DELETE FROM t WHERE id = 11;
            INSERT INTO t VALUES (12, 'k@x', 11, 11.0, 'k', 'n11', 'm');
            """;

    /** Two rows trade UNIQUE values: writing either first conflicts with the other's stale value. */
    private static final String SWAP = """
            UPDATE t SET email = 'tmp@x' WHERE id = 7;
            UPDATE t SET email = 'g@x' WHERE id = 8;
            UPDATE t SET email = 'h@x' WHERE id = 7;
            """;

    /** Every column by storage class and exact value, in note order (notes follow a row under remap). */
    private static final String ROWS = "SELECT note, typeof(email), quote(email), typeof(n), quote(n), typeof(score), "
            + "quote(score), typeof(tag), quote(tag), memo FROM t ORDER BY note";

    private static long zeroSign(Db db) throws Exception {
        try (Statement s = db.conn.createStatement(); ResultSet r = s.executeQuery("SELECT n FROM t WHERE note = 'n6'")) {
            return r.next() ? Double.doubleToRawLongBits(r.getDouble(1)) : -1;
        }
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, batches of {1} entries")
    @CsvSource({"ids kept, 1", "ids kept, 1000", "ids: remap, 1", "ids: remap, 1000"})
    void indexedColumnsChangedInPlaceReachTheNewDatabaseExactly(String ids, int batch) throws Exception {
        assertReplayedExactly(ids, batch, WRITES);
    }

    @ParameterizedTest(name = "{0}, batches of {1} entries")
    @CsvSource({"ids kept, 1", "ids kept, 1000", "ids: remap, 1", "ids: remap, 1000"})
    void uniqueValuesSwappedBetweenRowsReachTheNewDatabase(String ids, int batch) throws Exception {
        assertReplayedExactly(ids, batch, SWAP);
    }

    private void assertReplayedExactly(String ids, int batch, String writes) throws Exception {
        Path old = dir.resolve("app.sqlite");
        try (Db db = Db.open(old)) {
            db.exec(OLD);
        }
        Files.writeString(dir.resolve("schema.yaml"), V2.formatted(ids.equals("ids: remap") ? ids : ""));
        Mig.migrate(Project.at(dir, old), false, Progress.NONE);
        ActiveMigration m = ActiveMigration.find(dir).orElseThrow();
        try (Db db = Db.open(old)) {
            db.exec(writes);
        }
        try (Connection pair = SqliteFiles.openSourceWithTarget(old, m.target())) {
            Replayer replayer = new Replayer(pair, m.plan(), m.declared(), m.live());
            while (replayer.replayBatch(batch) != null) {
                // replay everything
            }
        }
        try (Db o = Db.open(old); Db n = Db.open(m.target())) {
            assertEquals(o.rows(ROWS), n.rows(ROWS));
            assertEquals(zeroSign(o), zeroSign(n), "SQL text shows 0.0 and -0.0 alike; JDBC does not");
        }
    }
}
