package dev.mig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.Phase;
import dev.mig.api.StatusReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What 'mig status' says of a command at work, of one that was killed, and how --watch redraws. */
class StatusTextTest {

    /** 'mig migrate' as the project lock names it: at work, or killed. */
    private static StatusReport.Runner migrate(boolean running) {
        return new StatusReport.Runner(4242, "mig migrate", "2026-12-07T15:00:00Z", running);
    }

    private static StatusReport copying(StatusReport.Runner runner, double rate, Long eta) {
        return new StatusReport(Phase.COPYING, "/p", null, null, List.of(new StatusReport.TableCopy("orders",
                1_000_000, 250_000, 25.0, rate, eta, false)), null, false, List.of(), runner, eta);
    }

    @Test
    void aRunningCommandIsNamedWithItsRateAndEtaAndTheAdviceIsToWait() {
        String text = StatusCommand.render(copying(migrate(true), 50_000, 15L));

        assertTrue(text.contains("Running:       'mig migrate' (pid 4242, since 2026-12-07T15:00:00Z)"), text);
        assertTrue(text.contains("50,000/s  ETA 15 s"), text);
        assertTrue(text.contains("ETA:           about 15 s"), text);
        assertTrue(text.endsWith("Next: wait for 'mig migrate' to finish.\n"), text);
    }

    @Test
    void aKilledCommandIsStoppedWithoutRateOrEtaAndTheAdviceIsToRerunIt() {
        String text = StatusCommand.render(copying(migrate(false), 0, null));

        assertTrue(text.contains("Stopped:       'mig migrate' (pid 4242, since 2026-12-07T15:00:00Z) stopped without "
                + "finishing"), text);
        assertFalse(text.contains("ETA"), text);
        assertTrue(text.contains("not copying"), text);
        assertTrue(text.contains("'mig migrate' stopped before it finished: run it again to finish, or 'mig reset' to "
                + "undo the migration."), text);
    }

    @Test
    void aCommandKilledAfterCutoverIsNotToldToReset() {
        String text = StatusCommand.render(new StatusReport(Phase.READY, "/p", null, null, List.of(), null, false,
                List.of(), new StatusReport.Runner(4242, "mig archive-old", "2026-12-07T15:00:00Z", false), null));

        assertTrue(text.contains("('mig archive-old' stopped before it finished: run it again to finish.)"), text);
        assertFalse(text.contains("mig reset"), text);
    }

    @Test
    void watchRedrawsInPlaceClearingOnlyOnceBeforeTheFirstReport() {
        String first = StatusCommand.inPlace("Phase: copying\nNext: wait\n", true);
        String later = StatusCommand.inPlace("Phase: recording\n", false);

        assertEquals("\u001b[H\u001b[2JPhase: copying\u001b[K\nNext: wait\u001b[K\n\u001b[J", first);
        assertEquals("\u001b[HPhase: recording\u001b[K\n\u001b[J", later);
    }

    @Test
    void aKilledCopyIsToldToRunMigrateAgainNotToWaitForIt() {
        String text = StatusCommand.render(copying(migrate(false), 0, null));

        assertTrue(text.contains("Next: 'mig migrate' again, to resume the copy."), text);
        assertFalse(text.contains("wait for"), text);
    }

    @Test
    void aCopyRowWithItsRateAndEtaFitsEightyColumns() {
        String text = StatusCommand.render(copying(migrate(true), 1_769_912, 3_600L));

        String row = text.lines().filter(l -> l.contains("orders")).findFirst().orElseThrow();
        assertTrue(row.length() < 80, row.length() + " columns: " + row);
        assertTrue(row.contains("1,769,912/s  ETA 1 h 00 min"), row);
    }

    @Test
    void lessThanASecondLeftIsSaidSoNotZeroMilliseconds() {
        String text = StatusCommand.render(copying(migrate(true), 400_000, 0L));

        assertTrue(text.contains("ETA under 1 s"), text);
        assertTrue(text.contains("ETA:           under 1 s until"), text);
        assertFalse(text.contains("0 ms"), text);
    }

    @Test
    void aWatchFrameWithMoreTablesThanTheTerminalHasRowsShowsThoseStillToCopyAndCountsTheRest() {
        List<StatusReport.TableCopy> tables = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            boolean done = i < 25;
            tables.add(new StatusReport.TableCopy("table_" + i, 1_000, done ? 1_000 : 10, done ? 100 : 1, done ? 0 : 500,
                    done ? 0L : 2L, done));
        }
        StatusReport r = new StatusReport(Phase.COPYING, "/p", null, null, tables, null, false, List.of(),
                migrate(true), 10L);

        String frame = StatusCommand.fit(r, new Terminal(true, 60, 24));

        assertTrue(frame.lines().count() <= 23, frame);
        assertTrue(frame.contains("table_25") && frame.contains("table_29"), frame);
        assertFalse(frame.contains("table_0 "), frame);
        assertTrue(frame.contains("and 25 more tables (25 done of 30)"), frame);
        assertTrue(frame.lines().allMatch(l -> l.length() < 60), frame);
    }
}
