package dev.mig.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Test helper: a plain JDBC connection to a real SQLite file, and one-line queries. */
public final class Db implements AutoCloseable {
    public final Connection conn;

    private Db(Connection conn) {
        this.conn = conn;
    }

    /** A connection as an application would open one: foreign keys on. */
    public static Db open(Path file) {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA foreign_keys = ON");
                s.execute("PRAGMA busy_timeout = 5000");
            }
            return new Db(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Executes each statement of a script (statements separated by ";\n"). */
    public Db exec(String script) {
        try (Statement s = conn.createStatement()) {
            for (String sql : script.split(";\\s*\\n")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " in: " + script, e);
        }
    }

    /** Rows of a query, each row's columns rendered with SQLite's quote(), joined by '|'. */
    public List<String> rows(String sql) {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    if (i > 1) {
                        row.append('|');
                    }
                    row.append(rs.getString(i));
                }
                out.add(row.toString());
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " in: " + sql, e);
        }
    }

    public String one(String sql) {
        List<String> rows = rows(sql);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public long count(String sql) {
        return Long.parseLong(one(sql));
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
