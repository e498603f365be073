package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.CutoverResult;
import dev.mig.api.DrainOptions;
import dev.mig.api.DrainResult;
import dev.mig.api.MigException;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cutover only after a drain; cutover and drain can be repeated without changing anything. */
class PhaseGuardsTest {

    @TempDir
    Path dir;
    HotProject p;

    @BeforeEach
    void migrated() throws Exception {
        p = HotProject.bootstrap(dir, Shop.V1);
        try (Db db = p.open()) {
            Shop.fill(db, 20, 100);
        }
        p.migrate(Shop.V2);
        try (Db db = p.open()) {
            db.exec("UPDATE orders SET amount = 7 WHERE id = 3");
        }
    }

    @Test
    void cutoverBeforeDrainIsRefusedAndChangesNothing() {
        MigException e = assertThrows(MigException.class, p::cutover);
        assertEquals(MigException.Kind.REFUSED, e.kind());
        assertEquals("migrating", Rows.one(p.newDb(), "SELECT status FROM _migration_status"));
        try (Db db = p.open()) {
            db.exec("UPDATE orders SET amount = 8 WHERE id = 3"); // still recording, not draining
        }
    }

    @Test
    void secondCutoverSaysAlreadyReady() {
        p.drain();
        CutoverResult first = p.cutover();
        assertFalse(first.alreadyReady());
        List<String> history = Rows.plain(p.newDb(), "SELECT * FROM _migration_history");
        CutoverResult second = p.cutover();
        assertTrue(second.alreadyReady());
        assertEquals(history, Rows.plain(p.newDb(), "SELECT * FROM _migration_history"));
    }

    @Test
    void secondDrainReplaysNothingAndKeepsTheData() {
        DrainResult first = p.drain();
        assertFalse(first.alreadyDrained());
        List<String> orders = Rows.typed(p.newDb(), "SELECT * FROM orders ORDER BY id");
        DrainResult second = p.drain();
        assertTrue(second.alreadyDrained());
        assertEquals(first.entriesReplayed(), second.entriesReplayed());
        assertEquals(orders, Rows.typed(p.newDb(), "SELECT * FROM orders ORDER BY id"));
        assertEquals("7", Rows.one(p.newDb(), "SELECT amount FROM orders WHERE legacy_id = 3"));
        assertFalse(p.cutover().alreadyReady());
    }

    @Test
    void aDeletedNewDatabaseIsReportedEvenWhenAnEarlierCutOverFileIsStillThere() throws Exception {
        p.drain();
        p.cutover();
        Path b = p.newDb();
        HotProject.declare(dir, Shop.V2.replace("      note: {type: TEXT}\n", "      note: {type: TEXT}\n      extra: {type: TEXT}\n"));
        Mig.migrate(Project.at(dir, b), false, Progress.NONE); // B -> C while A, cut over to B, stays
        Files.delete(HotProject.files(dir).target());

        MigException e = assertThrows(MigException.class,
                () -> Mig.drain(Project.at(dir, null), new DrainOptions(1_000, false, true), Progress.NONE));

        assertTrue(e.getMessage().startsWith(b.getFileName() + " still records writes for a migration, but that "
                + "migration's new database is gone"), e.getMessage());
    }

    @Test
    void drainAfterCutoverIsRefusedSayingItWasCutOverNotThatTheNewDatabaseIsGone() {
        p.drain();
        p.cutover();
        MigException e = assertThrows(MigException.class,
                () -> Mig.drain(Project.at(dir, null), new DrainOptions(1_000, false, true), Progress.NONE));
        assertEquals(MigException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains(p.oldDb.getFileName() + " was cut over to " + p.newDb().getFileName()),
                e.getMessage());
        assertFalse(e.hint().contains("mig reset"), "reset is not the way out after a cutover: " + e.hint());
        assertEquals("ready", Rows.one(p.newDb(), "SELECT status FROM _migration_status"));
    }
}
