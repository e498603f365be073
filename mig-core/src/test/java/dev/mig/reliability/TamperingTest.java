package dev.mig.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.MigException;
import dev.mig.api.PlanReport;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.capture.Capture;
import dev.mig.hot.Checks;
import dev.mig.hot.HotProject;
import dev.mig.hot.Rows;
import dev.mig.hot.Shop;
import dev.mig.testing.Db;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone changes mig's files behind its back during a migration: the new database deleted or replaced,
 * the old schema altered, a capture trigger dropped, the old file corrupted, schema.yaml edited. mig
 * refuses with an explanation (never a silently incomplete new database), and reset recovers.
 */
class TamperingTest {

    @TempDir
    Path base;
    HotProject p;
    List<String> schemaBefore;

    @BeforeEach
    void migrated() throws Exception {
        p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), Shop.V1, "WAL");
        try (Db db = p.open()) {
            Shop.fill(db, 100, 1_000);
        }
        schemaBefore = StateInvariants.schemaOf(p.oldDb);
        p.migrate(Shop.V2);
    }

    @Test
    void deletedNewDatabaseMakesDrainRefuseAndResetRecovers() throws Exception {
        Files.delete(p.newDb());

        assertRefused(() -> p.drain(), "still records writes for a migration, but that migration's new database is gone");
        resetRestoresTheOldDatabase();
    }

    @Test
    void replacedNewDatabaseMakesDrainRefuseAndResetRecovers() throws Exception {
        Path other = base.resolve("other.sqlite");
        try (Db db = Db.open(other)) {
            db.exec("CREATE TABLE t (x)");
        }
        Files.move(other, p.newDb(), StandardCopyOption.REPLACE_EXISTING);

        assertRefused(() -> p.drain(), "new database is gone (deleted or replaced)");
        Mig.reset(Project.at(p.dir, null), false);
        assertTrue(Files.exists(p.newDb()), "reset never deletes a file that is not its unfinished new database");
        MigException e = assertThrows(MigException.class, () -> p.migrate(Progress.NONE));
        assertTrue(e.getMessage().contains("already exists, but it is neither a migration in progress nor a database mig completed"), e.getMessage());
        Files.delete(p.newDb());
        resetRestoresTheOldDatabase();
    }

    @Test
    void addedColumnInTheOldDatabaseMakesDrainRefuse() {
        try (Db db = p.open()) {
            db.exec("ALTER TABLE customers ADD COLUMN vip INTEGER");
        }

        assertRefused(() -> p.drain(), "The old database's schema changed during the migration: table customers was altered");
        assertEquals("recording", Rows.one(p.oldDb, "SELECT status FROM _migration_marker"), "writes were never paused");
    }

    @Test
    void droppedCaptureTriggerMakesDrainRefuse() {
        String trigger = Rows.one(p.oldDb, "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'orders' "
                + "ORDER BY name LIMIT 1");
        try (Db db = p.open()) {
            db.exec("DROP TRIGGER \"" + trigger + "\"");
        }

        assertRefused(() -> p.drain(), "mig's change-capture triggers were removed from the old database: " + trigger);
    }

    @Test
    void schemaChangedAfterTheDrainMakesCutoverRefuse() {
        p.drain();
        try (Db db = p.open()) {
            db.exec("CREATE INDEX customers_by_name ON customers (name)");
        }

        assertRefused(() -> p.cutover(), "The old database's schema changed during the migration");
        assertEquals("migrating", Rows.one(p.newDb(), "SELECT status FROM _migration_status"));
    }

    @Test
    void planSaysWhatMigrateSaysWhenACaptureTriggerWasDropped() {
        String trigger = Rows.one(p.oldDb, "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'orders' "
                + "ORDER BY name LIMIT 1");
        try (Db db = p.open()) {
            db.exec("DROP TRIGGER \"" + trigger + "\"");
        }

        assertPlanRefusesAsMigrateDoes("mig's change-capture triggers were removed from the old database: " + trigger);
    }

    @Test
    void planSaysWhatMigrateSaysWhenTheOldSchemaChanged() {
        try (Db db = p.open()) {
            db.exec("CREATE INDEX customers_by_name ON customers (name)");
        }

        assertPlanRefusesAsMigrateDoes("The old database's schema changed during the migration");
    }

    @Test
    void planSaysWhatMigrateSaysWhenCaptureIsGoneAfterRowsWereCopied() throws Exception {
        try (Db db = p.open()) {
            Capture.remove(db.conn);
        }

        assertPlanRefusesAsMigrateDoes("The old database has no change capture (marker, log or triggers), but");
    }

    @Test
    void drainWithoutCaptureRefusesAndSaysHowToFinishAnOfflineCopyOrUndo() throws Exception {
        try (Db db = p.open()) {
            Capture.remove(db.conn);
        }

        MigException e = assertThrows(MigException.class, () -> p.drain());

        assertEquals(MigException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().startsWith("The old database has no change capture"), e.getMessage());
        assertTrue(e.hint().contains("'mig migrate --offline' finishes it") && e.hint().contains("'mig reset'"),
                e.hint());
        assertEquals("migrating", Rows.one(p.newDb(), "SELECT status FROM _migration_status"));
    }

    @Test
    void aDeletedNewDatabaseIsNotStartedAgainOverTheLeftoverCapture() throws Exception {
        Files.delete(p.newDb());

        assertPlanRefusesAsMigrateDoes(p.oldDb.getFileName() + " still carries mig's change capture from an earlier "
                + "migration (recording)");
        assertFalse(Files.exists(p.newDb()), "refused before creating anything");
        resetRestoresTheOldDatabase();
    }

    /** migrate refuses with {@code message}, and plan, asked first, said the same and no. */
    private void assertPlanRefusesAsMigrateDoes(String message) {
        PlanReport plan = Mig.plan(HotProject.project(p.dir));
        MigException e = assertThrows(MigException.class, () -> p.migrate(Progress.NONE));

        assertEquals(MigException.Kind.REFUSED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(plan.canMigrate(), "plan says no");
        assertEquals(e.getMessage(), plan.refusal().message(), "with migrate's reason");
    }

    @Test
    void truncatedOldDatabaseMakesDrainStopWithExitThree() throws Exception {
        try (Db db = p.open()) {
            db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        try (RandomAccessFile f = new RandomAccessFile(p.oldDb.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }

        MigException e = assertThrows(MigException.class, () -> p.drain());
        assertEquals(MigException.Kind.RUNTIME, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(p.oldDb.getFileName() + " is damaged"), e.getMessage());
        assertFalse(e.hint().contains("removes"), "never suggests removing what may be the application's file: " + e.hint());
        assertEquals("migrating", Rows.one(p.newDb(), "SELECT status FROM _migration_status"));
    }

    @Test
    void schemaYamlEditedAfterMigrateLeavesTheStoredPlanInChargeAndStatusSaysSo() throws Exception {
        Path v2Target = p.newDb();
        HotProject.declare(p.dir, Shop.V2.replace("weight: {type: INTEGER, nullable: false, default: 1}",
                "weight: {type: INTEGER, nullable: false, default: 2}"));

        assertTrue(Mig.status(Project.at(p.dir, null)).schemaYamlChanged(), "status says schema.yaml changed");
        p.drain();
        assertTrue(Mig.cutover(HotProject.project(p.dir)).target().equals(v2Target) || Files.exists(v2Target));
        assertEquals("ready", Rows.one(v2Target, "SELECT status FROM _migration_status"));
        assertEquals(List.of("1"), Rows.plain(v2Target, "SELECT DISTINCT weight FROM tags"), "the stored plan's default");
        assertFalse(Files.exists(p.newDb()), "no database for the edited schema.yaml was created");
    }

    private void resetRestoresTheOldDatabase() throws Exception {
        List<String> customers = Rows.plain(p.oldDb, Shop.OLD_CUSTOMERS);
        Mig.reset(Project.at(p.dir, null), false);
        StateInvariants.assertNoCapture(p.oldDb, schemaBefore, "after reset");
        assertEquals(customers, Rows.plain(p.oldDb, Shop.OLD_CUSTOMERS));
        p.migrate(Shop.V2);
        p.drain();
        p.cutover();
        Checks.assertSound(p.newDb());
    }

    private static void assertRefused(Executable command, String message) {
        MigException e = assertThrows(MigException.class, command);
        assertEquals(MigException.Kind.REFUSED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.hint() != null && e.hint().contains("mig "), "the hint names a command: " + e.hint());
    }
}
