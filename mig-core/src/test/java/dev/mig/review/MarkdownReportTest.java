package dev.mig.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.FailOn;
import dev.mig.api.PlanReview;
import dev.mig.api.RuleSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {

    @TempDir
    Path dir;

    private String markdown(String schema, String rules, FailOn failOn) {
        return MarkdownReport.render(Review.review(Review.project(dir, schema, Review.ITEMS), rules, failOn));
    }

    @Test
    void startsWithTheMarkerAndTheVerdict() {
        String md = markdown(Review.NAME_NOT_NULL, null, FailOn.ERROR);

        assertTrue(md.startsWith(MarkdownReport.MARKER + "\n### mig plan: `app` is **blocked**\n"), md);
        assertTrue(md.contains("**1 error, 1 notice** · --fail-on error: fails (1 finding at error level or above)."),
                md);
    }

    @Test
    void theFindingNamesTheColumnAndTheCount() {
        String md = markdown(Review.NAME_NOT_NULL, null, FailOn.ERROR);

        assertTrue(md.lines().anyMatch(l -> l.startsWith("| error | MIG101 | `items.name` | 2 | column items.name: 2 rows "
                + "are NULL")), md);
    }

    @Test
    void saysTheCopySizeTimeAndPause() {
        String md = markdown(Review.NAME_FROM, null, FailOn.ERROR);

        assertTrue(md.contains("| To copy | 4 rows, about "), md);
        assertTrue(md.contains("| Write pause | under 100 ms"), md);
    }

    @Test
    void listsEachTablesChangesAndWhatToDo() {
        String md = markdown(Review.NAME_FROM, null, FailOn.ERROR);

        assertTrue(md.contains("| `items` | rebuild | 4 | items.name "), md);
        assertTrue(md.contains("### mig plan: `app` is **ready to migrate**"), md);
        assertTrue(md.contains("run `mig migrate`, then `mig drain --cutover`"), md);
    }

    @Test
    void saysWhichRulesTheProjectChanged() {
        String md = markdown(Review.NAME_NOT_NULL, "MIG101=warning", FailOn.ERROR);

        assertTrue(md.contains("| warning (set by project) | MIG101 |"), md);
        assertTrue(md.contains("Rules changed by this project: MIG101 error -> warning."), md);
        assertTrue(md.contains("is **blocked**"), "the verdict is migrate's: " + md);
    }

    @Test
    void aPlanWhoseSourceWasNotFoundStillRenders() {
        dev.mig.api.PlanReport found = Review.plan(Review.project(dir, Review.NAME_NOT_NULL, Review.ITEMS));
        dev.mig.api.PlanReport noSource = new dev.mig.api.PlanReport(found.dir(), found.schemaFile(), null,
                found.target(), false, false, new dev.mig.api.Refusal("two databases could be the source",
                "name it with --source"), false, found.plan(), null);

        String md = MarkdownReport.render(PlanReview.of(noSource, RuleSettings.DEFAULTS, FailOn.ERROR));

        assertTrue(md.contains("| Source | not found (see the refusal below) |"), md);
        assertTrue(md.contains("- name it with --source"), md);
    }

    @Test
    void aBlockedPlanPassedByTheProjectsRulesSaysMigrateRefusesIt() {
        String md = markdown(Review.NAME_NOT_NULL, "MIG101=off", FailOn.ERROR);

        assertTrue(md.contains("`mig migrate` refuses this plan: the project's rule settings lowered"), md);
        assertFalse(md.contains("Fix each error above"), md);
    }

    @Test
    void aFreshDatabaseHasNothingToCopyAndNoPause() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("schema.yaml"), Review.NAME_NOT_NULL);

        String md = MarkdownReport.render(PlanReview.of(dev.mig.Mig.plan(dev.mig.api.Project.at(dir)),
                RuleSettings.DEFAULTS, FailOn.ERROR));

        assertTrue(md.contains("| To copy | nothing: the new database is created from schema.yaml |"), md);
        assertTrue(md.contains("| Write pause | none: there is no live database"), md);
    }

    @Test
    void indexViewAndTriggerChangesAndLoweredDataFindingsAreListed() throws Exception {
        String schema = Review.NAME_FROM + """
                    indexes:
                      items_by_qty: [qty]
                """;

        String md = markdown(schema, null, FailOn.ERROR);
        java.nio.file.Path other = dir.resolve("other");
        String lowered = MarkdownReport.render(Review.review(Review.project(
                java.nio.file.Files.createDirectories(other), Review.NAME_NOT_NULL, Review.ITEMS), "MIG101=notice",
                FailOn.ERROR));

        assertTrue(md.contains("| notice | MIG261 | `items_by_qty` |"), md);
        assertTrue(lowered.contains("| notice (set by project) | MIG101 | `items.name` | 2 |"), lowered);
    }

    @Test
    void aCurrentDatabaseIsNamedAfterItsSchema() {
        Review.project(dir, Review.NAME_FROM, Review.ITEMS);
        dev.mig.Mig.migrate(dev.mig.api.Project.at(dir, dir.resolve("app.sqlite")), true, dev.mig.api.Progress.NONE);

        String md = MarkdownReport.render(PlanReview.of(dev.mig.Mig.plan(dev.mig.api.Project.at(dir)),
                RuleSettings.DEFAULTS, FailOn.ERROR));

        assertTrue(md.contains("### mig plan: `app` is **current**"), md);
        assertTrue(md.matches("(?s).*\n`app-[0-9a-f]{16}\\.sqlite` already holds this schema.*"), md);
    }

    @Test
    void textIsShownAsWrittenNotAsMarkdownOrHtml() {
        assertEquals("table t\\<\\!-- has \\*\\*b\\*\\* and \\[l\\](x)", MarkdownReport.text("table t<!-- has **b** and [l](x)"));
        assertEquals("`` ` ``", MarkdownReport.code("`"));
        assertEquals("``a`b``", MarkdownReport.code("a`b"));
    }

    @Test
    void codesLinkToTheirSectionWhenTheRulesPageIsPublished() {
        String md = MarkdownReport.render(Review.review(Review.project(dir, Review.NAME_NOT_NULL, Review.ITEMS), null,
                FailOn.ERROR), "https://example.org/specs/rules.md");

        assertTrue(md.contains("| error | [MIG101](https://example.org/specs/rules.md#mig101-null-values-in-a-column-"
                + "that-becomes-not-null) | `items.name` | 2 |"), md);
    }

    @Test
    void pipesAndLineBreaksStayInsideTheirCell() {
        assertEquals("a \\| b c", MarkdownReport.cell("a | b\nc"));
        assertFalse(MarkdownReport.cell("x\r\ny").contains("\n"));
    }
}
