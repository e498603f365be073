package dev.mig.replay;

import dev.mig.sql.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Checkpoints the new database's WAL on a thread and connection of its own while replay writes to it,
 * in place of the writer's autocheckpoint. A checkpoint copies the WAL's pages into the database file
 * and syncs it: run by the replaying connection at a commit, it stalled replay for 300-400 ms every
 * couple of batches at 1,000,000 rows (specs/benchmarks.md). SQLite lets one checkpointer work beside
 * the one writer, so here the copying overlaps with replay. A PASSIVE checkpoint never waits for a lock
 * and never blocks the writer; a failed one changes nothing, and the next one tries again.
 */
public final class WalCheckpointer implements AutoCloseable {

    private static final long INTERVAL_MS = 200;
    /** SQLite's default autocheckpoint, given back to the writer on close. */
    private static final int DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

    private final Connection writer;
    private final Connection connection;
    private final long intervalMs;
    private final Thread thread;
    private volatile boolean stopping;

    private WalCheckpointer(Connection writer, Connection connection, long intervalMs) {
        this.writer = writer;
        this.connection = connection;
        this.intervalMs = intervalMs;
        this.thread = new Thread(this::loop, "mig-wal-checkpointer");
        this.thread.setDaemon(true);
    }

    /**
     * Takes over checkpointing {@code database} from {@code writer} (a connection that has it attached)
     * until {@link #close}. When the database is not in WAL mode there is nothing to checkpoint, and
     * this does nothing.
     */
    public static WalCheckpointer start(Path database, Connection writer) throws SQLException {
        return start(database, writer, INTERVAL_MS);
    }

    /** {@link #start(Path, Connection)} checkpointing every {@code intervalMs}. */
    static WalCheckpointer start(Path database, Connection writer, long intervalMs) throws SQLException {
        SqliteFiles.requireDatabase(database);
        Connection c = SqliteFiles.openReadWrite(database);
        if (!inWalMode(c)) {
            c.close();
            return new WalCheckpointer(null, null, intervalMs);
        }
        autocheckpoint(writer, 0);
        WalCheckpointer checkpointer = new WalCheckpointer(writer, c, intervalMs);
        checkpointer.thread.start();
        return checkpointer;
    }

    private static boolean inWalMode(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            return rs.next() && "wal".equalsIgnoreCase(rs.getString(1));
        }
    }

    private void loop() {
        while (!stopping) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(intervalMs));
            if (!stopping) {
                checkpointQuietly();
            }
        }
    }

    private void checkpointQuietly() {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            // Nothing was changed; the next round, or the writer's autocheckpoint after close, tries again.
        }
    }

    /**
     * Stops the thread (waiting for a checkpoint under way), checkpoints once more, so that the writer's
     * next commits find little left to copy, and gives the writer its autocheckpoint back.
     */
    @Override
    public void close() throws SQLException {
        if (connection == null) {
            return;
        }
        stopping = true;
        LockSupport.unpark(thread);
        joinUninterruptibly();
        try {
            checkpointQuietly();
            connection.close();
        } finally {
            autocheckpoint(writer, DEFAULT_AUTOCHECKPOINT_PAGES);
        }
    }

    private void joinUninterruptibly() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void autocheckpoint(Connection c, int pages) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint = " + pages);
        }
    }
}
