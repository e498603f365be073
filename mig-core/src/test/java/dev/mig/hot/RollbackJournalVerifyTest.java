package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.DrainOptions;
import dev.mig.api.DrainResult;
import dev.mig.api.MigException;
import dev.mig.api.Progress;
import dev.mig.capture.Capture;
import dev.mig.sql.SqliteFiles;
import dev.mig.state.StateStore;
import dev.mig.testing.Db;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollback-journal source is never cut over unverified unless asked to be: it cannot be verified while
 * the application writes, so drain verifies it inside the write pause when that fits, and cutover
 * otherwise needs a 'mig verify' at the drained position or --no-verify.
 */
class RollbackJournalVerifyTest {

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    private HotProject migrated(String journalMode, int rows) throws Exception {
        HotProject p = HotProject.bootstrap(dir, Shop.V1, journalMode);
        try (Db db = p.open()) {
            Shop.fill(db, rows, rows * 2);
        }
        p.migrate(Shop.V2);
        return p;
    }

    private DrainResult drain(HotProject p, long maxPauseMs, boolean cutover, boolean verify) {
        return Mig.drain(HotProject.project(p.dir), new DrainOptions(maxPauseMs, cutover, verify), Progress.lines(log::add));
    }

    private static boolean ready(HotProject p) {
        return StateStore.isReady(p.newDb());
    }

    @Test
    void drainCutoverVerifiesInsideThePauseAndCutsOver() throws Exception {
        HotProject p = migrated("DELETE", 50);

        DrainResult r = drain(p, 3_000, true, true);

        assertTrue(r.cutOver() && ready(p));
        assertTrue(r.verified() != null && r.verified().equal(), "the in-pause verify is the drain's");
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Verified inside the pause: ")), log.toString());
    }

    @Test
    void aPlainDrainVerifiesInsideThePauseSoThatCutoverNeedsNothingMore() throws Exception {
        HotProject p = migrated("DELETE", 50);

        drain(p, 3_000, false, true);
        p.cutover();

        assertTrue(ready(p));
    }

    @Test
    void withoutAVerifyAtTheDrainedPositionCutoverRefusesUntilVerifyRuns() throws Exception {
        HotProject p = migrated("DELETE", 50);
        drain(p, 3_000, false, false);

        MigException e = assertThrows(MigException.class, p::cutover);

        assertEquals(MigException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().startsWith("The new database has not been verified against the old one as drained"),
                e.getMessage());
        assertTrue(e.hint().contains("'mig verify'") && e.hint().contains("--no-verify"), e.hint());
        assertFalse(ready(p));

        assertTrue(Mig.verify(HotProject.project(p.dir)).equal());
        p.cutover();
        assertTrue(ready(p));
    }

    @Test
    void cutoverNoVerifyIsTheExplicitWayToSkipIt() throws Exception {
        HotProject p = migrated("DELETE", 50);
        drain(p, 3_000, false, false);

        Mig.cutover(HotProject.project(p.dir), true);

        assertTrue(ready(p));
    }

    @Test
    void drainCutoverWhoseVerifyCannotFitThePauseIsRefusedBeforePausing() throws Exception {
        HotProject p = migrated("DELETE", 20_000);

        MigException e = assertThrows(MigException.class, () -> drain(p, 0, true, true));

        assertTrue(e.getMessage().contains("rollback-journal mode") && e.getMessage().endsWith("Nothing was paused."),
                e.getMessage());
        assertTrue(e.hint().contains("'mig verify'") && e.hint().contains("WAL"), e.hint());
        try (Connection old = SqliteFiles.openReadOnly(p.oldDb)) {
            assertEquals(Capture.Marker.RECORDING, Capture.marker(old), "the application still writes");
        }
    }

    @Test
    void drainCutoverWhosePauseRanShortOfTimeForTheVerifyResumesWritesAndDrainsNothing() throws Exception {
        HotProject p = migrated("DELETE", 20_000);
        System.setProperty("mig.test.pauseDelayMs", "1900"); // a slow flip: the pause budget is all but spent
        MigException e;
        try {
            e = assertThrows(MigException.class, () -> drain(p, 2_000, true, true));
        } finally {
            System.clearProperty("mig.test.pauseDelayMs");
        }

        // Usually the verify no longer fits; on a slow machine the deadline itself may pass first. Either
        // way the pause ends and nothing is drained.
        assertTrue(e.getMessage().contains("cannot be verified before this cutover. Writes to the old database were "
                + "resumed; nothing was marked drained.") || e.getMessage().contains("so writes to the old database "
                + "were resumed"), e.getMessage());
        assertFalse(ready(p));
        try (Connection old = SqliteFiles.openReadOnly(p.oldDb)) {
            assertEquals(Capture.Marker.RECORDING, Capture.marker(old), "the application writes again");
        }
    }

    @Test
    void verifyAfterCutoverReportsTheComparisonTheCutoverWasMadeOn() throws Exception {
        HotProject p = migrated("DELETE", 50);
        DrainResult r = drain(p, 3_000, true, true);

        var after = Mig.verify(HotProject.project(p.dir));

        assertTrue(after.atCutover() && after.equal(), after.toString());
        assertEquals(r.verified().logPosition(), after.logPosition());
        assertEquals(p.newDb(), after.target());
    }

    @Test
    void verifyAfterAnUnverifiedCutoverSaysSo() throws Exception {
        HotProject p = migrated("DELETE", 50);
        drain(p, 3_000, true, false);

        MigException e = assertThrows(MigException.class, () -> Mig.verify(HotProject.project(p.dir)));

        assertEquals(MigException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("was cut over without a verify at the drained state"), e.getMessage());
    }

    @Test
    void aWalSourceWasVerifiedBeforeThePauseAndNeedsNoVerifyAtCutover() throws Exception {
        HotProject p = migrated("WAL", 50);
        drain(p, 3_000, false, false);

        p.cutover();

        assertTrue(ready(p));
    }
}
