package dev.mig.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.hot.HotProject;
import dev.mig.hot.Rows;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile identifiers (quotes, spaces, brackets, unicode, SQL keywords, SQL comments) and hostile data
 * (text that looks like SQL or JSON, values at every type edge) through a whole hot migration while an
 * application writes them: the new database equals the offline oracle, cell by cell.
 */
class HostileNamesTest {

    static final String V1 = """
            name: hostile
            tables:
              'order "items"':
                columns:
                  'select': {type: INTEGER, primaryKey: true}
                  'from': {type: TEXT}
                  'with space': {type: REAL}
                  'x]y': {type: BLOB}
                  '; DROP TABLE t; --':
              '[ünï 表]':
                withoutRowid: true
                columns:
                  '"k"': {type: TEXT, primaryKey: true}
                  'v`al': {type: TEXT, unique: true}
                  'group': {type: INTEGER, references: 'order "items".select', onDelete: cascade}
            """;

    /** Renames and additions on both tables, so every value goes through the mapping. */
    static final String V2 = """
            name: hostile
            tables:
              'order "items"':
                columns:
                  'select': {type: INTEGER, primaryKey: true}
                  'where': {type: TEXT, renamedFrom: 'from'}
                  'with space': {type: REAL}
                  'x]y': {type: BLOB}
                  '; DROP TABLE t; --':
                  'λ "new"': {type: TEXT, from: 'upper("from")'}
              '[ünï 表]':
                withoutRowid: true
                columns:
                  '"k"': {type: TEXT, primaryKey: true}
                  'v`al': {type: TEXT, unique: true}
                  'group': {type: INTEGER, references: 'order "items".select', onDelete: cascade}
                  'end': {type: INTEGER, nullable: false, default: 0}
            """;

    /** Text that looks like SQL or JSON, and values at the edges of every storage class. */
    static final Object[] VALUES = {
            "'); DROP TABLE \"order \"\"items\"\"\"; --", "{\"a\": [1, 2, {\"b\": null}]}", "\" OR 1=1 --", "",
            "line\nbreak\ttab", "nul\0inside", "表😀\u202e", Long.MAX_VALUE, Long.MIN_VALUE, 0L, -0.0, Double.MAX_VALUE,
            Double.MIN_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, new byte[0],
            new byte[] {0, (byte) 0xff, '\'', '"'}, null, "x".repeat(100_000)};

    static final String ITEMS = "SELECT * FROM \"order \"\"items\"\"\" ORDER BY \"select\"";
    static final String TAGS = "SELECT * FROM \"[ünï 表]\" ORDER BY \"\"\"k\"\"\"";

    @TempDir
    Path base;

    @Test
    void hostileNamesAndValuesSurviveAHotMigrationWithAWriter() throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), V1, "WAL");
        try (Db db = p.open()) {
            for (int i = 0; i < 400; i++) {
                write(db, new Random(i), i);
            }
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong writes = new AtomicLong();
        Thread writer = new Thread(() -> writeUntil(p, stop, writes), "hostile writer");
        writer.start();
        try {
            awaitWrites(writes, 20);
            p.migrate(V2);
            awaitWrites(writes, writes.get() + 20);
            stop.set(true);
            writer.join();
            p.drain();
        } finally {
            stop.set(true);
            writer.join();
        }
        assertTrue(writes.get() >= 40, "the writer wrote during the copy and after it: " + writes.get());
        p.cutover();
        Path oracle = p.oracle(Files.createDirectory(base.resolve("oracle")));
        for (String sql : List.of(ITEMS, TAGS)) {
            Rows.assertSame(Rows.typed(oracle, sql), Rows.typed(p.newDb(), sql), sql);
        }
        assertTrue(Rows.plain(p.newDb(), ITEMS).size() > 400, "the writer's rows arrived");
        assertEquals(List.of("ok"), Rows.plain(p.newDb(), "PRAGMA integrity_check"));
    }

    private static void writeUntil(HotProject p, AtomicBoolean stop, AtomicLong writes) {
        Random rnd = new Random(99);
        try (Db db = p.open()) {
            for (int i = 1_000; !stop.get(); i++) {
                write(db, rnd, rnd.nextInt(4) == 0 ? rnd.nextInt(i) : i);
                writes.incrementAndGet();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Upserts item {@code id} and a tag keyed by hostile text; sometimes deletes an item (cascading). */
    private static void write(Db db, Random rnd, int id) throws SQLException {
        try (PreparedStatement item = db.conn.prepareStatement("INSERT OR REPLACE INTO \"order \"\"items\"\"\" "
                + "(\"select\", \"from\", \"with space\", \"x]y\", \"; DROP TABLE t; --\") VALUES (?, ?, ?, ?, ?)");
             PreparedStatement tag = db.conn.prepareStatement("INSERT OR REPLACE INTO \"[ünï 表]\" "
                     + "(\"\"\"k\"\"\", \"v`al\", \"group\") VALUES (?, ?, ?)")) {
            item.setInt(1, id);
            item.setObject(2, pick(rnd) instanceof String s ? s : null);
            item.setObject(3, rnd.nextBoolean() ? rnd.nextDouble() * 1e300 : -0.0);
            item.setObject(4, pick(rnd));
            item.setObject(5, pick(rnd));
            item.executeUpdate();
            tag.setString(1, VALUES[rnd.nextInt(7)] + "#" + rnd.nextInt(50));
            tag.setString(2, "'\"" + rnd.nextInt(200));
            tag.setInt(3, id);
            tag.executeUpdate();
        }
        if (rnd.nextInt(10) == 0) {
            db.exec("DELETE FROM \"order \"\"items\"\"\" WHERE \"select\" = " + rnd.nextInt(id + 1));
        }
    }

    private static Object pick(Random rnd) {
        return VALUES[rnd.nextInt(VALUES.length)];
    }

    private static void awaitWrites(AtomicLong writes, long n) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (writes.get() < n && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }
}
