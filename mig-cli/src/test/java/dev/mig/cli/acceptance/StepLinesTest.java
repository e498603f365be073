package dev.mig.cli.acceptance;

import static dev.mig.cli.acceptance.Cli.mig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No silent phase: each command says on stderr every step it takes, each with its duration, in the
 * order it takes them; stdout keeps the result. Tests run with stderr a pipe, so these are the plain
 * lines a log file gets.
 */
class StepLinesTest {

    @TempDir
    Path tmp;
    Path dir;

    @BeforeEach
    void project() {
        dir = Fixture.project(tmp, "app", Fixture.NOTES_V2 + """
                    indexes:
                      notes_body: {columns: [body]}
                """, Fixture.NOTES + "INSERT INTO notes (body) VALUES ('one'), ('two'), ('three');");
    }

    @Test
    void migrateSaysEachStepWithItsDurationInOrder() {
        Cli.Run run = mig("migrate", "-d", dir.toString());

        assertEquals(0, run.exit(), run.toString());
        assertInOrder(run.err(), "read the schema of app-", "count rows", "probe the data (", "check replay keys",
                "create app-", "install change capture on 1 table", "copy notes: 3 rows", "build index notes_body");
        run.err().lines().forEach(l -> assertTrue(l.matches("  .* \\d+(\\.\\d)? (ms|s)"), "no duration: '" + l + "'"));
        assertTrue(run.out().contains("the whole command took"), run.out());
    }

    @Test
    void planSaysWhatItReadsOnStderrAndKeepsStdoutForThePlan() {
        Cli.Run run = mig("plan", "-d", dir.toString());

        assertEquals(0, run.exit(), run.toString());
        assertInOrder(run.err(), "read the schema of app-", "probe the data (");
        assertFalse(run.out().contains("probe the data"), run.out());
    }

    @Test
    void drainOfARollbackJournalSourceSaysItsVerifyInsideThePauseTableByTable() {
        assertEquals(0, mig("migrate", "-d", dir.toString()).exit());

        Cli.Run run = mig("drain", "-d", dir.toString());

        assertEquals(0, run.exit(), run.toString());
        assertInOrder(run.err(), "check the new database (integrity, foreign keys)", "Pausing writes", "verify notes",
                "Verified inside the pause: 1 table equal");
        assertTrue(run.out().contains("1 round") || run.out().contains("0 rounds"), run.out());
    }

    @Test
    void cutoverSaysItsGuardsItsStatementsAndTheFlip() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("schema.yaml"), Fixture.NOTES_V2 + """
                cutover:
                  - UPDATE notes SET pinned = 1 WHERE body = 'one'
                """);
        assertEquals(0, mig("migrate", "-d", dir.toString()).exit());
        assertEquals(0, mig("drain", "-d", dir.toString()).exit());

        Cli.Run run = mig("cutover", "-d", dir.toString());

        assertEquals(0, run.exit(), run.toString());
        assertInOrder(run.err(), "check cutover's guards", "run 1 cutover statement from schema.yaml", "make app-");
        run.err().lines().forEach(l -> assertTrue(l.matches("  .* \\d+(\\.\\d)? (ms|s)"), "no duration: '" + l + "'"));
        assertTrue(run.out().startsWith("Cut over: "), run.out());
    }

    @Test
    void quietLeavesStderrEmptyAndTheResultOnStdout() {
        Cli.Run run = mig("migrate", "--quiet", "-d", dir.toString());

        assertEquals(0, run.exit(), run.toString());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("Copied 3 rows"), run.out());
    }

    @Test
    void noProgressKeepsOneLinePerStep() {
        Cli.Run run = mig("migrate", "--no-progress", "-d", dir.toString());

        assertEquals(0, run.exit(), run.toString());
        assertInOrder(run.err(), "probe the data (", "copy notes: 3 rows");
        assertFalse(run.err().contains("%"), run.err());
    }

    private static void assertInOrder(String text, String... parts) {
        int at = 0;
        for (String part : List.of(parts)) {
            int found = text.indexOf(part, at);
            assertTrue(found >= 0, "'" + part + "' missing after position " + at + " in:\n" + text);
            at = found + part.length();
        }
    }
}
