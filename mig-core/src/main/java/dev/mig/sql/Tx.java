package dev.mig.sql;

import dev.mig.common.TestFaults;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Explicit SQLite transactions. Writers use {@code BEGIN IMMEDIATE}: a deferred transaction that reads
 * then writes can fail with SQLITE_BUSY without waiting (sqlite-facts.md, Concurrency).
 */
public final class Tx {

    /** Work done inside a transaction; returns a value. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Tx() {
    }

    /** Runs {@code work} in {@code BEGIN IMMEDIATE ... COMMIT}; rolls back if it throws. */
    public static <T> T immediate(Connection c, Work<T> work) throws SQLException {
        return run(c, "BEGIN IMMEDIATE", work);
    }

    /**
     * Runs {@code work} in a deferred transaction: locks are taken as statements need them. Used on the
     * copy connection, whose {@code main} is read-only and must never be asked for a write lock.
     */
    public static <T> T deferred(Connection c, Work<T> work) throws SQLException {
        return run(c, "BEGIN DEFERRED", work);
    }

    /** Runs {@code work} in a read transaction: one consistent snapshot, released at the end. */
    public static <T> T read(Connection c, Work<T> work) throws SQLException {
        return run(c, "BEGIN DEFERRED", work);
    }

    /** Executes {@code statements} in one IMMEDIATE transaction. */
    public static void immediate(Connection c, List<String> statements) throws SQLException {
        immediate(c, conn -> {
            try (Statement s = conn.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
            return null;
        });
    }

    private static <T> T run(Connection c, String begin, Work<T> work) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute(begin);
            T result;
            try {
                result = work.run(c);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(s, e);
                throw e;
            }
            TestFaults.reach("before-commit");
            s.execute("COMMIT");
            TestFaults.reach("after-commit");
            return result;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static void rollbackQuietly(Statement s, Exception cause) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException rollbackFailed) {
            // SQLite may already have rolled back (e.g. after SQLITE_FULL); the first error is the one to report.
            cause.addSuppressed(rollbackFailed);
        }
    }
}
