package dev.mig.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.project.ActiveMigration;
import dev.mig.sql.SqliteFiles;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Replay of log batches into the new database, on a schema of six tables with every kind of row key. */
class ReplayerTest {

    private static final String SCHEMA = """
            CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT);
            CREATE TABLE b (code TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
            CREATE TABLE c (x INTEGER, y TEXT, v TEXT, PRIMARY KEY (x, y));
            CREATE TABLE d (v TEXT);
            CREATE TABLE e (id INTEGER PRIMARY KEY, v TEXT);
            CREATE TABLE f (id INTEGER PRIMARY KEY, v TEXT);
            INSERT INTO a VALUES (1, 'a1'), (2, 'a2');
            INSERT INTO b VALUES ('k1', 'b1'), ('k2', 'b2');
            INSERT INTO c VALUES (1, 'p', 'c1'), (1, 'q', 'c2');
            INSERT INTO d (rowid, v) VALUES (1, 'd1'), (2, 'd2');
            INSERT INTO e VALUES (1, 'e1');
            INSERT INTO f VALUES (1, 'f1')
            """;

    /** The same six tables, f with a column more: a structural change, so there is a migration. */
    private static final String V2 = """
            name: app
            tables:
              a:
                columns: {id: {type: INTEGER, primaryKey: true}, v: {type: TEXT}}
              b:
                columns: {code: {type: TEXT, primaryKey: true}, v: {type: TEXT}}
                withoutRowid: true
              c:
                columns: {x: {type: INTEGER}, y: {type: TEXT}, v: {type: TEXT}}
                primaryKey: [x, y]
              d:
                columns: {v: {type: TEXT}}
              e:
                columns: {id: {type: INTEGER, primaryKey: true}, v: {type: TEXT}}
              f:
                columns: {id: {type: INTEGER, primaryKey: true}, v: {type: TEXT}, w: {type: TEXT}}
            """;

    /** Each table's rows in a comparable order (d has no primary key: mig follows its rowid). */
    private static final List<String> ROWS = List.of("SELECT * FROM a ORDER BY id", "SELECT * FROM b ORDER BY code",
            "SELECT * FROM c ORDER BY x, y", "SELECT rowid, v FROM d ORDER BY rowid", "SELECT * FROM e ORDER BY id",
            "SELECT id, v FROM f ORDER BY id");

    @TempDir
    Path dir;

    private Path old;

    /** The six tables copied, capture recording: a migration ready to replay. */
    private ActiveMigration migrated() throws Exception {
        old = dir.resolve("app.sqlite");
        try (Db db = Db.open(old)) {
            db.exec("PRAGMA journal_mode = WAL;\n" + SCHEMA);
        }
        Files.writeString(dir.resolve("schema.yaml"), V2);
        Mig.migrate(Project.at(dir, old), false, Progress.NONE);
        return ActiveMigration.find(dir).orElseThrow();
    }

    private void write(String sql) {
        try (Db db = Db.open(old)) {
            db.exec(sql);
        }
    }

