package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.DrainOptions;
import dev.mig.api.DrainResult;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.api.ResetResult;
import dev.mig.project.HoldFile;
import dev.mig.testing.Db;
import dev.mig.testing.PythonClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * drain --hold: the drain keeps up with a live application (a Python client opening a connection per
 * write) and pauses nothing while DIR/mig.hold exists; once an operator deletes it, the drain pauses,
 * cuts over, and every acknowledged write is in the new database.
 */
class DrainHoldTest {

    @TempDir
    Path base;

    @Test
    void aHeldDrainPausesNothingUntilTheHoldFileIsDeletedThenCutsOverWithEveryWrite() throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), ForeignClientsTest.V1, "WAL");
        List<String> said = new CopyOnWriteArrayList<>();
        List<Long> acked;
        DrainResult drained;
        try (PythonClient writer = PythonClient.start("insert_per_connection.py", p.oldDb, "users", base)) {
            writer.awaitAcknowledged(20);
            p.migrate(ForeignClientsTest.V2);
            CompletableFuture<DrainResult> drain = CompletableFuture.supplyAsync(() -> Mig.drain(
                    Project.at(p.dir, null), new DrainOptions(60_000, true, true, true), Progress.lines(said::add)));
            awaitLine(said, "Holding: ");
            int before = writer.acknowledged().size();
            writer.awaitAcknowledged(before + 100);

            assertTrue(Files.exists(HoldFile.of(p.dir)), "--hold created the file");
            assertTrue(Mig.status(Project.at(p.dir, null)).replay().held(), "status says it is held");
            try (Db db = Db.open(p.oldDb)) {
                assertEquals("recording", db.one("SELECT status FROM _migration_marker"), "nothing paused");
            }
            assertTrue(!drain.isDone(), "the drain waits for the hold: " + said);
            List<String> sofar = List.copyOf(said);
            List<String> whileHeld = sofar.subList(sofar.indexOf(sofar.stream().filter(l -> l.startsWith("Holding: "))
                    .findFirst().orElseThrow()), sofar.size());
            assertTrue(whileHeld.stream().noneMatch(l -> l.startsWith("  round ")),
                    "the holding line sums up the rounds while held: " + whileHeld);

            Files.delete(HoldFile.of(p.dir));
            drained = drain.get(60, TimeUnit.SECONDS);
            acked = writer.acknowledged();
            writer.awaitRejections(3);
        }
        assertTrue(drained.cutOver(), said.toString());
        TreeSet<Long> missing = new TreeSet<>(acked);
        try (Db db = Db.open(p.newDb())) {
            db.rows("SELECT id FROM users").forEach(id -> missing.remove(Long.parseLong(id)));
        }
        assertEquals(new TreeSet<Long>(), missing, "acknowledged writes missing from the new database");
    }

    @Test
    void resetDeletesTheHoldFileWithTheMigrationSoTheNextDrainDoesNotHold() throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), ForeignClientsTest.V1, "WAL");
        p.migrate(ForeignClientsTest.V2);
        HoldFile.hold(p.dir);

        ResetResult r = Mig.reset(Project.at(p.dir, null), false);

        assertTrue(r.actions().stream().anyMatch(a -> a.startsWith("delete the hold file")), r.actions().toString());
        assertTrue(!Files.exists(HoldFile.of(p.dir)));
    }

    private static void awaitLine(List<String> said, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (said.stream().noneMatch(l -> l.startsWith(prefix))) {
            assertTrue(System.nanoTime() < deadline, "no '" + prefix + "' line: " + said);
            Thread.sleep(20);
        }
    }
}
