package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mig.testing.Db;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copied values keep their storage class and exact value (typeof + quote, text bytes by hex, REAL bits
 * through JDBC), whether the table keeps its ids or is remapped, and whether they arrive through the
 * bulk copy or through replay.
 */
class FidelityTest {

    static final String V1 = """
            name: fid
            tables:
              vals:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  i: {type: INTEGER}
                  r: {type: REAL}
                  t: {type: TEXT}
                  b: {type: BLOB}
                  n:
            """;

    /** Rebuilt (a column renamed, one added), ids preserved. */
    static final String V2_PRESERVE = """
            name: fid
            tables:
              vals:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  i: {type: INTEGER}
                  r: {type: REAL}
                  txt: {type: TEXT, renamedFrom: t}
                  b: {type: BLOB}
                  n:
                  extra: {type: TEXT}
            """;

    /** New ids; the old id survives in a computed column, so rows can be matched. */
    static final String V2_REMAP = """
            name: fid
            tables:
              vals:
                ids: remap
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  legacy: {type: INTEGER, from: id}
                  i: {type: INTEGER}
                  r: {type: REAL}
                  txt: {type: TEXT, renamedFrom: t}
                  b: {type: BLOB}
                  n:
            """;

    static final String OLD_VALUES = "SELECT id AS k, i, r, t, b, n FROM vals ORDER BY id";
    static final String NEW_VALUES_PRESERVE = "SELECT id AS k, i, r, txt, b, n FROM vals ORDER BY id";
    static final String NEW_VALUES_REMAP = "SELECT legacy AS k, i, r, txt, b, n FROM vals ORDER BY legacy";

    @TempDir
    Path dir;

    @Test
    void edgeValuesSurviveTheCopyWithIdsPreserved() throws SQLException {
        assertCopiedExactly(V2_PRESERVE, NEW_VALUES_PRESERVE, false);
    }

    @Test
    void edgeValuesSurviveTheCopyWithIdsRemapped() throws SQLException {
        assertCopiedExactly(V2_REMAP, NEW_VALUES_REMAP, false);
    }

    @Test
    void edgeValuesSurviveReplayWithIdsPreserved() throws SQLException {
        assertCopiedExactly(V2_PRESERVE, NEW_VALUES_PRESERVE, true);
    }

    @Test
    void edgeValuesSurviveReplayWithIdsRemapped() throws SQLException {
        assertCopiedExactly(V2_REMAP, NEW_VALUES_REMAP, true);
    }

    @Test
    void nanStoredAsNullStaysNull() throws SQLException {
        HotProject p = HotProject.bootstrap(dir, V1);
        try (Db db = p.open(); PreparedStatement ps = db.conn.prepareStatement("INSERT INTO vals (id, r, n) VALUES (1, ?, ?)")) {
            ps.setDouble(1, Double.NaN);
            ps.setDouble(2, Double.NaN);
            ps.executeUpdate();
        }
        Path target = p.migrateAll(V2_PRESERVE);
        assertEquals(List.of("null:NULL|null:NULL"), Rows.typed(target, "SELECT r, n FROM vals"));
    }

    @Test
    void negativeZeroKeepsItsSignInAnUntypedColumn() throws SQLException {
        HotProject p = HotProject.bootstrap(dir, V1);
        try (Db db = p.open(); PreparedStatement ps = db.conn.prepareStatement("INSERT INTO vals (id, n) VALUES (1, ?)")) {
            ps.setDouble(1, -0.0);
            ps.executeUpdate();
        }
        Path target = p.migrateAll(V2_PRESERVE);
        assertEquals(List.of(Double.doubleToRawLongBits(-0.0)), realBits(target, "SELECT n FROM vals"));
    }

    /**
     * Loads the corpus into v1 (all of it before migrate, or with {@code viaReplay} all of it after the
     * copy, so only replay carries it), migrates, and compares every cell with the old database.
     */
    private void assertCopiedExactly(String v2, String newValues, boolean viaReplay) throws SQLException {
        HotProject p = HotProject.bootstrap(dir, V1);
        if (!viaReplay) {
            insertCorpus(p);
        } else {
            try (Db db = p.open()) {
                db.exec("INSERT INTO vals (id) VALUES (1000000)"); // the copy has a row to copy
            }
        }
        HotProject.declare(dir, v2);
        p.migrate(dev.mig.api.Progress.NONE);
        if (viaReplay) {
            insertCorpus(p);
            try (Db db = p.open()) {
                db.exec("DELETE FROM vals WHERE id = 1000000");
            }
        }
        List<String> expected = Rows.typed(p.oldDb, OLD_VALUES);
        List<Long> expectedBits = realBits(p.oldDb, OLD_VALUES);
        p.drain();
        p.cutover();
        Path target = p.newDb();
        assertFalse(expected.isEmpty());
        Rows.assertSame(expected, Rows.typed(target, newValues), "typeof and quote of every cell");
        assertEquals(expectedBits, realBits(target, newValues), "REAL bits (sign of zero included)");
    }

