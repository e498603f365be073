package dev.mig.sql;

import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.ProgressHandler;

/**
 * A point in time after which work on one connection stops: a statement still running then is
 * interrupted by SQLite's progress handler (it fails with SQLITE_INTERRUPT, and SQLite rolls its
 * transaction back), and {@link #check} fails between statements. Used to bound drain's write pause:
 * without it one long statement could hold the application's writes for as long as it runs.
 */
public final class Deadline implements AutoCloseable {

    /** Virtual-machine steps between two looks at the clock: microseconds of work. */
    private static final int STEPS = 1_000;

    private final Connection connection;
    private final long atNanos;
    private boolean closed;

    private Deadline(Connection connection, long atNanos) {
        this.connection = connection;
        this.atNanos = atNanos;
    }

    /** The longest bound: far beyond any pause, and far from where {@link System#nanoTime} arithmetic wraps. */
    private static final long LONGEST_MS = 365L * 24 * 3600 * 1000;

    /**
     * Bounds the work on {@code c} to end {@code millis} after {@code startNanos} ({@link System#nanoTime}
     * scale), until closed.
     */
    public static Deadline on(Connection c, long startNanos, long millis) throws SQLException {
        Deadline d = new Deadline(c, startNanos + Math.max(0, Math.min(millis, LONGEST_MS)) * 1_000_000);
        ProgressHandler.setHandler(c, STEPS, new ProgressHandler() {
            @Override
            protected int progress() {
                return d.passed() ? 1 : 0;
            }
        });
        return d;
    }

    public boolean passed() {
        return System.nanoTime() - atNanos >= 0;
    }

    /** Fails once the deadline has passed. */
    public void check() throws Exceeded {
        if (passed()) {
            throw new Exceeded();
        }
    }

    /** True if {@code e} is a statement this deadline interrupted. */
    public boolean interrupted(SQLException e) {
        return passed() && String.valueOf(e.getMessage()).contains("SQLITE_INTERRUPT");
    }

    @Override
    public void close() throws SQLException {
        if (!closed) {
            closed = true;
            ProgressHandler.clearHandler(connection);
        }
    }

    /** The deadline passed before the work was done. */
    public static final class Exceeded extends Exception {
        public Exceeded() {
            super("deadline passed", null, false, false);
        }
    }
}
