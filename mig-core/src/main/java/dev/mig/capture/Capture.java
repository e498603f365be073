package dev.mig.capture;

import static dev.mig.sql.Sql.ident;

import dev.mig.api.MigException;
import dev.mig.schema.RowKey;
import dev.mig.schema.Table;
import dev.mig.sql.SchemaName;
import dev.mig.sql.Tx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Change capture in the old database: the marker, the log, and the triggers that fill it.
 *
 * <p>Capture lives inside the old file, so every writer is recorded whatever its language or
 * connection. It is installed in one transaction before the copy reads a row, and removed in one
 * transaction by reset/archive-old. See specs/hot-migration.md.
 */
public final class Capture {

    /** The message of a write rejected while the marker says draining; applications match on its prefix. */
    public static final String DRAINING_MESSAGE =
            "mig: writes are paused while a migration completes (draining); retry against the new database after cutover";

    /** The old database's migration state as its marker row says. */
    public enum Marker {
        NONE, RECORDING, DRAINING;

        String sql() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private Capture() {
    }

    /**
     * Installs marker ({@code recording}), log and triggers for {@code tables} in one IMMEDIATE
     * transaction. The connection must be a read-write connection to the old database, outside any
     * transaction.
     */
    public static void install(Connection old, List<Table> tables) throws SQLException {
        int keyWidth = tables.stream().mapToInt(t -> RowKey.of(t).size()).max().orElse(1);
        List<String> ddl = new ArrayList<>();
        ddl.add(CaptureSql.createMarker());
        ddl.add(CaptureSql.createLog(keyWidth));
        ddl.add("INSERT INTO " + ident(CaptureSql.MARKER) + " (id, status) VALUES (0, 'recording')");
        ddl.addAll(CaptureSql.createVacuumProbe());
        for (Table t : tables) {
            CaptureSql.triggers(t).forEach(trigger -> ddl.add(trigger.sql()));
        }
        Tx.immediate(old, ddl);
    }

    /** Drops every mig trigger, the log and the marker, in one transaction. Does nothing when absent. */
    public static void remove(Connection old) throws SQLException {
        List<String> ddl = new ArrayList<>();
        for (String trigger : installedTriggers(old)) {
            ddl.add("DROP TRIGGER " + ident(trigger));
        }
        ddl.add("DROP TABLE IF EXISTS " + ident(CaptureSql.LOG));
        ddl.add("DROP TABLE IF EXISTS " + ident(CaptureSql.MARKER));
        ddl.add("DROP TABLE IF EXISTS " + ident(CaptureSql.VACUUM_PROBE));
        Tx.immediate(old, ddl);
    }

    /** The names of the triggers {@link #install} creates for {@code tables}. */
    public static List<String> expectedTriggers(List<Table> tables) {
        return tables.stream().flatMap(t -> CaptureSql.triggers(t).stream()).map(CaptureSql.TriggerDdl::name).toList();
    }

