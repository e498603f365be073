package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.MigrateResult;
import dev.mig.api.Progress;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A mig process that dies (halt without cleanup, or SIGKILL) in the copy or in the replay: running the
 * command again finishes the migration with exactly the result of an uninterrupted run.
 */
class ResumeTest {

    @TempDir
    Path base;
    HotProject p;

    @BeforeEach
    void oldDatabase() throws Exception {
        p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), Shop.V1, "WAL");
        try (Db db = p.open()) {
            Shop.fill(db, 1_000, 10_000);
        }
        HotProject.declare(p.dir, Shop.V2);
    }

    @ParameterizedTest(name = "halted after {0} chunks")
    @ValueSource(ints = {1, 3})
    void copyHaltedMidwayResumesToTheUninterruptedResult(int chunks) throws Exception {
        try (ChildJvm child = ChildJvm.start(base.resolve("child.err"), "migrate-halt", p.dir.toString(), "" + chunks)) {
            assertEquals(137, child.waitFor(), "the child halted mid-copy");
        }
        assertTrue(Long.parseLong(Rows.one(p.newDb(), "SELECT count(*) FROM _migration_progress WHERE done = 0")) > 0,
                "the copy was left unfinished");
        applicationWritesAgain();
        MigrateResult resumed = p.migrate(Progress.NONE);
        assertTrue(resumed.resumed());
        finishAndCompareWithOracle();
    }

    @Test
    void copyKilledWithSigkillResumesToTheUninterruptedResult() throws Exception {
        try (ChildJvm child = ChildJvm.start(base.resolve("child.err"), "migrate-slow", p.dir.toString())) {
            assertTrue(child.awaitLines(3), "the child copied some chunks");
            child.kill();
        }
        applicationWritesAgain();
        assertTrue(p.migrate(Progress.NONE).resumed());
        finishAndCompareWithOracle();
    }

    @ParameterizedTest(name = "writes paused: {0}")
    @ValueSource(booleans = {false, true})
    void replayHaltedMidwayResumesToTheUninterruptedResult(boolean paused) throws Exception {
        p.migrate(Progress.NONE);
        try (Db db = p.open()) { // a backlog of about 19k log entries
            db.exec("""
                    UPDATE orders SET amount = amount + 1;
                    UPDATE orders SET note = 'again ' || id WHERE id % 2 = 0;
                    UPDATE orders SET id = id + 100000 WHERE id % 7 = 0;
                    DELETE FROM customers WHERE id % 10 = 0;
                    INSERT OR REPLACE INTO tags (id, label, hits) VALUES (5000, 'tag3', 9)
                    """);
        }
        try (ChildJvm child = ChildJvm.start(base.resolve("child.err"), "replay-halt", p.dir.toString(), "5", "" + paused)) {
            assertEquals(137, child.waitFor(), "the child halted mid-replay");
        }
        assertEquals("5000", Rows.one(p.newDb(), "SELECT last_seq FROM _migration_replay"),
                "five batches committed, the rest not");
        finishAndCompareWithOracle();
    }

    /** Writes between the crash and the rerun: recorded by capture, which the dead process left installed. */
    private void applicationWritesAgain() {
        try (Db db = p.open()) {
            db.exec("""
                    UPDATE customers SET name = 'after crash' WHERE id % 3 = 0;
                    DELETE FROM orders WHERE id % 11 = 0;
                    UPDATE orders SET id = id + 500000 WHERE id % 13 = 0;
                    INSERT INTO orders (id, customer_id, amount, note) VALUES (999999, 1, 5, 'late')
                    """);
        }
    }

    private void finishAndCompareWithOracle() throws Exception {
        p.drain();
        p.cutover();
        Path oracle = p.oracle(Files.createDirectory(base.resolve("oracle")));
        // Remapped order ids depend on when each old key was first seen; legacy_id names the row.
        for (String sql : Shop.NEW_FULL) {
            Rows.assertSame(Rows.typed(oracle, sql), Rows.typed(p.newDb(), sql), sql);
        }
        Checks.assertSound(p.newDb());
    }
}
