package dev.mig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a terminal and a pipe get from a command's progress: the printer is driven as a command drives
 * it, on a clock the test moves, and the bytes written are read back as each would show them.
 */
class ProgressPrinterTest {

    private final StringWriter written = new StringWriter();
    private long nowMs;

    private ProgressPrinter printer(ProgressPrinter.Mode mode, int width) {
        return new ProgressPrinter(new PrintWriter(written), mode, new Terminal(mode == ProgressPrinter.Mode.LIVE,
                width), () -> nowMs * 1_000_000);
    }

    private void copyATable(ProgressPrinter p) {
        p.tableStarted("order_lines_with_a_long_name", 12_800_000, 0);
        for (int i = 1; i <= 40; i++) {
            nowMs += 250;
            p.chunkCopied("order_lines_with_a_long_name", i * 320_000L, 12_800_000);
        }
        p.tableFinished("order_lines_with_a_long_name", 12_800_000, 10_000);
    }

    /** Every stretch a terminal shows on one row: text between carriage returns and newlines, escapes removed. */
    private List<String> rowsShown() {
        return Arrays.stream(written.toString().replace("\u001b[K", "").split("[\r\n]")).filter(s -> !s.isEmpty())
                .toList();
    }

    @Test
    void aTerminalOfEightyColumnsNeverGetsALineThatWraps() {
        ProgressPrinter p = printer(ProgressPrinter.Mode.LIVE, 80);
        copyATable(p);
        p.close();

        rowsShown().forEach(row -> assertTrue(row.length() < 80, "wraps at 80 columns: '" + row + "'"));
    }

    @Test
    void aNarrowTerminalStillShowsTheTablePercentageAndEta() {
        ProgressPrinter p = printer(ProgressPrinter.Mode.LIVE, 60);
        p.tableStarted("orders", 12_800_000, 0);
        nowMs += 1_000;
        p.chunkCopied("orders", 1_280_000, 12_800_000);

        String line = p.copyLine();
        assertTrue(line.length() < 60, line);
        assertTrue(line.contains("copy orders") && line.contains("10.0%") && line.contains("ETA 9 s"), line);
    }

    @Test
    void aWideTerminalShowsTheBarCountsAndRateToo() {
        ProgressPrinter p = printer(ProgressPrinter.Mode.LIVE, 120);
        p.tableStarted("orders", 1_000, 0);
        nowMs += 1_000;
        p.chunkCopied("orders", 500, 1_000);

        assertEquals("  copy orders [##########..........]  50.0% 500/1,000 rows 500/s ETA 1 s", p.copyLine());
    }

    @Test
    void aPipeGetsPlainLinesWithoutEscapesOrCarriageReturns() {
        ProgressPrinter p = printer(ProgressPrinter.Mode.PLAIN, 80);
        p.stepStarted("probe orders");
        nowMs += 1_500;
        p.stepFinished("probe orders", 1_500);
        copyATable(p);
        p.close();

        String out = written.toString();
        assertFalse(out.contains("\r") || out.contains("\u001b"), out);
        assertTrue(out.startsWith("  probe orders") && out.contains("1.5 s\n"), out);
        assertTrue(out.contains("  copy order_lines_with_a_long_name: 12,800,000 rows"), out);
    }

    @Test
    void aPipeHearsFromALongStepEveryOneAndAHalfSecondsSoNoLogIsSilentForTwo() {
        ProgressPrinter p = printer(ProgressPrinter.Mode.PLAIN, 80);
        p.stepStarted("build index orders_customer");
        for (int i = 0; i < 28; i++) {
            nowMs += 250;
            p.tick();
        }
        p.stepFinished("build index orders_customer", 7_000);

        List<String> lines = written.toString().lines().toList();
        assertEquals(List.of("  build index orders_customer: still running, 1.5 s",
                "  build index orders_customer: still running, 3.0 s",
                "  build index orders_customer: still running, 4.5 s",
                "  build index orders_customer: still running, 6.0 s"), lines.subList(0, 4));
        assertTrue(lines.get(4).matches("  build index orders_customer +7\\.0 s"), lines.get(4));
    }

    @Test
    void aStepInsideAnotherHandsTheHeartbeatBackToItWhenItEnds() {
        ProgressPrinter p = printer(ProgressPrinter.Mode.PLAIN, 80);
        p.stepStarted("make new.sqlite ready");
        p.stepStarted("run 2 cutover statements from schema.yaml");
        for (int i = 0; i < 6; i++) {
            nowMs += 250;
            p.tick();
        }
        p.stepFinished("run 2 cutover statements from schema.yaml", 1_500);
        for (int i = 0; i < 6; i++) {
            nowMs += 250;
            p.tick();
        }

        List<String> lines = written.toString().lines().toList();
        assertEquals("  run 2 cutover statements from schema.yaml: still running, 1.5 s", lines.get(0));
        assertEquals("  make new.sqlite ready: still running, 3.0 s", lines.get(2), written.toString());
    }

    @Test
    void aPipeGetsACopyLineEveryOneAndAHalfSecondsNotEveryChunk() {
        ProgressPrinter p = printer(ProgressPrinter.Mode.PLAIN, 80);
        copyATable(p); // 40 chunks over 10 s

        long copyLines = written.toString().lines().filter(l -> l.contains("%")).count();
        assertEquals(6, copyLines, written.toString());
    }

    @Test
    void noProgressPrintsOneLinePerStepAndNoHeartbeat() {
        ProgressPrinter p = printer(ProgressPrinter.Mode.LINES, 80);
        p.stepStarted("verify orders");
        for (int i = 0; i < 40; i++) {
            nowMs += 250;
            p.tick();
        }
        p.stepFinished("verify orders", 10_000);
        copyATable(p);

        assertEquals(2, written.toString().lines().count(), written.toString());
    }

    @Test
    void quietPrintsWarningsOnly() {
        ProgressPrinter p = printer(ProgressPrinter.Mode.QUIET, 80);
        p.stepStarted("probe orders");
        p.stepFinished("probe orders", 10);
        copyATable(p);
        p.info("  round 1: replayed 10 entries");
        p.warning("the disk is tight");

        assertEquals("WARNING: the disk is tight\n", written.toString());
    }

    @Test
    void aLineAfterALineDrawnInPlaceStartsOnItsOwnRow() {
        ProgressPrinter p = printer(ProgressPrinter.Mode.LIVE, 80);
        p.stepStarted("probe orders");
        p.warning("the disk is tight");

        assertTrue(written.toString().endsWith("\r\u001b[KWARNING: the disk is tight\n"), written.toString());
    }

    @Test
    void closingEndsALineDrawnInPlaceSoAnErrorStartsOnItsOwnRow() {
        ProgressPrinter p = printer(ProgressPrinter.Mode.LIVE, 80);
        p.stepStarted("probe orders");
        p.close();

        assertTrue(written.toString().endsWith("\r\u001b[K"), written.toString());
    }
}
