package dev.mig.plan;

import static dev.mig.sql.Sql.ident;

import dev.mig.api.MigException;
import dev.mig.api.plan.TablePlan;
import dev.mig.sql.SqlSyntaxException;
import dev.mig.sql.SqlTokenizer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Read-only questions to the live database. Every probe is one statement on the caller's read-only
 * connection in autocommit mode, so each runs in its own short read transaction and never holds a lock
 * between probes. Nothing here writes.
 */
final class LiveProbe {

    /** A probe SQLite refused (bad expression, unknown column ...): becomes a blocker, not a crash. */
    static final class Failed extends RuntimeException {
        Failed(String sqliteMessage) {
            super(sqliteMessage);
        }
    }

    /** How big a table is, and how that was measured. */
    record Size(long bytes, TablePlan.SizeMethod method) {
    }

    private static final int SAMPLE_ROWS = 1000;
    private static final Pattern JDBC_WRAPPED = Pattern.compile("^\\[\\w+\\][^(]*\\((.*)\\)$", Pattern.DOTALL);

    private final Connection conn;
    private Boolean dbstat;

    LiveProbe(Connection conn) {
        this.conn = conn;
    }

    long rowCount(String table) {
        return longs("SELECT count(*) FROM " + ident(table))[0];
    }

    /** dbstat gives the exact on-disk size of the table's b-tree; without it, a sample of row lengths. */
    Size size(String table, java.util.List<String> columns, long rows) {
        if (rows == 0) {
            return new Size(0, TablePlan.SizeMethod.NONE);
        }
        if (hasDbstat()) {
            return new Size(longs("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = "
                    + dev.mig.sql.Sql.literal(table))[0], TablePlan.SizeMethod.DBSTAT);
        }
        StringBuilder rowLength = new StringBuilder("0");
        for (String c : columns) {
            rowLength.append(" + coalesce(octet_length(").append(ident(c)).append("), 0)");
        }
        long avg = longs("SELECT CAST(coalesce(avg(" + rowLength + "), 0) AS INTEGER) FROM (SELECT * FROM "
                + ident(table) + " LIMIT " + SAMPLE_ROWS + ")")[0];
        return new Size(avg * rows, TablePlan.SizeMethod.SAMPLE);
    }

    boolean hasDbstat() {
        if (dbstat == null) {
            dbstat = prepareError("SELECT pgsize FROM dbstat LIMIT 0").isEmpty();
        }
        return dbstat;
    }

    /**
     * Why {@code expr} is not a valid per-row expression over {@code table}, or empty if it is. The
     * second statement catches aggregates and window functions, which would collapse the copy's rows.
     */
    Optional<String> exprError(String expr, String table) {
        try {
            if (SqlTokenizer.tokenize(expr).stream().anyMatch(t -> t.isSymbol(";"))) {
                return Optional.of("an expression cannot contain ';'");
            }
        } catch (SqlSyntaxException e) {
            return Optional.of(e.getMessage());
        }
        Optional<String> error = prepareError("SELECT " + expr + " FROM " + ident(table) + " LIMIT 0");
        if (error.isPresent()) {
            return error;
        }
        return prepareError("SELECT 1 FROM " + ident(table) + " WHERE (" + expr + ") IS NULL LIMIT 0");
    }

    Optional<String> prepareError(String sql) {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            return Optional.empty();
        } catch (SQLException e) {
            rethrowIfEnvironment(e);
            return Optional.of(sqliteMessage(e));
        }
    }

    /** The live database's journal mode, as SQLite reports it ({@code wal}, {@code delete}, ...). */
    String journalMode() {
        try (PreparedStatement ps = conn.prepareStatement("PRAGMA main.journal_mode"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1).toLowerCase(java.util.Locale.ROOT) : null;
        } catch (SQLException e) {
            rethrowIfEnvironment(e);
            throw new Failed(sqliteMessage(e));
        }
    }

    /** Runs a one-row query of integers; NULL reads as 0. */
    long[] longs(String sql) {
        try (PreparedStatement ps = conn.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            long[] out = new long[n];
            if (rs.next()) {
                for (int i = 0; i < n; i++) {
                    out[i] = rs.getLong(i + 1);
                }
            }
            return out;
        } catch (SQLException e) {
            rethrowIfEnvironment(e);
            throw new Failed(sqliteMessage(e));
        }
    }

    /** Locks, I/O and corruption are the environment's failure, not the declared schema's. */
    private static void rethrowIfEnvironment(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code
                || primary == SQLiteErrorCode.SQLITE_IOERR.code || primary == SQLiteErrorCode.SQLITE_CORRUPT.code
                || primary == SQLiteErrorCode.SQLITE_NOMEM.code) {
            throw MigException.runtime("Reading the live database failed: " + sqliteMessage(e),
                    "Retry; if the database is locked, retry when the application is less busy.", e);
        }
    }

    /** SQLite's own message, without the JDBC driver's "[SQLITE_ERROR] SQL error or missing database (...)". */
    static String sqliteMessage(SQLException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof SQLiteException) {
            Matcher m = JDBC_WRAPPED.matcher(msg);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return msg;
    }
}
