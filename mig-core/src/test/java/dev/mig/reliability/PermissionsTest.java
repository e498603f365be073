package dev.mig.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.mig.Mig;
import dev.mig.api.MigException;
import dev.mig.api.PlanReport;
import dev.mig.api.Progress;
import dev.mig.hot.HotProject;
import dev.mig.hot.Rows;
import dev.mig.hot.Shop;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * File permissions: the new database (and its -wal and -shm) never gets wider permissions than the old
 * one; a read-only old file or project directory stops mig with exit 3 and changes nothing. The
 * read-only cases need permissions to be enforced, which they are not for root: they are skipped then.
 */
class PermissionsTest {

    @TempDir
    Path base;
    HotProject p;

    @BeforeEach
    void project() throws Exception {
        p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), Shop.V1, "WAL");
        try (Db db = p.open()) {
            Shop.fill(db, 50, 200);
        }
        HotProject.declare(p.dir, Shop.V2);
    }

    @ParameterizedTest(name = "old {0}")
    @ValueSource(strings = {"rw-------", "rw-r-----"})
    void newDatabaseAndItsSidecarsGetTheOldFilesPermissions(String perms) throws Exception {
        Files.setPosixFilePermissions(p.oldDb, PosixFilePermissions.fromString(perms));
        p.migrate(Progress.NONE);
        p.drain();
        p.cutover();
        try (Db app = Db.open(p.newDb())) { // the new version writes: -wal and -shm exist now
            app.exec("INSERT INTO tags (id, label, hits) VALUES (99999, 'new app', 0)");
            for (String suffix : List.of("", "-wal", "-shm")) {
                Path file = Path.of(p.newDb() + suffix);
                assertEquals(perms, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
            }
        }
    }

    @Test
    void readOnlyOldFileStopsMigrateWithExitThreeBeforeItCreatesAnything() throws Exception {
        List<String> schema = StateInvariants.schemaOf(p.oldDb);
        try (Db db = p.open()) {
            db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        try (ReadOnly ro = ReadOnly.make(p.oldDb)) {
            MigException e = assertThrows(MigException.class, () -> p.migrate(Progress.NONE));
            PlanReport plan = Mig.plan(HotProject.project(p.dir));

            assertEquals(MigException.Kind.RUNTIME, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("is not writable by this user"), e.getMessage());
            assertFalse(Files.exists(p.newDb()), "the new database was not created");
            assertFalse(plan.canMigrate(), "plan says migrate will not go ahead");
            assertTrue(plan.refusal().message().contains("is not writable"), plan.refusal().message());
        }
        assertEquals(schema, StateInvariants.schemaOf(p.oldDb), "no capture was installed");
    }

    /**
     * A file or directory this process cannot write, also as root (for whom permission bits are not enforced): then
     * the file is made immutable (chattr +i), which binds root too, and made mutable again on close.
     */
    private record ReadOnly(Path file, boolean immutable) implements AutoCloseable {
        static ReadOnly make(Path file) throws Exception {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(Files.isDirectory(file) ? "r-xr-xr-x"
                    : "r--r--r--"));
            boolean immutable = false;
            if (Files.isWritable(file)) {
                immutable = new ProcessBuilder("chattr", "+i", file.toString()).start().waitFor() == 0;
            }
            ReadOnly ro = new ReadOnly(file, immutable);
            if (Files.isWritable(file)) {
                ro.close();
                assumeFalse(true, "cannot make a file read-only for this user here");
            }
            return ro;
        }

        @Override
        public void close() throws Exception {
            if (immutable) {
                new ProcessBuilder("chattr", "-i", file.toString()).start().waitFor();
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(Files.isDirectory(file) ? "rwxr-xr-x"
                    : "rw-r--r--"));
        }
    }

    @Test
    void readOnlyProjectDirectoryStopsMigrateWithExitThreeAndCreatesNothing() throws Exception {
        List<Path> before;
        try (var files = Files.list(p.dir)) {
            before = files.sorted().toList();
        }
        try (ReadOnly ro = ReadOnly.make(p.dir)) {
            MigException e = assertThrows(MigException.class, () -> p.migrate(Progress.NONE));

            assertEquals(MigException.Kind.RUNTIME, e.kind(), e.getMessage());
            try (var files = Files.list(p.dir)) {
                assertEquals(before, files.sorted().toList());
            }
        }
        assertFalse(Rows.plain(p.oldDb, "SELECT name FROM sqlite_schema").contains("_migration_marker"));
        assertTrue(p.migrate(Progress.NONE).copy() != null, "with permissions back, migrate works");
    }
}