    /** The keys {@link Replayer#trackedKeys} names, per source table: "a: [1, 3]". */
    private static List<String> tracked(Connection pair, Replayer replayer) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (var e : replayer.trackedKeys().entrySet()) {
            List<String> keys = new java.util.ArrayList<>();
            try (var s = pair.createStatement(); var rs = s.executeQuery(e.getValue() + " ORDER BY 1")) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            out.add(e.getKey().plan().sourceTable() + ": " + keys);
        }
        return out;
    }

    private static void replayAll(Replayer replayer) throws Exception {
        while (replayer.replayBatch(1_000) != null) {
            // until the log is replayed
        }
    }

    @Test
    void trackingNamesOnlyTheRowsReplayedSinceItStarted() throws Exception {
        ActiveMigration m = migrated();
        try (Connection pair = SqliteFiles.openSourceWithTarget(old, m.target())) {
            Replayer replayer = new Replayer(pair, m.plan(), m.declared(), m.live());
            write("UPDATE a SET v = 'before' WHERE id = 1");
            replayAll(replayer);
            replayer.startTracking();
            write("UPDATE a SET v = 'after' WHERE id = 2;\nUPDATE e SET v = 'after' WHERE id = 1");
            replayAll(replayer);
            assertEquals(List.of("a: [2]", "e: [1]"), tracked(pair, replayer));
        }
    }

    @Test
    void startingTrackingAgainForgetsTheRowsTrackedBefore() throws Exception {
        ActiveMigration m = migrated();
        try (Connection pair = SqliteFiles.openSourceWithTarget(old, m.target())) {
            Replayer replayer = new Replayer(pair, m.plan(), m.declared(), m.live());
            replayer.startTracking();
            write("UPDATE a SET v = 'first' WHERE id = 1;\nUPDATE f SET v = 'first' WHERE id = 1");
            replayAll(replayer);
            replayer.startTracking();
            write("UPDATE a SET v = 'second' WHERE id = 2");
            replayAll(replayer);
            assertEquals(List.of("a: [2]"), tracked(pair, replayer));
        }
    }

    @Test
    void replayingToTheSnapshotReplaysEveryEntryItHoldsAndCountsThem() throws Exception {
        ActiveMigration m = migrated();
        write("UPDATE a SET v = 'x' WHERE id = 1;\nINSERT INTO e VALUES (2, 'e2');\nDELETE FROM f");
        try (Connection pair = SqliteFiles.openSourceWithTarget(old, m.target())) {
            Replayer replayer = new Replayer(pair, m.plan(), m.declared(), m.live());
            long replayed = dev.mig.sql.Tx.deferred(pair, c -> replayer.replayToSnapshot(2));
            assertEquals(3, replayed);
            assertEquals(3, replayer.checkpoint());
        }
        try (Db o = Db.open(old); Db n = Db.open(m.target())) {
            for (String rows : ROWS) {
                assertEquals(o.rows(rows), n.rows(rows), rows);
            }
        }
    }

    @Test
    void replayTimeIsCountedOncePerBatchWithinTheTimeReplayTook() throws Exception {
        ActiveMigration m = migrated();
        write("UPDATE a SET v = 'x' WHERE id = 1;\nUPDATE a SET v = 'y' WHERE id = 2;\nUPDATE b SET v = 'z'");
        long before = System.nanoTime();
        long batchMillis = 0;
        try (Connection pair = SqliteFiles.openSourceWithTarget(old, m.target())) {
            Replayer replayer = new Replayer(pair, m.plan(), m.declared(), m.live());
            for (Replayer.Batch b; (b = replayer.replayBatch(1)) != null; ) {
                assertTrue(b.millis() >= 0, b.toString());
                batchMillis += b.millis();
            }
        }
        long wallMillis = (System.nanoTime() - before) / 1_000_000;
        assertTrue(batchMillis <= wallMillis, batchMillis + " ms of batches within " + wallMillis);
        try (Db n = Db.open(m.target())) {
            assertEquals(List.of("4|4"), n.rows("SELECT last_seq, entries_replayed FROM _migration_replay"));
            long stored = n.count("SELECT replay_ms FROM _migration_replay");
            assertTrue(stored >= 0 && stored <= wallMillis, stored + " ms stored, within " + wallMillis);
        }
    }

    /**
     * Writes touching some tables only, with keys named by several entries (repeated updates, an
     * insert then delete, a key changed), replayed in batches of {@code batch} entries.
     */
    @ParameterizedTest(name = "batches of {0} entries")
    @ValueSource(ints = {1, 3, 1_000})
    void replayedTablesEqualTheOldOnesWhateverTheBatchSize(int batch) throws Exception {
        ActiveMigration m = migrated();
        try (Db db = Db.open(old)) {
            db.exec("""
                    UPDATE a SET v = 'a1*' WHERE id = 1;
                    UPDATE a SET v = 'a1**' WHERE id = 1;
                    INSERT INTO a VALUES (3, 'a3');
                    DELETE FROM a WHERE id = 2;
                    UPDATE b SET code = 'k9' WHERE code = 'k1';
                    INSERT INTO c VALUES (2, 'p', 'c3');
                    DELETE FROM c WHERE x = 2;
                    UPDATE c SET v = 'c2*' WHERE x = 1 AND y = 'q';
                    INSERT INTO d (v) VALUES ('d3');
                    UPDATE d SET v = 'd1*' WHERE rowid = 1
                    """);
        }
        long entries = 0;
        try (Connection pair = SqliteFiles.openSourceWithTarget(old, m.target())) {
            Replayer replayer = new Replayer(pair, m.plan(), m.declared(), m.live());
            for (Replayer.Batch b; (b = replayer.replayBatch(batch)) != null; ) {
                entries += b.entries();
            }
            assertNull(replayer.replayBatch(batch));
            assertEquals(replayer.lastLogged(), replayer.checkpoint());
            assertEquals(replayer.lastLogged(), entries);
        }
        try (Db o = Db.open(old); Db n = Db.open(m.target())) {
            for (String rows : ROWS) {
                assertEquals(o.rows(rows), n.rows(rows), rows);
            }
        }
    }
}
