package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.DrainResult;
import dev.mig.api.MigException;
import dev.mig.api.Progress;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drain proves its write pause with a write that changes nothing, rolled back. The application's own
 * triggers may end that transaction first; the proof must then fall back on the marker, not fail.
 */
class PauseProofTest {

    static final String TRIGGER = "CREATE TRIGGER ledger_immutable BEFORE UPDATE ON ledger "
            + "BEGIN SELECT RAISE(ROLLBACK, 'ledger rows are immutable'); END";
    static final String V1 = """
            name: one
            tables:
              ledger:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  amt: {type: INTEGER}
            triggers:
              ledger_immutable: %s
            """.formatted(TRIGGER);
    static final String V2 = """
            name: one
            tables:
              ledger:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  amt: {type: INTEGER}
                  note: {type: TEXT}
            triggers:
              ledger_immutable: %s
            """.formatted(TRIGGER);

    @TempDir
    Path base;

    @Test
    void aTableWhoseTriggerRollsBackEveryUpdateDoesNotStopTheDrain() throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), V1);
        try (Db db = p.open()) {
            db.exec("INSERT INTO ledger VALUES (1, 10), (2, 20)");
        }
        HotProject.declare(p.dir, V2);
        p.migrate(Progress.NONE);
        try (Db db = p.open()) {
            db.exec("INSERT INTO ledger VALUES (3, 30)");
        }

        DrainResult drained = p.drain();

        assertTrue(drained.writePauseMs() >= 0, p.drainLog.toString());
        try (Db db = p.open()) {
            assertEquals("draining", db.one("SELECT status FROM _migration_marker"));
        }
        p.cutover();
        assertEquals(List.of("1|10|NULL", "2|20|NULL", "3|30|NULL"),
                Rows.plain(p.newDb(), "SELECT id, amt, quote(note) FROM ledger ORDER BY id"));
    }

    @Test
    void writesLeftPausedByAKilledDrainResumeEvenWhenTheNextDrainRefuses() throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), V1);
        HotProject.declare(p.dir, V2);
        p.migrate(Progress.NONE);
        try (Db db = p.open()) {
            // A drain killed mid-pause left the marker so; the application then changed its schema.
            db.exec("UPDATE _migration_marker SET status = 'draining';\nCREATE INDEX ledger_amt ON ledger(amt)");
        }

        MigException refused = assertThrows(MigException.class, p::drain);

        assertEquals(MigException.Kind.REFUSED, refused.kind(), refused.getMessage());
        try (Db db = p.open()) {
            assertEquals("recording", db.one("SELECT status FROM _migration_marker"), "writes resumed first");
        }
    }
}
