package dev.mig.schema.introspect;

import dev.mig.schema.FileSettings;
import dev.mig.schema.Names;
import dev.mig.sql.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The catalogue queries of introspection, all against one schema ({@code main} or an ATTACH alias).
 * PRAGMAs that take a table are used as table-valued functions, so names travel as bound values.
 */
final class IntrospectorPragmas {

    /** One row of sqlite_schema. */
    record SchemaRow(String type, String name, String tableName, String sql) {
    }

    /** One row of PRAGMA table_xinfo. */
    record ColumnInfo(String name, boolean notNull, int pk, int hidden) {
    }

    /** One row of PRAGMA foreign_key_list. */
    record FkInfo(int id, String from, String table, String onUpdate, String onDelete) {
    }

    /** One key row of PRAGMA index_xinfo: cid -2 is an expression, -1 the rowid. */
    record IndexColumnInfo(int cid, String name, boolean desc) {
    }

    private final Connection c;
    private final String alias;

    IntrospectorPragmas(Connection c, String alias) {
        this.c = c;
        this.alias = alias;
    }

    List<SchemaRow> schemaRows() throws SQLException {
        String sql = "SELECT type, name, tbl_name, sql FROM " + Sql.ident(alias, "sqlite_schema") + " ORDER BY rowid";
        List<SchemaRow> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(new SchemaRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return rows;
    }

    /** Table name (as {@link Names#key}) to its kind: table, view, virtual or shadow. */
    Map<String, String> tableKinds() throws SQLException {
        Map<String, String> kinds = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA " + Sql.ident(alias) + ".table_list")) {
            while (rs.next()) {
                kinds.put(Names.key(rs.getString("name")), rs.getString("type"));
            }
        }
        return kinds;
    }

    List<ColumnInfo> columns(String table) throws SQLException {
        return rows("SELECT name, \"notnull\", pk, hidden FROM pragma_table_xinfo(?, ?) ORDER BY cid", table,
                rs -> new ColumnInfo(rs.getString(1), rs.getInt(2) != 0, rs.getInt(3), rs.getInt(4)));
    }

    List<FkInfo> foreignKeys(String table) throws SQLException {
        return rows("SELECT id, \"from\", \"table\", on_update, on_delete FROM pragma_foreign_key_list(?, ?)"
                + " ORDER BY id, seq", table,
                rs -> new FkInfo(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    }

    List<IndexColumnInfo> indexColumns(String index) throws SQLException {
        return rows("SELECT cid, name, \"desc\" FROM pragma_index_xinfo(?, ?) WHERE key = 1 ORDER BY seqno", index,
                rs -> new IndexColumnInfo(rs.getInt(1), rs.getString(2), rs.getInt(3) != 0));
    }

    FileSettings settings() throws SQLException {
        return new FileSettings(intPragma("user_version"), intPragma("application_id"), intPragma("page_size"),
                textPragma("journal_mode").toLowerCase(Locale.ROOT), textPragma("encoding"), intPragma("auto_vacuum"));
    }

    /** sqlite_sequence, read only when the file has one (it appears with the first AUTOINCREMENT table). */
    Map<String, Long> sequences(boolean present) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        if (!present) {
            return out;
        }
        String sql = "SELECT name, seq FROM " + Sql.ident(alias, "sqlite_sequence") + " ORDER BY rowid";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (name != null && !Names.isMigInternal(name)) {
                    out.put(name, rs.getLong(2));
                }
            }
        }
        return out;
    }

    /** Reads one row of a result set. */
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs a table-valued PRAGMA function with the object's name and this schema bound. */
    private <T> List<T> rows(String sql, String name, Row<T> row) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            ps.setString(2, alias);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
        }
        return out;
    }

    private int intPragma(String pragma) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA " + Sql.ident(alias) + "." + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private String textPragma(String pragma) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA " + Sql.ident(alias) + "." + pragma)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }
}
