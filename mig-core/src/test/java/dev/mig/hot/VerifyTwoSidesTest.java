package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.Project;
import dev.mig.api.VerifyResult;
import dev.mig.common.TestFaults;
import dev.mig.testing.Db;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify sums the old side and the new side on two connections at once after committing its replay,
 * when no write reached the old database in between; otherwise it compares on one connection in one
 * transaction. Either way the verdict is the comparison at one log position.
 */
class VerifyTwoSidesTest {

    @TempDir
    java.nio.file.Path base;
    HotProject p;

    @BeforeEach
    void migratedWithWritesToReplay() throws Exception {
        p = StatusVerifyArchiveTest.items(base, "WAL", 2000);
        p.migrate(StatusVerifyArchiveTest.V2);
        try (Db db = p.open()) {
            db.exec("UPDATE items SET qty = qty + 1 WHERE id <= 50");
        }
    }

    @AfterEach
    void noMoreActions() {
        TestFaults.clear();
    }

    private VerifyResult verify() {
        return Mig.verify(Project.at(p.dir, null));
    }

    private long logged() {
        try (Db db = p.open()) {
            return Long.parseLong(db.one("SELECT max(seq) FROM _migration_log"));
        }
    }

    @Test
    void withNoWriteMeanwhileBothSidesAreComparedAtTheReplayedPosition() {
        VerifyResult r = verify();

        assertTrue(r.equal(), r.summary());
        assertEquals(logged(), r.logPosition());
    }

    @Test
    void anApplicationWriteBetweenTheReplayAndTheComparisonIsReplayedAndComparedToo() {
        AtomicInteger writes = new AtomicInteger();
        TestFaults.onPoint("verify-replayed", () -> {
            try (Db db = p.open()) {
                db.exec("INSERT INTO items VALUES (9001, 'written meanwhile', 3)");
            }
            writes.incrementAndGet();
        });

        VerifyResult r = verify();

        assertEquals(1, writes.get());
        assertTrue(r.equal(), r.summary());
        assertEquals(logged(), r.logPosition(), "compared at the position after the write, not the replayed one");
        try (Db db = Db.open(p.newDb())) {
            assertEquals("1", db.one("SELECT count(*) FROM items WHERE id = 9001"), "the write was replayed");
        }
    }

    @Test
    void aDifferenceInTheNewDatabaseIsFoundAndShownComparingBothSidesAtOnce() {
        try (Db db = Db.open(p.newDb())) {
            db.exec("UPDATE items SET qty = 999 WHERE id = 700"); // a row no replay rewrites
        }

        VerifyResult r = verify();

        assertFalse(r.equal());
        assertTrue(r.tables().get(0).newOnly().stream().anyMatch(row -> row.contains("999")), r.summary());
        assertTrue(r.tables().get(0).oldOnly().stream().anyMatch(row -> row.startsWith("700|")), r.summary());
    }
}
