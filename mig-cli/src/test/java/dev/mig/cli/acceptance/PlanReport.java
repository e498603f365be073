package dev.mig.cli.acceptance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

/** Assertions on the text {@code mig plan} prints: whole lines, whatever the column padding. */
final class PlanReport {
    private PlanReport() {
    }

    /**
     * A line made of these cells, in order, separated by the report's padding; before a kind cell
     * ({@code TABLE_RENAMED}, {@code NULLS_IN_NOT_NULL}) stands its rule code, as PlanTextTest pins.
     */
    static void assertRow(String report, String... cells) {
        StringBuilder regex = new StringBuilder("(?m)^  ");
        for (int i = 0; i < cells.length; i++) {
            regex.append(i == 0 ? "" : " {2,}");
            if (cells[i].matches("[A-Z]+(_[A-Z]+)+")) {
                regex.append("MIG\\d{3} {2,}");
            }
            regex.append(Pattern.quote(cells[i]));
        }
        regex.append("$");
        assertTrue(Pattern.compile(regex.toString()).matcher(report).find(),
                "no line " + String.join(" | ", cells) + " in:\n" + report);
    }

    /** The report says the plan can run, with no blocker listed: the verdict, then the findings' summary. */
    static void assertCanMigrate(String report) {
        int at = report.indexOf("\nCan migrate: yes\n");
        assertTrue(at >= 0, report);
        assertTrue(report.substring(at).lines().noneMatch(l -> l.startsWith("  - ")), report);
    }

    /** The report says the plan cannot run, and lists exactly this blocker line, after its rule code (among others). */
    static void assertBlocker(String report, String message) {
        int at = report.indexOf("\nCan migrate: no\n");
        assertTrue(at >= 0, "not blocked:\n" + report);
        assertTrue(report.substring(at).lines().anyMatch(l -> l.matches("  - MIG\\d{3} " + java.util.regex.Pattern.quote(message))),
                "no blocker '" + message + "' in:\n" + report);
    }
}
