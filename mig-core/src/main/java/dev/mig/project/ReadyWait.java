package dev.mig.project;

import dev.mig.api.MigException;
import dev.mig.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waits for a database to be ready: applications (through {@code dev.mig.app} or {@code mig wait-ready})
 * that must not open the new database before cutover. Polls every few milliseconds: a check opens the
 * file read-only and reads one row, and the application's writes are rejected while it waits, so the
 * wait should end within milliseconds of the cutover.
 */
public final class ReadyWait {

    static final long POLL_MS = 5;

    private ReadyWait() {
    }

    /**
     * Returns once {@code database} exists and its status row says {@code ready}; refuses when that has
     * not happened within {@code timeout}.
     */
    public static void await(Path database, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!StateStore.isReady(database)) {
            if (System.nanoTime() - deadline > 0) {
                throw MigException.refused(database + " is not ready after " + timeout.toMillis() + " ms"
                                + (Files.exists(database) ? " (a migration is still filling it)" : " (it does not exist yet)")
                                + ".",
                        "Run 'mig status' in the project directory to see where the migration stands.");
            }
            Thread.sleep(POLL_MS);
        }
    }
}