    /**
     * The names of mig's triggers in the old database: named {@code _mig_...} and writing to mig's log.
     * Both, so that reset can never drop an application trigger that merely shares the prefix.
     */
    public static List<String> installedTriggers(Connection old) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = old.prepareStatement("SELECT name FROM sqlite_schema WHERE type = 'trigger' "
                + "AND substr(name, 1, 5) = ? AND instr(sql, ?) > 0 ORDER BY name")) {
            ps.setString(1, CaptureSql.TRIGGER_PREFIX);
            ps.setString(2, ident(CaptureSql.LOG));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * Whether any of mig's capture is left in {@code old}: a marker, or a trigger of mig's. What reset and
     * archive-old look for in a file, each piece on its own enough (a half-removed capture counts).
     */
    public static boolean isPresent(Connection old) throws SQLException {
        return marker(old) != Marker.NONE || !installedTriggers(old).isEmpty();
    }

    /** What the marker says; {@link Marker#NONE} when there is no marker table or row. */
    public static Marker marker(Connection old) throws SQLException {
        if (!tableExists(old, CaptureSql.MARKER)) {
            return Marker.NONE;
        }
        try (Statement s = old.createStatement();
             ResultSet rs = s.executeQuery("SELECT status FROM " + ident(CaptureSql.MARKER) + " WHERE id = 0")) {
            if (!rs.next()) {
                return Marker.NONE;
            }
            String status = rs.getString(1);
            for (Marker m : Marker.values()) {
                if (m.sql().equals(status)) {
                    return m;
                }
            }
            throw MigException.refused("The old database's migration marker says '" + status + "', which mig does not know.",
                    "Someone changed _migration_marker by hand; run 'mig reset' to start over.");
        }
    }

    /**
     * True when the old database was VACUUMed since capture was installed: the probe row is no longer at
     * its rowid. False when there is no probe (capture installed by an earlier mig).
     */
    public static boolean vacuumedSinceInstall(Connection old) throws SQLException {
        if (!tableExists(old, CaptureSql.VACUUM_PROBE)) {
            return false;
        }
        try (Statement s = old.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM "
                + ident(CaptureSql.VACUUM_PROBE) + " WHERE rowid = " + CaptureSql.PROBE_ROWID)) {
            return rs.next() && rs.getLong(1) == 0;
        }
    }

    /** Sets the marker; from {@code draining} on, the triggers reject every write to a captured table. */
    public static void setMarker(Connection old, Marker marker) throws SQLException {
        Tx.immediate(old, List.of("UPDATE " + ident(CaptureSql.MARKER) + " SET status = '" + marker.sql()
                + "' WHERE id = 0"));
    }

    /**
     * The largest log sequence number, 0 when the log is empty; {@code old} has the old database as
     * {@code main} (a connection to it, or a copy connection), and sees the log as its snapshot does.
     */
    public static long lastSeq(Connection old) throws SQLException {
        try (Statement s = old.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(seq), 0) FROM " + SchemaName.MAIN.table(CaptureSql.LOG))) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * SELECT of the source tables that log entries {@code (from, to]} name, on a connection whose
     * {@code main} is the old database; parameters: from, to.
     */
    public static String loggedTablesSql() {
        return "SELECT DISTINCT tbl FROM " + SchemaName.MAIN.table(CaptureSql.LOG) + " WHERE seq > ? AND seq <= ?";
    }

    /**
     * SELECT of the row keys ({@link #logKeyColumns} of {@code width}) that log entries {@code (from, to]}
     * of one source table name, on a connection whose {@code main} is the old database; parameters: from,
     * to, the source table's name.
     */
    public static String loggedKeysSql(int width) {
        return "SELECT " + CaptureSql.keyColumns(width) + " FROM " + SchemaName.MAIN.table(CaptureSql.LOG)
                + " WHERE seq > ? AND seq <= ? AND tbl = ?";
    }

    /**
     * Whether the log names a row of a table (second parameter) by a key with a NULL part, after position
     * {@code seq} (first parameter); the key is {@code width} wide.
     */
    public static String loggedNullKeySql(int width) {
        StringJoiner anyNull = new StringJoiner(" OR ");
        for (String k : CaptureSql.keyColumns(width).split(", ")) {
            anyNull.add(k + " IS NULL");
        }
        return "SELECT 1 FROM " + SchemaName.MAIN.table(CaptureSql.LOG) + " WHERE seq > ? AND tbl = ? AND (" + anyNull
                + ") LIMIT 1";
    }

    /** The key columns of the log: {@code k1, k2, ...}. */
    public static String logKeyColumns(int width) {
        return CaptureSql.keyColumns(width);
    }

    /** True if {@code e} is the rejection of a write by capture's draining guard. */
    public static boolean isDrainingRejection(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(DRAINING_MESSAGE)) {
                return true;
            }
        }
        return false;
    }

    static boolean tableExists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
