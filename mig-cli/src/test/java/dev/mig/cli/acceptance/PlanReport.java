package dev.mig.cli.acceptance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

/** Assertions on the text {@code mig plan} prints: whole lines, whatever the column padding. */
final class PlanReport {
    private PlanReport() {
    }

    /** A line made of these cells, in order, separated by the report's padding. */
    static void assertRow(String report, String... cells) {
        StringBuilder regex = new StringBuilder("(?m)^  ");
        for (int i = 0; i < cells.length; i++) {
            regex.append(i == 0 ? "" : " {2,}").append(Pattern.quote(cells[i]));
        }
        regex.append("$");
        assertTrue(Pattern.compile(regex.toString()).matcher(report).find(),
                "no line " + String.join(" | ", cells) + " in:\n" + report);
    }

    /** The report says the plan can run, with no blocker listed. */
    static void assertCanMigrate(String report) {
        assertTrue(report.endsWith("\nCan migrate: yes\n"), report);
    }

    /** The report says the plan cannot run, and lists exactly this blocker line (among others). */
    static void assertBlocker(String report, String message) {
        int at = report.indexOf("\nCan migrate: no\n");
        assertTrue(at >= 0, "not blocked:\n" + report);
        assertTrue(report.substring(at).lines().anyMatch(l -> l.equals("  - " + message)),
                "no blocker '" + message + "' in:\n" + report);
    }
}
