package dev.mig.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.Progress;
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
 * The new database's disk fills up ({@code -Dmig.test.newDatabaseMaxPages}: SQLITE_FULL, as on a full
 * disk) during the copy and during replay: exit 3 with a message that says so, the old database untouched
 * and still recording, and the same command, rerun with space, finishes the migration exactly.
 */
class DiskFullTest {

    @TempDir
    Path base;
    HotProject p;
    List<String> oldRows;

    @BeforeEach
    void project() throws Exception {
        p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), Shop.V1, "WAL");
        try (Db db = p.open()) {
            Shop.fill(db, 300, 5_000);
        }
        HotProject.declare(p.dir, Shop.V2);
    }

    @Test
    void diskFullDuringCopyStopsWithExitThreeAndRerunFinishes() throws Exception {
        long oldPages = StateInvariants.count(p.oldDb, "PRAGMA page_count");
        String err = runChild("migrate", oldPages / 2);

        assertTrue(err.contains("mig-error RUNTIME mig migrate stopped: the disk (or the database's size limit) is full"), err);
        assertEquals("recording", Rows.one(p.oldDb, "SELECT status FROM _migration_marker"), "capture stays installed");
        writeAndFinish();
    }

    @Test
    void diskFullDuringReplayStopsBeforePausingWritesAndRerunFinishes() throws Exception {
        p.migrate(Progress.NONE);
        try (Db db = p.open()) { // a backlog that needs more room in the new database
            db.exec("UPDATE orders SET note = printf('%.500c', 'x') || id");
        }
        long newPages = StateInvariants.count(p.newDb(), "PRAGMA page_count");
        String err = runChild("drain", newPages + 5);

        assertTrue(err.contains("mig-error RUNTIME mig drain stopped: the disk (or the database's size limit) is full"), err);
        assertEquals("recording", Rows.one(p.oldDb, "SELECT status FROM _migration_marker"),
                "writes were never paused");
        writeAndFinish();
    }

    private String runChild(String command, long maxPages) throws Exception {
        Path err = base.resolve(command + ".err");
        try (ChildJvm child = ChildJvm.start(err, List.of("-Dmig.test.newDatabaseMaxPages=" + maxPages),
                CrashChild.class, command, p.dir.toString())) {
            assertEquals(3, child.waitFor(), Files.readString(err));
        }
        return Files.readString(err);
    }

    /** The application writes on after the failure; the rerun with space catches up with all of it. */
    private void writeAndFinish() throws Exception {
        try (Db db = p.open()) {
            db.exec("UPDATE customers SET name = 'after the full disk' WHERE id % 4 = 0;\nDELETE FROM orders WHERE id % 9 = 0");
        }
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
