package dev.mig.cli.acceptance;

import static dev.mig.cli.acceptance.Cli.mig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mig.testkit.NotNullPullRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mig plan --format}, {@code --out}, {@code --fail-on}, {@code --rules} and {@code mig rules}
 * through the command line, on the pull request of issue 19: a NOT NULL column over rows with NULLs.
 */
class PlanFormatsTest {

    private static final String ITEMS = NotNullPullRequest.LIVE_SQL;
    private static final String NOT_NULL = NotNullPullRequest.SCHEMA;
    private static final String WITH_FROM = NotNullPullRequest.SCHEMA_WITH_FROM;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void project() throws Exception {
        db = Fixture.database(dir.resolve("app.sqlite"), "PRAGMA journal_mode=WAL;" + ITEMS);
        Files.writeString(dir.resolve("schema.yaml"), NOT_NULL);
    }

    private Cli.Run plan(String... more) {
        String[] args = new String[more.length + 5];
        args[0] = "plan";
        args[1] = "-d";
        args[2] = dir.toString();
        args[3] = "--source";
        args[4] = db.toString();
        System.arraycopy(more, 0, args, 5, more.length);
        return mig(args);
    }

    @Test
    void textEndsWithTheFindingsAndWhatFailOnDecided() {
        Cli.Run run = plan();

        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.out().contains("  - MIG101 column items.name: 2 rows are NULL"), run.out());
        assertTrue(run.out().endsWith("\nFindings: 1 error, 1 notice. --fail-on error: fails (1 finding at error level "
                + "or above).\n"), run.out());
    }

    @Test
    void markdownIsTheCommentWithTheCount() {
        Cli.Run run = plan("--format", "markdown");

        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.out().startsWith("<!-- mig-plan -->\n### mig plan: `app` is **blocked**"), run.out());
        assertTrue(run.out().contains("| error | MIG101 | `items.name` | 2 |"), run.out());
    }

    @Test
    void sarifPointsAtTheColumnsLine() throws Exception {
        Cli.Run run = plan("--format", "sarif", "--sarif-base", dir.toString());

        JsonNode result = JSON.readTree(run.out()).at("/runs/0/results/0");
        assertEquals("MIG101", result.at("/ruleId").asText());
        assertEquals("schema.yaml", result.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(6, result.at("/locations/0/physicalLocation/region/startLine").asInt());
    }

    @Test
    void jsonIsTheSameAsFormatJsonAndCarriesTheFindings() throws Exception {
        JsonNode a = JSON.readTree(plan("--json").out());
        JsonNode b = JSON.readTree(plan("--format", "json").out());
        ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("disk"); // free space moves between runs
        ((com.fasterxml.jackson.databind.node.ObjectNode) b).remove("disk");

        assertEquals(a, b);
        assertEquals("MIG101", a.at("/findings/0/code").asText());
        assertEquals(2, a.at("/findings/0/rows").asInt());
        assertFalse(a.get("passes").asBoolean());
    }

    @Test
    void outWritesEveryFormatFromOnePlan() throws Exception {
        Path sarif = dir.resolve("mig.sarif");
        Path md = dir.resolve("comment.md");

        Cli.Run run = plan("--out", "sarif=" + sarif, "--out", "markdown=" + md);

        assertEquals(1, run.exit());
        assertTrue(run.out().contains("Can migrate: no"), "stdout keeps the text report");
        assertEquals("MIG101", JSON.readTree(Files.readString(sarif)).at("/runs/0/results/0/ruleId").asText());
        assertTrue(Files.readString(md).contains("| error | MIG101 | `items.name` | 2 |"));
    }

    @Test
    void aBadOutWritesNothingAndExits2() {
        Map<String, String> before = Fixture.snapshot(dir);

        Cli.Run run = plan("--out", "markdown=" + dir.resolve("comment.md"), "--out", "sarif=" + dir.resolve("no/such/x"));

        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("does not exist"), run.err());
        assertEquals(before, Fixture.snapshot(dir));
    }

    @Test
    void anOutThroughALinkToNowhereIsRefusedBeforePlanning() throws Exception {
        java.nio.file.Files.createSymbolicLink(dir.resolve("dangling.sarif"), dir.resolve("nowhere/x.sarif"));
        Map<String, String> before = Fixture.snapshot(dir);

        Cli.Run run = plan("--out", "sarif=" + dir.resolve("dangling.sarif"));

        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("is a symbolic link to a path that does not exist"), run.err());
        assertFalse(run.err().contains("probe the data"), "checked before planning: " + run.err());
        assertEquals(before, Fixture.snapshot(dir));
    }

    @Test
    void anUnknownFormatIsBadInput() {
        Cli.Run run = plan("--format", "html");

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--format html is not a format"), run.err());
    }

    @Test
    void anExplicitFormatWinsOverJson() throws Exception {
        Cli.Run run = plan("--json", "--format", "sarif");

        assertEquals("2.1.0", JSON.readTree(run.out()).get("version").asText(), run.out());
    }

    @Test
    void aReportNeverReplacesTheProjectsFiles() throws Exception {
        Map<String, String> before = Fixture.snapshot(dir);

        for (String target : new String[] {db.toString(), db + "-wal", dir.resolve("schema.yaml").toString(),
                dir.resolve("mig.properties").toString(), dir.resolve("app-0123456789abcdef.sqlite").toString()}) {
            Cli.Run run = plan("--out", "json=" + target);
            assertEquals(2, run.exit(), target + ": " + run);
            assertTrue(run.err().contains("a report never replaces it"), run.err());
        }
        assertEquals(before, Fixture.snapshot(dir));
    }

    @Test
    void aReportNeverWritesThroughALinkToAProjectFile() throws Exception {
        Files.writeString(dir.resolve("mig.properties"), "# the project's settings\n");
        Files.createSymbolicLink(dir.resolve("link.yaml"), dir.resolve("schema.yaml"));
        Files.createLink(dir.resolve("hard.properties"), dir.resolve("mig.properties"));
        Map<String, String> before = Fixture.snapshot(dir);

        assertEquals(2, plan("--out", "json=" + dir.resolve("link.yaml")).exit());
        assertEquals(2, plan("--out", "json=" + dir.resolve("hard.properties")).exit());

        assertEquals(before, Fixture.snapshot(dir));
    }

    @Test
    void aSarifBaseThatIsNotADirectoryIsBadInput() {
        Cli.Run run = plan("--format", "sarif", "--sarif-base", dir.resolve("schema.yaml").toString());

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("is not a directory"), run.err());
    }

    @Test
    void aRulesUrlThatIsNotAUrlIsBadInputAndAFragmentIsReplaced() throws Exception {
        assertEquals(2, plan("--format", "sarif", "--rules-url", "not a url").exit());

        JsonNode sarif = JSON.readTree(plan("--format", "sarif", "--rules-url", "https://x.example/rules.md#top").out());

        assertTrue(sarif.at("/runs/0/tool/driver/rules/0/helpUri").asText()
                .matches("https://x\\.example/rules\\.md#mig\\d{3}-[a-z0-9-]+"), sarif.toString());
    }

    @Test
    void aSarifBaseThroughASymbolicLinkStillGivesRelativePaths() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolveSibling(dir.getFileName() + "-link"), dir);
        try {
            Cli.Run run = mig("plan", "-d", link.toString(), "--source", link.resolve("app.sqlite").toString(),
                    "--format", "sarif", "--sarif-base", dir.toString());

            assertEquals("schema.yaml", JSON.readTree(run.out())
                    .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void aBrokenSchemaIsExit2WithSarifAtItsLineOnStdoutAndInOutFiles() throws Exception {
        Files.writeString(dir.resolve("schema.yaml"), NOT_NULL.replace("primaryKey: true", "primaryKey: tru"));
        Path sarif = dir.resolve("mig.sarif");

        Cli.Run run = plan("--format", "sarif", "--sarif-base", dir.toString(), "--out", "sarif=" + sarif,
                "--out", "markdown=" + dir.resolve("comment.md"));

        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("must be true, false or desc"), run.err());
        JsonNode result = JSON.readTree(run.out()).at("/runs/0/results/0");
        assertEquals("MIG200", result.at("/ruleId").asText());
        assertEquals(5, result.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(run.out(), Files.readString(sarif));
        assertFalse(Files.exists(dir.resolve("comment.md")), "only SARIF can say where the schema is broken");
    }

    @Test
    void stdoutThatCannotBeWrittenIsARuntimeFailure() {
        java.io.OutputStream full = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }
        };
        java.io.StringWriter err = new java.io.StringWriter();

        int exit = dev.mig.cli.MigCommand.commandLine(new java.io.PrintWriter(full), new java.io.PrintWriter(err))
                .execute("plan", "-d", dir.toString(), "--source", db.toString(), "--format", "sarif", "-q");

        assertEquals(3, exit, err.toString());
        assertTrue(err.toString().contains("could not write the output"), err.toString());
    }

    @Test
    void aReportNeverTakesTheNameOfTheDatabaseMigrateWillCreate() throws Exception {
        JsonNode plan = JSON.readTree(plan("--json").out());
        String target = plan.get("target").asText();

        Cli.Run run = plan("--out", "markdown=" + target.replace(".sqlite", ".md"), "--out", "json=" + target);

        assertEquals(2, run.exit(), run.toString());
        assertFalse(Files.exists(Path.of(target)));
        assertFalse(Files.exists(Path.of(target.replace(".sqlite", ".md"))), "nothing is written");
    }

    @Test
    void rulesAcceptBlanksAroundTheEqualsSign() {
        assertEquals(0, plan("--rules", "MIG101 = warning").exit());
    }

    @Test
    void aReportPathInMigPropertiesIsTheFilesOwn() throws Exception {
        Files.writeString(dir.resolve("mig.properties"), "plan.out = markdown=comment.md\n");

        Cli.Run run = mig("plan", "-d", dir.toString(), "--source", db.toString());

        assertEquals(1, run.exit(), run.toString());
        assertTrue(Files.readString(dir.resolve("comment.md")).contains("MIG101"));
    }

    @Test
    void anErrorUnderFormatJsonIsAnErrorDocument() throws Exception {
        Cli.Run run = plan("--format", "json", "--fail-on", "sometimes");

        assertEquals(2, run.exit());
        assertEquals("input", JSON.readTree(run.out()).at("/error/kind").asText());
    }

    @Test
    void theFromExpressionMakesThePlanPass() throws Exception {
        Files.writeString(dir.resolve("schema.yaml"), WITH_FROM);

        assertEquals(0, plan().exit());
        assertEquals(1, plan("--fail-on", "notice").exit(), "its changes are notices");
        assertEquals(0, plan("--fail-on", "warning").exit());
    }

    @Test
    void failOnNeverPassesABlockedPlanWhichStaysBlocked() {
        Cli.Run run = plan("--fail-on", "never");

        assertEquals(0, run.exit());
        assertTrue(run.out().contains("Can migrate: no"), run.out());
    }

    @Test
    void rulesFromTheCommandLineAreAppliedAndSaid() {
        Cli.Run run = plan("--rules", "MIG101=warning");

        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("Rules changed by this project: MIG101 error -> warning"), run.out());
    }

    @Test
    void rulesFromMigPropertiesAreAppliedToo() throws Exception {
        Files.writeString(dir.resolve("mig.properties"), "rules = MIG101=off\n");

        Cli.Run run = plan("--fail-on", "warning");

        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("MIG101 off"), run.out());
    }

    @Test
    void aBadRuleIsBadInputThatNamesIt() {
        Cli.Run run = plan("--rules", "MIG999=off");

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("'MIG999=off' names no rule"), run.err());
    }

    @Test
    void rulesListsEveryCodeAndExplainsOne() {
        Cli.Run list = mig("rules");
        Cli.Run one = mig("rules", "mig101");
        Cli.Run none = mig("rules", "MIG999");

        assertEquals(0, list.exit());
        assertTrue(list.out().contains("MIG101  error    NULL values in a column that becomes NOT NULL"), list.out());
        assertTrue(one.out().startsWith("## MIG101 NULL values in a column that becomes NOT NULL\n"), one.out());
        assertTrue(one.out().contains("How to fix:"), one.out());
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("no rule has the code MIG999"), none.err());
    }
}
