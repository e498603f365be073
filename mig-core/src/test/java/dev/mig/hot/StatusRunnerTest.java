package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.Project;
import dev.mig.api.StatusReport;
import dev.mig.project.ProjectLock;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mig status tells a command at work from one that was killed: the lock file names the process, and a
 * live process that took the lock is running. The holder here is a real foreign process, as a mig
 * command in another JVM would be; the lock file is written as mig writes it.
 */
class StatusRunnerTest {

    @TempDir
    Path base;
    HotProject p;
    Process holder;

    @BeforeEach
    void aMigrationHalfwayThroughItsCopy() throws Exception {
        p = StatusVerifyArchiveTest.items(base, "WAL", 1000);
        p.migrate(StatusVerifyArchiveTest.V2);
        try (Db db = Db.open(p.newDb())) { // as if the copy had stopped halfway
            db.exec("UPDATE _migration_progress SET done = 0, rows_copied = 500, copy_ms = 1000");
        }
        holder = new ProcessBuilder("sleep", "60").start();
    }

    @AfterEach
    void stopHolder() {
        holder.destroyForcibly();
    }

    private void lockFileNames(long pid, Instant since) throws Exception {
        Files.writeString(p.dir.resolve(ProjectLock.FILE), pid + " " + since.truncatedTo(ChronoUnit.SECONDS)
                + " mig migrate");
    }

    private StatusReport status() {
        return Mig.status(Project.at(p.dir, null));
    }

    @Test
    void noLockFileMeansNothingRunsAndNoRateOrEstimate() {
        StatusReport r = status();

        assertNull(r.runner());
        assertNull(r.etaSeconds());
        assertEquals(0, r.copy().get(0).rowsPerSecond());
        assertNull(r.copy().get(0).etaSeconds());
    }

    @Test
    void aLiveHolderIsRunningWithItsCommandRateAndEstimate() throws Exception {
        lockFileNames(holder.pid(), Instant.now().plusSeconds(1));

        StatusReport r = status();

        assertNotNull(r.runner());
        assertTrue(r.runner().running(), r.runner().toString());
        assertEquals("mig migrate", r.runner().command());
        assertEquals(holder.pid(), r.runner().pid());
        assertEquals(500, r.copy().get(0).rowsPerSecond());
        assertEquals(1L, r.etaSeconds()); // 500 rows left at 500 rows/s
    }

    @Test
    void aKilledHolderLeftItsFileAndIsStoppedWithoutRateOrEstimate() throws Exception {
        lockFileNames(holder.pid(), Instant.now().plusSeconds(1));
        holder.destroyForcibly();
        assertTrue(holder.waitFor(10, TimeUnit.SECONDS));

        StatusReport r = status();

        assertFalse(r.runner().running());
        assertEquals("mig migrate", r.runner().command());
        assertEquals(0, r.copy().get(0).rowsPerSecond());
        assertNull(r.etaSeconds());
    }

    @Test
    void aPidReusedByAProcessStartedAfterTheLockIsNotTheHolder() throws Exception {
        lockFileNames(holder.pid(), Instant.now().minus(1, ChronoUnit.HOURS));

        assertFalse(status().runner().running());
    }

    @Test
    void whileThisProcessHoldsTheLockStatusSaysItRunsWithoutReadingTheFile() {
        try (ProjectLock lock = ProjectLock.acquire(p.dir, "mig drain")) {
            StatusReport r = status();

            assertTrue(r.runner().running());
            assertEquals(ProcessHandle.current().pid(), r.runner().pid());
        }
        assertNull(status().runner(), "the lock file is gone once released");
    }
}
