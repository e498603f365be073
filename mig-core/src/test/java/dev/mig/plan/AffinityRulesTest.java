package dev.mig.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mig.sql.SqliteFiles;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The predicates must agree with what SQLite really does when the value is inserted. */
class AffinityRulesTest {

    private static final List<String> VALUES = List.of("1", "2.0", "2.5", "-7", "'12'", "' 12 '", "'2.0'", "'2.5'",
            "'abc'", "'12abc'", "'0x10'", "''", "x'00'", "9223372036854775807", "1e20", "'99999999999999999999'",
            "'1e5'", "9007199254740993", "'9007199254740993'", "'-0'", "'Inf'", "'  '");

    @Test
    void strictPredicateMatchesStrictInserts() throws SQLException {
        for (String type : List.of("INTEGER", "INT", "REAL", "TEXT", "BLOB", "ANY")) {
            try (Connection c = SqliteFiles.openMemory(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t(x " + type + ") STRICT");
                for (String v : VALUES) {
                    boolean refused = !inserts(s, "INSERT INTO t VALUES (" + v + ")");
                    String predicate = AffinityRules.refusedByStrict("v", type);
                    assertEquals(refused, predicate != null && eval(s, predicate, v), type + " " + v);
                }
            }
        }
    }

    @Test
    void rowidAliasRefusesWhatStrictIntegerRefuses() throws SQLException {
        try (Connection c = SqliteFiles.openMemory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)");
            for (String v : VALUES) {
                boolean refused = !inserts(s, "INSERT INTO t VALUES (" + v + ")");
                s.execute("DELETE FROM t");
                assertEquals(refused, eval(s, AffinityRules.refusedByStrict("v", "INTEGER"), v), v);
            }
        }
    }

    @Test
    void unconvertedPredicateMatchesStoredStorageClass() throws SQLException {
        for (String type : List.of("INTEGER", "BIGINT", "REAL", "NUMERIC", "DECIMAL(10,2)", "TEXT", "VARCHAR(5)", "BLOB")) {
            try (Connection c = SqliteFiles.openMemory(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t(x " + type + ")");
                for (String v : VALUES) {
                    s.execute("INSERT INTO t VALUES (" + v + ")");
                    String stored = string(s, "SELECT typeof(x) FROM t WHERE rowid = last_insert_rowid()");
                    String input = string(s, "SELECT typeof(" + v + ")");
                    boolean unchanged = stored.equals(input) && !classOf(dev.mig.sql.Sql.affinity(type)).contains(stored);
                    String predicate = AffinityRules.unconverted("v", type);
                    assertEquals(unchanged, predicate != null && eval(s, predicate, v), type + " " + v);
                }
            }
        }
    }

    @Test
    void roundedByRealMatchesRealInserts() throws SQLException {
        try (Connection c = SqliteFiles.openMemory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(x REAL)");
            for (String v : VALUES) {
                s.execute("INSERT INTO t VALUES (" + v + ")");
                boolean rounded = eval(s, "(SELECT x FROM t WHERE rowid = last_insert_rowid()) <> CAST(v AS NUMERIC) "
                        + "AND typeof(CAST(v AS NUMERIC)) = 'integer' AND (typeof(v) = 'integer' OR "
                        + AffinityRules.wellFormedNumber("v") + ")", v);
                assertEquals(rounded, eval(s, AffinityRules.roundedByReal("v"), v), v);
            }
        }
    }

    /** The storage classes a column of this affinity converts values into. */
    private static List<String> classOf(String affinity) {
        return switch (affinity) {
            case "INTEGER", "NUMERIC" -> List.of("integer", "real");
            case "REAL" -> List.of("real");
            case "TEXT" -> List.of("text");
            default -> List.of("integer", "real", "text", "blob");
        };
    }

    private static boolean inserts(Statement s, String sql) {
        try {
            s.execute(sql);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean eval(Statement s, String predicate, String value) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT coalesce(" + predicate + ", 0) FROM (SELECT " + value + " AS v)")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    private static String string(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
