package dev.mig.bench;

import dev.mig.capture.Capture;
import dev.mig.sql.SqliteFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.LockSupport;

/**
 * An application writing at a steady rate through a whole migration: to the old database until its
 * writes are rejected (draining), then, once the new database says {@code ready}, to the new one.
 * The write pause it saw is the time from its first rejected write to its first accepted write on
 * the new database.
 */
final class SteadyWriter implements Runnable {

    private final Path old;
    private final Path target;
    private final BenchData.Sizes n;
    private final long periodNanos;
    private volatile boolean stop;
    private volatile long firstRejectNs;
    private volatile long firstNewOkNs;
    private long writesOld;
    private long writesNew;
    private long rejected;
    private long maxLatencyNs;
    private volatile Exception failure;

    SteadyWriter(Path old, Path target, BenchData.Sizes n, int writesPerSecond) {
        this.old = old;
        this.target = target;
        this.n = n;
        this.periodNanos = 1_000_000_000L / writesPerSecond;
    }

    @Override
    public void run() {
        AppWrites app = null;
        AppWrites onNew = null;
        Connection status = null;
        try {
            app = new AppWrites(old, n);
            long next = System.nanoTime();
            for (long i = 0; !stop; i++) {
                next += periodNanos;
                long now = System.nanoTime();
                if (next > now) {
                    LockSupport.parkNanos(next - now);
                } else if (now - next > periodNanos * 10) {
                    next = now; // fell behind: keep the rate, do not burst
                }
                long s = System.nanoTime();
                try {
                    (onNew != null ? onNew : app).write(i);
                    if (onNew != null) {
                        writesNew++;
                        if (firstNewOkNs == 0) {
                            firstNewOkNs = System.nanoTime();
                        }
                    } else {
                        writesOld++;
                    }
                } catch (SQLException e) {
                    if (!Capture.isDrainingRejection(e)) {
                        throw e;
                    }
                    rejected++;
                    if (firstRejectNs == 0) {
                        firstRejectNs = s;
                    }
                    if (status == null && Files.exists(target)) {
                        status = SqliteFiles.openReadOnly(target);
                    }
                    if (status != null && ready(status)) {
                        status.close();
                        onNew = new AppWrites(target, n);
                    }
                }
                maxLatencyNs = Math.max(maxLatencyNs, System.nanoTime() - s);
            }
        } catch (Exception e) {
            failure = e;
        } finally {
            closeAll(app, onNew);
        }
    }

    private static boolean ready(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT status FROM _migration_status WHERE id = 0")) {
            return rs.next() && "ready".equals(rs.getString(1));
        }
    }

    private static void closeAll(AppWrites... apps) {
        for (AppWrites a : apps) {
            try {
                if (a != null) {
                    a.close();
                }
            } catch (SQLException ignored) {
                // The measurement is over; nothing to do with a close failure.
            }
        }
    }

    void stop() {
        stop = true;
    }

    boolean switched() {
        return firstNewOkNs != 0;
    }

    /** The interval writes were rejected, in ms; 0 when no write was ever rejected. */
    double pauseMs() {
        return firstRejectNs == 0 || firstNewOkNs == 0 ? 0 : (firstNewOkNs - firstRejectNs) / 1e6;
    }

    long writesOld() {
        return writesOld;
    }

    long writesNew() {
        return writesNew;
    }

    long rejected() {
        return rejected;
    }

    double maxLatencyMs() {
        return maxLatencyNs / 1e6;
    }

    Exception failure() {
        return failure;
    }
}
