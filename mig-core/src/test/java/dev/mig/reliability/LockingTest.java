package dev.mig.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.MigException;
import dev.mig.api.MigrateResult;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.hot.Checks;
import dev.mig.hot.ChildJvm;
import dev.mig.hot.HotProject;
import dev.mig.hot.Rows;
import dev.mig.hot.Shop;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Locks held by others: the application's long write transaction and EXCLUSIVE lock (mig waits its busy
 * timeout, then stops with exit 3 and changes nothing of the application's), and a second mig process
 * (refused at once, naming the holder).
 */
class LockingTest {

    @TempDir
    Path base;
    HotProject p;

    @BeforeEach
    void project() throws Exception {
        p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), Shop.V1, "DELETE");
        try (Db db = p.open()) {
            Shop.fill(db, 100, 1_000);
        }
        HotProject.declare(p.dir, Shop.V2);
    }

    @Test
    void longWriterTransactionMakesMigrateStopAfterTheBusyTimeoutAndRerunResumes() throws Exception {
        try (Db app = p.open()) {
            app.exec("BEGIN IMMEDIATE;\nINSERT INTO customers (id, email, name) VALUES (5000, 'slow@x', 'slow')");
            MigException e = assertThrows(MigException.class, () -> p.migrate(Progress.NONE));
            assertEquals(MigException.Kind.RUNTIME, e.kind());
            assertTrue(e.getMessage().contains("stayed locked by another connection"), e.getMessage());
            app.exec("COMMIT");
        }
        assertEquals(0, StateInvariants.count(p.oldDb, "SELECT count(*) FROM sqlite_schema WHERE name = '_migration_marker'"),
                "no capture was installed");
        finishAndCompare();
    }

    @Test
    void applicationExclusiveLockMakesMigrateStopAfterTheBusyTimeout() throws Exception {
        try (Db app = p.open()) {
            app.exec("BEGIN EXCLUSIVE;\nUPDATE customers SET name = 'locked' WHERE id = 1");
            MigException e = assertThrows(MigException.class, () -> p.migrate(Progress.NONE));
            assertEquals(MigException.Kind.RUNTIME, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("locked"), e.getMessage());
            app.exec("COMMIT");
        }
        finishAndCompare();
    }

    @Test
    void aWriteInProgressOnTheOldDatabaseIsReportedAsALockNotAsAnInterruptedWrite() throws Exception {
        p.migrate(Progress.NONE);
        try (Db app = p.open()) {
            app.exec("BEGIN EXCLUSIVE;\nUPDATE customers SET name = 'locked' WHERE id = 1"); // its journal exists
            MigException e = assertThrows(MigException.class, () -> p.migrate(Progress.NONE));
            assertEquals(MigException.Kind.RUNTIME, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("stayed locked by a connection that is writing to it"), e.getMessage());
            app.exec("COMMIT");
        }
        finishAndCompare();
    }

    @Test
    void applicationExclusiveLockWhenMigrateResumesIsAStopNotALostCapture() throws Exception {
        Path app = Files.move(p.oldDb, p.dir.resolve("app.sqlite")); // found by --source only, not by its name
        Project project = Project.at(p.dir, app);
        Mig.migrate(project, false, Progress.NONE);
        try (Db writer = Db.open(app)) {
            // The lock alone, before any write creates a journal (a journal is reported as a write in progress).
            writer.exec("BEGIN EXCLUSIVE;\nSELECT count(*) FROM customers");
            MigException e = assertThrows(MigException.class, () -> Mig.migrate(project, false, Progress.NONE));
            assertEquals(MigException.Kind.RUNTIME, e.kind(), "an unreadable marker is no evidence of none: "
                    + e.getMessage());
            assertTrue(e.getMessage().contains("Cannot read mig's capture marker"), e.getMessage());
            writer.exec("COMMIT");
        }
        assertEquals(MigrateResult.Outcome.COPIED, Mig.migrate(project, false, Progress.NONE).outcome(), "resumes");
    }

    @Test
    void longWriterTransactionMakesDrainStopBeforePausingWrites() throws Exception {
        p.migrate(Progress.NONE);
        try (Db app = p.open()) {
            app.exec("BEGIN IMMEDIATE;\nUPDATE customers SET name = 'slow' WHERE id = 2");
            MigException e = assertThrows(MigException.class, () -> p.drain());
            assertEquals(MigException.Kind.RUNTIME, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("stayed locked by another connection"), e.getMessage());
            app.exec("COMMIT");
        }
        assertEquals("recording", Rows.one(p.oldDb, "SELECT status FROM _migration_marker"), "writes were never paused");
        finishAndCompare();
    }

    @Test
    void secondMigProcessIsRefusedWithTheHoldersPid() throws Exception {
        p.migrate(Progress.NONE);
        try (ChildJvm holder = ChildJvm.start(base.resolve("holder.err"), List.of(), CrashChild.class, "hold-lock",
                p.dir.toString())) {
            assertTrue(holder.awaitLines(1), "the other mig process holds the lock");
            MigException e = assertThrows(MigException.class, () -> p.drain());
            assertEquals(MigException.Kind.REFUSED, e.kind());
            assertTrue(e.getMessage().startsWith("Another mig process is working on") && e.getMessage().contains("(pid "),
                    e.getMessage());
            assertEquals("recording", Rows.one(p.oldDb, "SELECT status FROM _migration_marker"));
        }
        finishAndCompare(); // the holder is dead: its lock went with it
    }

    private void finishAndCompare() throws Exception {
        p.migrate(Progress.NONE);
        p.drain();
        p.cutover();
        Path oracle = p.oracle(Files.createDirectory(base.resolve("oracle")));
        for (String sql : Shop.NEW_FULL) {
            Rows.assertSame(Rows.typed(oracle, sql), Rows.typed(p.newDb(), sql), sql);
        }
        Checks.assertSound(p.newDb());
    }
}
