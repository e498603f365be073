package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.MigException;
import dev.mig.api.MigrateResult;
import dev.mig.api.PlanReport;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.state.NewDatabase;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateInputTest {

    /** A one-table schema for chains of migrations: A, then B with a column more, and so on. */
    private static final String NOTES = "name: notes\ntables:\n  notes:\n    columns:\n"
            + "      id: {type: INTEGER, primaryKey: true}\n      body: {type: TEXT}\n";

    @TempDir
    Path dir;

    @Test
    void aBadSchemaYamlIsRefusedBeforeAnyFileIsWritten() throws Exception {
        Files.writeString(dir.resolve("schema.yaml"), "tables:\n  t:\n    columns:\n      id: {type: INTEGER, nulable: false}\n");
        MigException e = assertThrows(MigException.class,
                () -> Mig.migrate(Project.at(dir, null), false, Progress.NONE));
        assertEquals(MigException.Kind.INPUT, e.kind());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("schema.yaml"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aMissingSourceIsRefusedWithoutWritingAnyFile() throws Exception {
        HotProject.bootstrap(dir, Shop.V1);
        HotProject.declare(dir, Shop.V2);
        Map<String, Long> before = sizes();

        MigException e = assertThrows(MigException.class,
                () -> Mig.migrate(Project.at(dir, dir.resolve("nope.sqlite")), false, Progress.NONE));

        assertEquals(MigException.Kind.INPUT, e.kind());
        assertEquals(before, sizes());
        assertFalse(Files.exists(dir.resolve(".mig.lock")), "not even the lock file stays");
    }

    @Test
    void anApplicationDatabaseUnderItsOwnNameIsNotTakenForAFreshStart() throws Exception {
        try (Db db = Db.open(dir.resolve("app.sqlite"))) {
            db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
            db.exec("INSERT INTO notes (body) VALUES ('the application''s data')");
        }
        HotProject.declare(dir, NOTES);
        Map<String, Long> before = sizes();

        MigException migrate = assertThrows(MigException.class, () -> Mig.migrate(Project.at(dir, null), false, Progress.NONE));
        MigException plan = assertThrows(MigException.class, () -> Mig.plan(Project.at(dir, null)));

        assertEquals(MigException.Kind.INPUT, migrate.kind());
        assertTrue(migrate.getMessage().contains("holds another SQLite database; mig will not create a fresh, empty database beside it:\n    app.sqlite"),
                migrate.getMessage());
        assertTrue(migrate.hint().contains("--source"), migrate.hint());
        assertEquals(migrate.getMessage(), plan.getMessage(), "plan says what migrate says");
        assertEquals(before, sizes());
        assertEquals(MigrateResult.Outcome.COPIED, Mig.migrate(Project.at(dir, dir.resolve("app.sqlite")), false,
                Progress.NONE).outcome(), "named, it is migrated");
    }

    @Test
    void aDatabaseOfAnEarlierSchemaNameIsNotTakenForAFreshStart() throws Exception {
        HotProject.bootstrap(dir, NOTES);
        HotProject.declare(dir, NOTES.replace("name: notes", "name: jottings"));
        Map<String, Long> before = sizes();

        MigException e = assertThrows(MigException.class, () -> Mig.migrate(Project.at(dir, null), false, Progress.NONE));

        assertEquals(MigException.Kind.INPUT, e.kind());
        assertTrue(e.getMessage().contains("No database named jottings-<hash>.sqlite to migrate from"), e.getMessage());
        assertEquals(before, sizes());
    }

    @Test
    void aDirectoryWithNoOtherDatabaseStartsFresh() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "not a database");
        HotProject.declare(dir, NOTES);

        assertEquals(MigrateResult.Outcome.BOOTSTRAPPED, Mig.migrate(Project.at(dir, null), false, Progress.NONE).outcome());
    }

    @Test
    void aBlockedPlanIsRefusedWithoutWritingAnyFile() throws Exception {
        HotProject p = HotProject.bootstrap(dir, Shop.V1);
        try (Db db = p.open()) {
            Shop.fill(db, 10, 20);
        }
        HotProject.declare(dir, Shop.V2.replace("dropColumns: [color]", ""));
        Map<String, Long> before = sizes();

        MigException e = assertThrows(MigException.class, () -> Mig.migrate(HotProject.project(dir), false, Progress.NONE));

        assertEquals(MigException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().startsWith("The plan is blocked; nothing was changed"), e.getMessage());
        assertEquals(before, sizes());
        assertFalse(Files.exists(dir.resolve(".mig.lock")), "not even the lock file stays");
    }

    /** After cutover the old file often stays beside the new one: it must not look like a source again. */
    private HotProject cutOverWithTheOldFileLeft() throws Exception {
        HotProject p = HotProject.bootstrap(dir, Shop.V1, "WAL");
        try (Db db = p.open()) {
            Shop.fill(db, 10, 20);
        }
        p.migrateAll(Shop.V2);
        Mig.archiveOld(Project.at(dir, null), false);
        assertTrue(Files.exists(p.oldDb), "the old database stays in the directory");
        return p;
    }

    @Test
    void migrateAfterCutoverSaysTheReadyDatabaseIsCurrentAndChangesNothing() throws Exception {
        HotProject p = cutOverWithTheOldFileLeft();
        Map<String, Long> before = sizes();

        MigrateResult r = p.migrate(Progress.NONE);

        assertEquals(MigrateResult.Outcome.ALREADY_CURRENT, r.outcome());
        assertEquals(p.newDb(), r.target());
        assertEquals(before, sizes());
    }

    @Test
    void planAfterCutoverSaysThereIsNothingToMigrate() throws Exception {
        HotProject p = cutOverWithTheOldFileLeft();

        PlanReport report = Mig.plan(HotProject.project(dir));

        assertTrue(report.targetCurrent());
        assertNull(report.source(), "the old database is not offered as a source again");
        assertNull(report.plan(), "there is nothing to plan");
        assertEquals(p.newDb(), report.target());
    }

    @Test
    void goingBackToAnEarlierSchemaWhoseStaleFileIsStillThereIsRefused() throws Exception {
        HotProject p = cutOverWithTheOldFileLeft();
        Path current = p.newDb();
        HotProject.declare(dir, Shop.V1);
        Map<String, Long> before = sizes();

        MigException e = assertThrows(MigException.class, () -> p.migrate(Progress.NONE));
        PlanReport plan = Mig.plan(HotProject.project(dir));

        assertEquals(MigException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains(p.oldDb.getFileName() + " is an earlier database of this schema: "
                + current.getFileName() + " was migrated from it since"), e.getMessage());
        assertFalse(plan.canMigrate(), "plan says what migrate will do");
        assertEquals(e.getMessage(), plan.refusal().message());
        assertEquals(before, sizes());
    }

    @Test
    void afterARoundTripTheNewDatabaseOfTheFirstSchemaIsCurrent() throws Exception {
        HotProject p = HotProject.bootstrap(dir, NOTES, "WAL");
        Path a = p.oldDb;
        Path b = p.migrateAll(NOTES + "      pinned: {type: INTEGER}\n");
        Mig.archiveOld(Project.at(dir, null), true); // the old A goes to archive/
        p.migrate(NOTES + "    dropColumns: [pinned]\n"); // B -> a new A
        p.drain();
        p.cutover();
        assertEquals(a, p.newDb(), "back to the first schema's file name");
        assertTrue(Files.exists(b), "B stays, and its last history row comes from A's hash");

        MigrateResult r = p.migrate(Progress.NONE);

        assertEquals(MigrateResult.Outcome.ALREADY_CURRENT, r.outcome(), "the new A is newer than B's cutover from the old A");
        assertTrue(Mig.plan(HotProject.project(dir)).targetCurrent());
    }

    @Test
    void goingBackAlongAChainIsRefusedEvenWhereOnlyAnEarlierHistoryRowNamesTheFile() throws Exception {
        HotProject p = HotProject.bootstrap(dir, NOTES, "WAL");
        Path a = p.oldDb;
        Path b = p.migrateAll(NOTES + "      pinned: {type: INTEGER}\n");
        Mig.archiveOld(Project.at(dir, null), false); // A stays, without capture
        HotProject.declare(dir, NOTES + "      pinned: {type: INTEGER}\n      tag: {type: TEXT}\n");
        Mig.migrate(Project.at(dir, b), false, Progress.NONE); // B -> C: C's last history row is B -> C
        p.drain();
        p.cutover();
        HotProject.declare(dir, NOTES + "    dropColumns: [pinned, tag]\n");

        PlanReport withB = Mig.plan(HotProject.project(dir));
        assertFalse(withB.canMigrate(), "refused, and not 'cannot tell which' for the two other candidates B and C");
        Mig.archiveOld(Project.at(dir, null), true); // B, which still carries capture, goes to archive/: only C names A
        assertFalse(Files.exists(b));
        MigException e = assertThrows(MigException.class, () -> p.migrate(Progress.NONE));
        PlanReport plan = Mig.plan(HotProject.project(dir));

        assertTrue(e.getMessage().startsWith(a.getFileName() + " is an earlier database of this schema"), e.getMessage());
        assertFalse(plan.canMigrate(), "plan agrees");
        assertEquals(e.getMessage(), plan.refusal().message());
    }

    @Test
    void anApplicationDatabaseNamedAfterTheSchemaButHoldingAnotherIsRefused() throws Exception {
        HotProject p = HotProject.bootstrap(dir, Shop.V1);
        try (Db db = p.open()) {
            db.exec("DROP TABLE _migration_status");
            db.exec("ALTER TABLE tags ADD COLUMN extra TEXT");
        }

        MigException e = assertThrows(MigException.class, () -> p.migrate(Progress.NONE));
        PlanReport plan = Mig.plan(HotProject.project(dir));

        assertEquals(MigException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("is named after the declared schema, but its tables are those of schema"),
                e.getMessage());
        assertFalse(plan.canMigrate());
    }

    @Test
    void aNamedSourceOtherThanTheMigrationInProgressIsRefused() throws Exception {
        HotProject p = HotProject.bootstrap(dir, Shop.V1);
        p.migrate(Shop.V2);
        Path other = Files.copy(p.oldDb, dir.resolve("other.sqlite"));

        MigException e = assertThrows(MigException.class,
                () -> Mig.migrate(Project.at(dir, other), false, Progress.NONE));

        assertEquals(MigException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("is in progress; --source names"), e.getMessage());
        assertFalse(Mig.plan(Project.at(dir, other)).canMigrate(), "plan agrees");
        assertEquals(MigrateResult.Outcome.COPIED, Mig.migrate(Project.at(dir, p.oldDb), false, Progress.NONE).outcome(),
                "naming the migration's own source resumes it");
    }

    @Test
    void aNamedSourceIsNeverIgnoredBecauseTheTargetIsReady() throws Exception {
        HotProject p = cutOverWithTheOldFileLeft();
        Map<String, Long> before = sizes();

        MigException e = assertThrows(MigException.class,
                () -> Mig.migrate(Project.at(dir, p.oldDb), false, Progress.NONE));

        assertEquals(MigException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("already exists and is ready, so --source cannot be migrated into it"),
                e.getMessage());
        assertEquals(before, sizes());
    }

    @Test
    void anApplicationDatabaseNamedAfterItsSchemaIsCurrentWithoutAStatusRow() throws Exception {
        HotProject p = HotProject.bootstrap(dir, Shop.V1);
        try (Db db = p.open()) {
            db.exec("DROP TABLE _migration_status"); // as if the application had made it, then been renamed
        }
        Map<String, Long> before = sizes();

        MigrateResult r = p.migrate(Progress.NONE);

        assertEquals(MigrateResult.Outcome.ALREADY_CURRENT, r.outcome());
        assertEquals(before, sizes());
    }

    @Test
    void planAgreesWithMigrateOnAnApplicationDatabaseNamedAfterItsSchema() throws Exception {
        HotProject p = HotProject.bootstrap(dir, Shop.V1);
        try (Db db = p.open()) {
            db.exec("DROP TABLE _migration_status");
            // mig cannot migrate a virtual table, but nothing is to be migrated here.
            db.exec("CREATE VIRTUAL TABLE notes_search USING fts5(body)");
        }

        PlanReport plan = Mig.plan(HotProject.project(dir));

        assertEquals(MigrateResult.Outcome.ALREADY_CURRENT, p.migrate(Progress.NONE).outcome());
        assertTrue(plan.targetCurrent(), "nothing to migrate, as migrate says");
        assertTrue(plan.canMigrate());
        assertNull(plan.plan());
    }

    @Test
    void planDuringAMigrationToAnEarlierSchemaYamlSaysWhatMigrateSays() throws Exception {
        HotProject p = HotProject.bootstrap(dir, Shop.V1);
        p.migrate(Shop.V2);
        HotProject.declare(dir, Shop.V2.replace("default: 1}\n", "default: 1}\n      added: {type: TEXT}\n"));
        Map<String, Long> before = sizes();

        MigException e = assertThrows(MigException.class, () -> p.migrate(Progress.NONE));
        PlanReport plan = Mig.plan(HotProject.project(dir));

        assertEquals(MigException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("is in progress, but schema.yaml now describes schema"), e.getMessage());
        assertFalse(plan.canMigrate(), "plan agrees");
        assertEquals(e.getMessage(), plan.refusal().message());
        assertEquals(p.oldDb, plan.source(), "planned against the migration's source, not refused as ambiguous");
        assertEquals(before, sizes());
    }

    @Test
    void planShowsRoomForACopyYetToStartOnly() throws Exception {
        HotProject p = HotProject.bootstrap(dir, Shop.V1);
        HotProject.declare(dir, Shop.V2);
        PlanReport before = Mig.plan(HotProject.project(dir));
        p.migrate(Shop.V2);

        PlanReport during = Mig.plan(HotProject.project(dir));

        assertTrue(before.disk().neededBytes() > 0, "before the copy: what it needs");
        assertNull(during.disk(), "the new file exists: its room is taken, not estimated");
    }

    @Test
    void planAfterADrainSaysMigrateWouldRefuse() throws Exception {
        HotProject p = HotProject.bootstrap(dir, Shop.V1, "WAL");
        p.migrate(Shop.V2);
        p.drain();

        MigException e = assertThrows(MigException.class, () -> p.migrate(Progress.NONE));
        PlanReport plan = Mig.plan(HotProject.project(dir));

        assertTrue(e.getMessage().contains("this one is drained"), e.getMessage());
        assertFalse(plan.canMigrate(), "plan agrees");
        assertEquals(e.getMessage(), plan.refusal().message());
        assertEquals(e.hint(), plan.refusal().hint());
    }

    @Test
    void theLeftoverOfAKilledFreshStartIsReplacedNotTakenForAnotherDatabase() throws Exception {
        HotProject.declare(dir, NOTES);
        Path target = HotProject.files(dir).target();
        try (Db db = Db.open(NewDatabase.creatingFile(target))) {
            db.exec("CREATE TABLE half_made (x)"); // as a run killed before its rename leaves it
        }

        assertEquals(MigrateResult.Outcome.BOOTSTRAPPED, Mig.migrate(Project.at(dir, null), false, Progress.NONE).outcome());
        assertFalse(Files.exists(NewDatabase.creatingFile(target)));
    }

    /** V2 with one column more: the schema after the one {@link #cutOverLeavingTheOldFileDraining} reaches. */
    private static final String V3 = Shop.V2.replace("default: 1}\n", "default: 1}\n      added: {type: TEXT}\n");

    /** A cutover to V2, the old file left in the directory as cutover leaves it: capture draining. */
    private HotProject cutOverLeavingTheOldFileDraining() throws Exception {
        HotProject p = HotProject.bootstrap(dir, Shop.V1, "WAL");
        p.migrateAll(Shop.V2);
        return p;
    }

    @Test
    void afterACutoverTheNextMigrationStartsFromTheNewDatabaseNotTheOldFileLeftBesideIt() throws Exception {
        HotProject p = cutOverLeavingTheOldFileDraining();
        Path current = p.newDb();
        HotProject.declare(dir, V3);

        PlanReport plan = Mig.plan(HotProject.project(dir));
        MigrateResult r = p.migrate(Progress.NONE);

        assertEquals(current, plan.source(), "plan: the cut-over file, not 'cannot tell which database'");
        assertEquals(MigrateResult.Outcome.COPIED, r.outcome());
        assertEquals(current, r.source());
    }

    @Test
    void aFileWithoutMigsEvidenceOfACutoverStaysACandidate() throws Exception {
        HotProject p = cutOverLeavingTheOldFileDraining();
        Mig.archiveOld(Project.at(dir, null), false); // capture gone: the name and a history row could be any copy's
        HotProject.declare(dir, V3);

        MigException e = assertThrows(MigException.class, () -> p.migrate(Progress.NONE));

        assertEquals(MigException.Kind.INPUT, e.kind());
        assertTrue(e.getMessage().startsWith("Cannot tell which database to migrate from: 2 candidate files"),
                e.getMessage());
    }

    @Test
    void aNamedSourceStillDrainingFromItsCutoverIsRefused() throws Exception {
        HotProject p = cutOverLeavingTheOldFileDraining();
        HotProject.declare(dir, V3);
        Map<String, Long> before = sizes();

        MigException e = assertThrows(MigException.class,
                () -> Mig.migrate(Project.at(dir, p.oldDb), false, Progress.NONE));
        PlanReport plan = Mig.plan(Project.at(dir, p.oldDb));

        assertEquals(MigException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains(p.oldDb.getFileName() + " still carries mig's change capture from an "
                + "earlier migration (draining)"), e.getMessage());
        assertTrue(e.hint().contains("migrate from the database it was cut over to"), e.hint());
        assertEquals(e.getMessage(), plan.refusal().message(), "plan agrees");
        assertEquals(before, sizes());
    }

    @Test
    void planNamingAnotherSourceDuringAMigrationWhoseFileMovedGivesMigratesReason() throws Exception {
        HotProject p = HotProject.bootstrap(dir, Shop.V1);
        p.migrate(Shop.V2);
        Path moved = Files.move(p.oldDb, dir.resolveSibling(dir.getFileName() + "-moved.sqlite"));

        MigException e = assertThrows(MigException.class,
                () -> Mig.migrate(Project.at(dir, moved), false, Progress.NONE));
        PlanReport plan = Mig.plan(Project.at(dir, moved));

        assertTrue(e.getMessage().contains("is in progress; --source names"), e.getMessage());
        assertEquals(e.getMessage(), plan.refusal().message(), "not 'file does not exist'");
    }

    @Test
    void anExistingTargetThatMigDidNotCompleteIsRefusedAndKept() throws Exception {
        HotProject p = HotProject.bootstrap(dir, Shop.V1);
        HotProject.declare(dir, Shop.V2);
        Path foreign = p.newDb();
        try (Db db = Db.open(foreign)) {
            db.exec("CREATE TABLE t (x)");
        }
        Map<String, Long> before = sizes();

        MigException e = assertThrows(MigException.class, () -> p.migrate(Progress.NONE));

        assertEquals(MigException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("neither a migration in progress nor a database mig completed"), e.getMessage());
        assertFalse(e.hint().contains("move it away"), "no advice to move a file that may be in use: " + e.hint());
        assertEquals(before, sizes());
    }

    /** File name to size, leaving out SQLite's -wal/-shm companions (read-only opens of a WAL file leave them). */
    private Map<String, Long> sizes() throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (!n.endsWith("-wal") && !n.endsWith("-shm")) {
                    out.put(n, Files.size(f));
                }
            }
        }
        return out;
    }
}
