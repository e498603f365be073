package dev.mig.state;

import static dev.mig.sql.Sql.ident;

import dev.mig.sql.SchemaName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and advances the copy cursors in {@code _migration_progress}. Callers advance a cursor in the
 * same transaction as the chunk it describes, so a killed copy resumes exactly after its last
 * committed chunk.
 */
public final class ProgressStore {

    private final String table;

    /** @param db where the new database is: {@link SchemaName#MAIN}, or {@link SchemaName#NEW} on a copy connection */
    public ProgressStore(SchemaName db) {
        this.table = db.table(StateTables.PROGRESS);
    }

    public void register(Connection c, String tableName, long rowsTotal) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR IGNORE INTO " + table + " (table_name, rows_total) VALUES (?, ?)")) {
            ps.setString(1, tableName);
            ps.setLong(2, rowsTotal);
            ps.executeUpdate();
        }
    }

    public Optional<TableProgress> load(Connection c, String tableName, int keyWidth) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE table_name = ?")) {
            ps.setString(1, tableName);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs, keyWidth)) : Optional.empty();
            }
        }
    }

    public List<TableProgress> all(Connection c) throws SQLException {
        List<TableProgress> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " ORDER BY rowid");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs, 0));
            }
        }
        return out;
    }

    /** Moves the cursor to {@code cursor} after copying {@code rows} rows in {@code millis}. */
    public void advance(Connection c, String tableName, List<Object> cursor, long rows, long millis)
            throws SQLException {
        StringBuilder set = new StringBuilder("rows_copied = rows_copied + ?, copy_ms = copy_ms + ?");
        for (int i = 1; i <= cursor.size(); i++) {
            set.append(", k").append(i).append(" = ?");
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET " + set + " WHERE table_name = ?")) {
            int p = 1;
            ps.setLong(p++, rows);
            ps.setLong(p++, millis);
            for (Object v : cursor) {
                ps.setObject(p++, v);
            }
            ps.setString(p, tableName);
            ps.executeUpdate();
        }
    }

    public void markDone(Connection c, String tableName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET done = 1 WHERE table_name = ?")) {
            ps.setString(1, tableName);
            ps.executeUpdate();
        }
    }

    private static TableProgress read(ResultSet rs, int keyWidth) throws SQLException {
        List<Object> cursor = new ArrayList<>();
        if (rs.getObject("k1") != null) {
            for (int i = 1; i <= keyWidth; i++) {
                cursor.add(rs.getObject("k" + i));
            }
        }
        return new TableProgress(rs.getString("table_name"), rs.getLong("rows_total"), rs.getLong("rows_copied"),
                rs.getInt("done") != 0, rs.getLong("copy_ms"), cursor);
    }
}
