package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import dev.mig.sql.SqliteFiles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Row dumps for comparing databases value by value: every cell as {@code typeof(v):quote(v)}. */
public final class Rows {

    private Rows() {
    }

    /** Every row of {@code table}, all columns typed and quoted, in {@code orderBy} order. */
    public static List<String> table(Path db, String table, String orderBy) {
        return typed(db, "SELECT * FROM \"" + table + "\" ORDER BY " + orderBy);
    }

    /** The rows of {@code sql}, each column rendered as {@code typeof:quote} (computed in SQL, not JDBC). */
    public static List<String> typed(Path db, String sql) {
        try (Connection c = open(db)) {
            List<String> columns = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM (" + sql + ") LIMIT 0")) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    columns.add(rs.getMetaData().getColumnLabel(i));
                }
            }
            StringJoiner cells = new StringJoiner(" || '|' || ");
            for (int i = 0; i < columns.size(); i++) {
                String col = "x.\"" + columns.get(i).replace("\"", "\"\"") + "\"";
                // quote() stops at an embedded NUL, so text is compared by its bytes as well.
                cells.add("typeof(" + col + ") || ':' || quote(" + col + ") || CASE typeof(" + col
                        + ") WHEN 'text' THEN ':' || hex(" + col + ") ELSE '' END");
            }
            // A subquery keeps the ORDER BY of sql; column names are unique enough in these fixtures.
            return strings(c, "SELECT " + cells + " FROM (" + sql + ") AS x");
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " in: " + sql, e);
        }
    }

    /** The rows of {@code sql} as strings, columns joined by '|', exactly as SQLite renders them as text. */
    public static List<String> plain(Path db, String sql) {
        try (Connection c = open(db)) {
            return strings(c, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " in: " + sql, e);
        }
    }

    public static String one(Path db, String sql) {
        List<String> rows = plain(db, sql);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Fails with the first differing row, not a multi-megabyte list dump. */
    public static void assertSame(List<String> expected, List<String> actual, String what) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                fail(what + ": row " + i + " differs:\n  expected " + abbreviate(expected.get(i)) + "\n  actual   "
                        + abbreviate(actual.get(i)));
            }
        }
        assertEquals(expected.size(), actual.size(), what + ": row count");
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "... (" + s.length() + " chars)";
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringJoiner row = new StringJoiner("|");
                for (int i = 1; i <= n; i++) {
                    row.add(String.valueOf(rs.getString(i)));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    private static Connection open(Path db) throws SQLException {
        return SqliteFiles.openReadOnly(db);
    }
}
