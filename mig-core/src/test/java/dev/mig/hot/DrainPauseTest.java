package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.DrainOptions;
import dev.mig.api.DrainResult;
import dev.mig.api.MigException;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drain's write pause ends within --max-pause, is proven to hold before it is reported, and drain stops
 * when replay cannot catch up. Slow tails, slow replay and lost pauses are made with the test faults
 * (dev.mig.common.TestFaults), never with timing assertions.
 */
class DrainPauseTest {

    @TempDir
    Path base;
    HotProject p;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void migrated() throws Exception {
        p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), Shop.V1, "WAL");
        try (Db db = p.open()) {
            Shop.fill(db, 50, 300);
        }
        p.migrate(Shop.V2);
        try (Db db = p.open()) {
            db.exec("UPDATE orders SET amount = amount + 1 WHERE id % 3 = 0;\nDELETE FROM customers WHERE id = 7");
        }
    }

    @AfterEach
    void noFaults() {
        for (String fault : List.of("mig.test.pauseDelayMs", "mig.test.slowReplayBatch", "mig.test.losePauseAt")) {
            System.clearProperty(fault);
        }
    }

    private DrainResult drain(long maxPauseMs, boolean cutover) {
        return Mig.drain(Project.at(p.dir, null), new DrainOptions(maxPauseMs, cutover, false), Progress.lines(log::add));
    }

    @Test
    void aPauseThatReachesMaxPauseResumesWritesAndSaysSo() throws Exception {
        System.setProperty("mig.test.pauseDelayMs", "400");

        MigException e = assertThrows(MigException.class, () -> drain(50, true));

        assertEquals(MigException.Kind.REFUSED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("within --max-pause 50 ms, so writes to the old database were resumed"),
                e.getMessage());
        assertEquals("recording", Rows.one(p.oldDb, "SELECT status FROM _migration_marker"));
        assertEquals("0", Rows.one(p.newDb(), "SELECT drain_complete FROM _migration_replay"));
        assertEquals("migrating", Rows.one(p.newDb(), "SELECT status FROM _migration_status"));
        try (Db db = p.open()) {
            db.exec("INSERT INTO customers (id, email, name) VALUES (9001, 'after@pause', 'resumed')");
        }
        System.clearProperty("mig.test.pauseDelayMs");
        finishAndCompareWithOracle();
    }

    @Test
    void aDrainThatCannotCatchUpStopsWithBothRatesAndPausesNothing() throws Exception {
        System.setProperty("mig.test.slowReplayBatch", "1"); // replay: at most 100 entries/s
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Exception> writerFailed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (Db db = p.open()) {
                for (int i = 0; !stop.get(); i++) {
                    StringBuilder tx = new StringBuilder("BEGIN;\n");
                    for (int j = 0; j < 20; j++) {
                        tx.append("UPDATE orders SET amount = amount + 1 WHERE id = ").append(1 + (i * 20 + j) % 300).append(";\n");
                    }
                    db.exec(tx.append("COMMIT").toString());
                }
            } catch (Exception ex) {
                writerFailed.set(ex);
            }
        }, "faster writer");
        writer.start();
        MigException e;
        try {
            e = assertThrows(MigException.class, () -> drain(100, false));
        } finally {
            stop.set(true);
            writer.join();
        }

        assertEquals(null, writerFailed.get(), "the application's writes were never rejected");
        assertEquals(MigException.Kind.REFUSED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Replay cannot catch up: over the last 10 rounds"), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*the application wrote [0-9,]+ entries/s and replay applied [0-9,]+ "
                + "entries/s.*"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was paused"), e.getMessage());
        assertTrue(e.hint().contains("--max-pause"), e.hint());
        assertEquals("recording", Rows.one(p.oldDb, "SELECT status FROM _migration_marker"));
        System.clearProperty("mig.test.slowReplayBatch");
        finishAndCompareWithOracle();
    }

    @Test
    void aPauseLostRightAfterTheFlipIsNotReportedAsDrained() throws Exception {
        System.setProperty("mig.test.losePauseAt", "flip");

        MigException e = assertThrows(MigException.class, () -> drain(60_000, true));

        assertEquals(MigException.Kind.RUNTIME, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("The write pause did not hold: mig set the old database's marker to "
                + "'draining', but a new connection reads 'recording'"), e.getMessage());
        assertEquals("0", Rows.one(p.newDb(), "SELECT drain_complete FROM _migration_replay"));
        assertEquals("migrating", Rows.one(p.newDb(), "SELECT status FROM _migration_status"));
        System.clearProperty("mig.test.losePauseAt");
        finishAndCompareWithOracle();
    }

    @Test
    void drainCutoverRefusesWhenCutoverGuardsWould() throws Exception {
        System.setProperty("mig.test.losePauseAt", "drained"); // after the drain completed, before its cutover

        MigException e = assertThrows(MigException.class, () -> drain(60_000, true));

        assertEquals(MigException.Kind.REFUSED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("The old database's marker says 'recording', not 'draining'"),
                e.getMessage());
        assertEquals("migrating", Rows.one(p.newDb(), "SELECT status FROM _migration_status"));
        System.clearProperty("mig.test.losePauseAt");
        finishAndCompareWithOracle();
    }

    @Test
    void drainCutoverAfterALostPauseDrainsAgainInsteadOfSayingAlreadyDrained() throws Exception {
        drain(60_000, false);
        try (Db db = p.open()) { // the pause is lost: the marker says recording again, and the application writes
            db.exec("UPDATE _migration_marker SET status = 'recording';\n"
                    + "INSERT INTO customers (id, email, name) VALUES (9002, 'lost@pause', 'written after the drain')");
        }

        DrainResult r = drain(60_000, true);

        assertTrue(!r.alreadyDrained() && r.cutOver());
        assertEquals("written after the drain", Rows.one(p.newDb(), "SELECT full_name FROM customers WHERE id = 9002"));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("The earlier drain's write pause did not hold")), log.toString());
    }

    @Test
    void aDrainThatFindsWritesPausedByAnEarlierOneResumesThemFirst() throws Exception {
        try (Db db = p.open()) {
            db.exec("UPDATE _migration_marker SET status = 'draining'"); // as a drain killed mid-pause leaves it
        }

        drain(60_000, true);

        assertTrue(log.stream().anyMatch(l -> l.startsWith("Writes were paused by an earlier drain that did not finish; "
                + "resumed them")), log.toString());
        assertEquals("ready", Rows.one(p.newDb(), "SELECT status FROM _migration_status"));
    }

    /** The first run's leftovers: a plain drain and cutover bring the new database to the oracle's content. */
    private void finishAndCompareWithOracle() throws Exception {
        p.drain();
        p.cutover();
        Path oracle = p.oracle(Files.createDirectory(base.resolve("oracle")));
        for (String sql : Shop.NEW_FULL) {
            Rows.assertSame(Rows.typed(oracle, sql), Rows.typed(p.newDb(), sql), sql);
        }
        Checks.assertSound(p.newDb());
    }

    @Test
    void drainCutoverRunAgainAfterItsCutoverCommittedSaysSoAndChangesNothing() throws Exception {
        drain(60_000, true);
        byte[] before = Files.readAllBytes(p.newDb());

        DrainResult again = drain(60_000, true);

        assertTrue(again.alreadyDrained() && again.cutOver(), "a rerun reports the finished cutover");
        assertEquals(p.newDb(), again.target());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(p.newDb())), "the rerun changed nothing");
    }

    @Test
    void aBrokenSchemaYamlDuringTheMigrationDoesNotStopDrainCutover() throws Exception {
        Files.writeString(p.dir.resolve("schema.yaml"), "name: [this is: not a schema");

        DrainResult r = drain(60_000, true);

        assertTrue(r.cutOver() && !r.alreadyDrained(), "the stored plan wins: " + log);
    }
}
