package dev.mig.run;

import static dev.mig.sql.Sql.ident;

import dev.mig.api.MigException;
import dev.mig.api.Progress;
import dev.mig.capture.Capture;
import dev.mig.common.Elapsed;
import dev.mig.common.TestFaults;
import dev.mig.project.ActiveMigration;
import dev.mig.schema.Table;
import dev.mig.sql.SqliteFiles;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Drain's write pause on the old database: the marker flip to {@code draining}, the proof that the flip
 * holds as other processes see it, and the flip back to {@code recording} when the pause must end
 * without a completed drain. The proof exists because the flip can be lost: a write committed into a
 * WAL file that another process has meanwhile deleted is seen by no one else (specs/hot-migration.md).
 */
final class WritePause {

    private final ActiveMigration m;
    private final Connection old;
    private final Progress log;
    private final long startNanos;
    private final long flipMs;
    private final int probeBusyMs;
    private long resumedMs = -1;

    private WritePause(ActiveMigration m, Connection old, Progress log, long startNanos, long askedNanos,
                       long maxPauseMs) {
        this.m = m;
        this.old = old;
        this.log = log;
        // The proof runs inside the pause: its lock waits must fit the bound, not SQLite's usual 5 s.
        this.probeBusyMs = (int) Math.max(20, Math.min(SqliteFiles.busyTimeout(), maxPauseMs / 4));
        this.startNanos = startNanos;
        this.flipMs = (startNanos - askedNanos) / 1_000_000;
    }

    /**
     * How long the flip took (mostly waiting for the application's write lock): flipping back waits
     * for the same lock, so the pause's work must stop about this much before the bound.
     */
    long flipMs() {
        return flipMs;
    }

    /** Flips the marker to {@code draining} on {@code old} and proves that the application's writes now fail. */
    static WritePause begin(ActiveMigration m, Connection old, Progress log, long maxPauseMs)
            throws SQLException {
        long asked = System.nanoTime();
        Capture.setMarker(old, Capture.Marker.DRAINING);
        WritePause pause = new WritePause(m, old, log, System.nanoTime(), asked, maxPauseMs);
        if (TestFaults.losePauseAt("flip")) {
            lose(m);
        }
        try {
            pause.requireHolds();
        } catch (SQLException | RuntimeException e) {
            pause.resumeQuietly(e);
            throw e;
        }
        return pause;
    }

    /** When the pause began (the flip committed), on the {@link System#nanoTime} scale. */
    long startNanos() {
        return startNanos;
    }

    long elapsedMs() {
        return Elapsed.millisSince(startNanos);
    }

    /**
     * Fails unless the pause holds for a connection of its own: it reads the marker {@code draining}, and
     * a write to a copied table (one that changes nothing, rolled back) is rejected. The caller resumes.
     */
    void requireHolds() throws SQLException {
        String broken = brokenBecause();
        if (broken == null) {
            return;
        }
        throw new MigException(MigException.Kind.RUNTIME, "The write pause did not hold: mig set the old database's "
                + "marker to 'draining', but " + broken + ", so the application's writes were not reliably rejected. "
                + "A common cause is another process deleting the old database's -wal file while mig had it open. "
                + "Nothing was marked drained; the new database is not ready.",
                "Run 'mig drain' again (it starts from what was replayed). If this repeats, report it with the "
                        + "output of 'mig status'.");
    }

    private String brokenBecause() throws SQLException {
        try (Connection fresh = SqliteFiles.openReadWrite(m.source())) {
            try (Statement s = fresh.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + probeBusyMs);
                // The probe changes a row's key (to itself) and is rolled back: with foreign keys on, SQLite
                // would first look for its children, a scan of every unindexed child table inside the pause.
                s.execute("PRAGMA foreign_keys = OFF");
            }
            Capture.Marker seen = Capture.marker(fresh);
            if (seen != Capture.Marker.DRAINING) {
                return "a new connection reads '" + seen.name().toLowerCase(Locale.ROOT) + "'";
            }
            for (Table t : m.capturedTables()) {
                Boolean accepted = probe(fresh, t);
                if (accepted != null) {
                    return accepted ? "a test write to table " + t.name() + " was accepted" : null;
                }
            }
            return null; // no row to probe with: the marker, read afresh, is the evidence
        }
    }

    /**
     * Sets one row's rowid to itself and rolls back: true if the write was accepted, false if capture
     * rejected it, null when it says nothing (no rowid, no row, or another error such as a CHECK that an
     * old row fails: those come before capture's trigger; or the write lock not had in time).
     */
    private static Boolean probe(Connection fresh, Table t) throws SQLException {
        if (t.withoutRowid() || t.columns().stream().anyMatch(c -> c.name().equalsIgnoreCase("rowid"))) {
            return null;
        }
        String table = ident(t.name());
        try (Statement s = fresh.createStatement()) {
            try {
                s.execute("BEGIN IMMEDIATE");
            } catch (SQLException busy) {
                return null; // the marker, read afresh, stays the evidence
            }
            try {
                int changed = s.executeUpdate("UPDATE " + table + " SET rowid = rowid WHERE rowid = (SELECT min(rowid) FROM "
                        + table + ")");
                return changed > 0 ? Boolean.TRUE : null;
            } catch (SQLException e) {
                return Capture.isDrainingRejection(e) ? Boolean.FALSE : null;
            } finally {
                rollbackIfOpen(s);
            }
        }
    }

    /**
     * An application trigger's RAISE(ROLLBACK), or an error SQLite rolls back by itself, has already ended
     * the probe's transaction; a second ROLLBACK would fail with "no transaction is active".
     */
    private static void rollbackIfOpen(Statement s) throws SQLException {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                throw e;
            }
        }
    }

    /** Ends the pause without a completed drain: the marker goes back to {@code recording}. */
    void resume() throws SQLException {
        Capture.setMarker(old, Capture.Marker.RECORDING);
        resumedMs = elapsedMs();
        log.info("Writes to the old database resumed after " + resumedMs + " ms.");
    }

    /** How long writes were paused: until {@link #resume}, or until now. */
    long pausedMs() {
        return resumedMs >= 0 ? resumedMs : elapsedMs();
    }

    /** {@link #resume}, after {@code failure} (which it annotates if resuming fails too). */
    void resumeQuietly(Throwable failure) {
        try {
            resume();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
            log.info("Writes could not be resumed (" + e.getMessage() + "); 'mig drain' resumes them when run again.");
        }
    }

    /** The test fault of a lost pause: the marker says {@code recording} again, seen from outside. */
    static void lose(ActiveMigration m) throws SQLException {
        try (Connection other = SqliteFiles.openReadWrite(m.source())) {
            Capture.setMarker(other, Capture.Marker.RECORDING);
        }
    }
}