    /** Edge values, cross-affinity values and a seeded random corpus. */
    static void insertCorpus(HotProject p) throws SQLException {
        try (Db db = p.open()) {
            db.exec("""
                    INSERT INTO vals (id, i) VALUES (1, -9223372036854775808), (2, 9223372036854775807), (3, 0), (4, -1);
                    INSERT INTO vals (id, r) VALUES (10, -0.0), (11, 1e308), (12, 5e-324), (13, 0.1 + 0.2), (14, 1e999), (15, -1e999);
                    INSERT INTO vals (id, t) VALUES (20, 'héllo wörld'), (21, '😀 astral 𝄞 and 中文'), (22, ''), (23, CAST(X'61006200' AS TEXT));
                    INSERT INTO vals (id, b) VALUES (30, X''), (31, X'00FF00'), (32, randomblob(1048576));
                    INSERT INTO vals (id, i, r, t, b, n) VALUES (40, 'text in an integer column', X'0102', 42, 1.5, 'x');
                    INSERT INTO vals (id, i, r, t, b, n) VALUES (41, 1.5, 'not a number', X'ABCD', 7, X'');
                    INSERT INTO vals (id, i, r, t, b, n) VALUES (42, NULL, NULL, NULL, NULL, NULL);
                    INSERT INTO vals (id, i, r, n) VALUES (43, '0x10', '1e5', -9223372036854775808)
                    """);
            try (PreparedStatement ps = db.conn.prepareStatement("INSERT INTO vals (id, r, t, n) VALUES (?, ?, ?, ?)")) {
                bind(ps, 50, Double.NaN, "bound \0 with a NUL", -0.0);
                bind(ps, 51, Double.MIN_VALUE, "\uD83D\uDE00", Double.MAX_VALUE);
                bind(ps, 52, -Double.MAX_VALUE, "x".repeat(1 << 20), Double.MIN_NORMAL);
                bind(ps, 53, 0.0, "ü€x\uD834\uDD1E".repeat(1 << 17), -Double.MIN_VALUE); // about 1 MB of multi-byte text
            }
            insertRandom(db.conn, new Random(20240531L), 100, 2_000);
        }
    }

    private static void bind(PreparedStatement ps, long id, double r, String t, double n) throws SQLException {
        ps.setLong(1, id);
        ps.setDouble(2, r);
        ps.setString(3, t);
        ps.setDouble(4, n);
        ps.executeUpdate();
    }

    /** Rows whose every cell is a random storage class, whatever the column's affinity. */
    static void insertRandom(Connection c, Random rnd, long firstId, int rows) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO vals (id, i, r, t, b, n) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int row = 0; row < rows; row++) {
                ps.setLong(1, firstId + row);
                for (int col = 2; col <= 6; col++) {
                    ps.setObject(col, randomValue(rnd));
                }
                ps.executeUpdate();
            }
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static Object randomValue(Random rnd) {
        return switch (rnd.nextInt(7)) {
            case 0 -> null;
            case 1 -> rnd.nextLong();
            case 2 -> (long) rnd.nextInt(100);
            case 3 -> Double.longBitsToDouble(rnd.nextLong()); // any bit pattern: NaN, subnormals, -0.0 ...
            case 4 -> rnd.nextGaussian() * 1e6;
            case 5 -> randomText(rnd);
            default -> {
                byte[] b = new byte[rnd.nextInt(40)];
                rnd.nextBytes(b);
                yield b;
            }
        };
    }

    private static String randomText(Random rnd) {
        StringBuilder s = new StringBuilder();
        int n = rnd.nextInt(30);
        for (int i = 0; i < n; i++) {
            int cp = switch (rnd.nextInt(5)) {
                case 0 -> 0x20 + rnd.nextInt(0x5f);
                case 1 -> 0xa0 + rnd.nextInt(0x700);
                case 2 -> 0x1F300 + rnd.nextInt(0x300); // astral: emoji
                case 3 -> rnd.nextInt(0x20); // control characters, NUL included
                default -> '0' + rnd.nextInt(10); // digits: numeric-looking text meets INTEGER/REAL affinity
            };
            s.appendCodePoint(cp);
        }
        return s.toString();
    }

    /** The raw bits of every REAL cell of the query, in order (quote() cannot show the sign of zero). */
    static List<Long> realBits(Path db, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    if (v instanceof Double d) {
                        out.add(Double.doubleToRawLongBits(d));
                    }
                }
            }
        }
        return out;
    }
}
