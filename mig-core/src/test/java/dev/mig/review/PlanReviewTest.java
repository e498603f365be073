package dev.mig.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.FailOn;
import dev.mig.api.PlanReview;
import dev.mig.api.RuleSettings;
import dev.mig.api.plan.Finding;
import dev.mig.api.plan.Level;
import dev.mig.api.plan.Rule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanReviewTest {

    @TempDir
    Path dir;

    @Test
    void aNotNullColumnOverNullsIsAnErrorWithTheCountAndFailsTheDefaultThreshold() {
        PlanReview review = Review.review(Review.project(dir, Review.NAME_NOT_NULL, Review.ITEMS), null, FailOn.ERROR);

        Finding nulls = review.findings().get(0);
        assertEquals(Rule.NULLS_IN_NOT_NULL, nulls.rule());
        assertEquals(Level.ERROR, nulls.level());
        assertEquals("items", nulls.table());
        assertEquals("name", nulls.column());
        assertEquals(2, nulls.rows());
        assertEquals(1, review.exitCode());
        assertEquals("blocked", review.verdict());
    }

    @Test
    void aBlockerThatRepeatsARiskIsOneFinding() {
        PlanReview review = Review.review(Review.project(dir, Review.NAME_NOT_NULL, Review.ITEMS), null, FailOn.ERROR);

        assertEquals(1, review.findings().stream().filter(f -> f.rule() == Rule.NULLS_IN_NOT_NULL).count());
    }

    @Test
    void aFromExpressionClearsTheErrorAndThePlanPasses() {
        PlanReview review = Review.review(Review.project(dir, Review.NAME_FROM, Review.ITEMS), null, FailOn.ERROR);

        assertTrue(review.findings().stream().noneMatch(f -> f.level() == Level.ERROR), review.findings().toString());
        assertEquals(0, review.exitCode());
        assertEquals("ready", review.verdict());
    }

    @Test
    void failOnNoticeFailsOnTheChangesAlone() {
        PlanReview review = Review.review(Review.project(dir, Review.NAME_FROM, Review.ITEMS), null, FailOn.NOTICE);

        assertEquals(1, review.exitCode());
        assertTrue(review.failing().stream().allMatch(f -> f.level() == Level.NOTICE), review.failing().toString());
    }

    @Test
    void failOnNeverPassesABlockedPlan() {
        PlanReview review = Review.review(Review.project(dir, Review.NAME_NOT_NULL, Review.ITEMS), null, FailOn.NEVER);

        assertEquals(0, review.exitCode());
        assertEquals("blocked", review.verdict(), "the verdict is migrate's, whatever the threshold");
    }

    @Test
    void aLoweredRuleChangesTheExitCodeButNotTheVerdict() {
        PlanReview review = Review.review(Review.project(dir, Review.NAME_NOT_NULL, Review.ITEMS), "MIG101=warning",
                FailOn.ERROR);

        Finding nulls = review.findings().stream().filter(f -> f.rule() == Rule.NULLS_IN_NOT_NULL).findFirst()
                .orElseThrow();
        assertEquals(Level.WARNING, nulls.level());
        assertTrue(nulls.configured());
        assertEquals(0, review.exitCode());
        assertEquals("blocked", review.verdict());
        assertFalse(review.report().canMigrate());
        assertTrue(review.blockersHiddenBySettings());
        assertTrue(review.failOnText().contains("migrate refuses it"), review.failOnText());
    }

    @Test
    void aConstraintFindingPointsAtItsFirstColumnAndKeepsItsLabel() {
        String schema = """
                name: app
                tables:
                  items:
                    columns:
                      id:   {type: INTEGER, primaryKey: true}
                      name: {type: TEXT, unique: true}
                      qty:  {type: INTEGER, check: "qty > 1"}
                """;
        String sql = Review.ITEMS + "INSERT INTO items (name, qty) VALUES ('a', 5);\n";

        PlanReview review = Review.review(Review.project(dir, schema, sql), null, FailOn.ERROR);

        Finding duplicates = review.findings().stream().filter(f -> f.rule() == Rule.DUPLICATE_KEYS).findFirst()
                .orElseThrow();
        assertEquals("name", duplicates.column());
        assertTrue(duplicates.constraint().contains("(name)"), duplicates.constraint());
        Finding check = review.findings().stream().filter(f -> f.rule() == Rule.CHECK_FAILURES).findFirst()
                .orElseThrow();
        assertEquals("qty", check.column());
        assertEquals("CHECK (qty > 1)", check.constraint());
    }

    @Test
    void aUniqueIndexFindingConcernsTheIndex() {
        String schema = Review.NAME_FROM + """
                    indexes:
                      items_by_qty: {columns: [qty], unique: true}
                """;
        String sql = Review.ITEMS + "INSERT INTO items (name, qty) VALUES ('e', 1);\n";

        PlanReview review = Review.review(Review.project(dir, schema, sql), null, FailOn.ERROR);

        Finding duplicates = review.findings().stream().filter(f -> f.rule() == Rule.DUPLICATE_KEYS).findFirst()
                .orElseThrow(() -> new AssertionError(review.findings()));
        assertEquals("items_by_qty", duplicates.object());
        assertEquals("UNIQUE INDEX items_by_qty", duplicates.constraint());
        assertNull(duplicates.column());
    }

    @Test
    void aRuleTurnedOffIsLeftOutAndSaidSo() {
        PlanReview review = Review.review(Review.project(dir, Review.NAME_FROM, Review.ITEMS), "MIG258=off",
                FailOn.NOTICE);

        assertTrue(review.findings().stream().noneMatch(f -> f.rule() == Rule.COLUMN_NOT_NULL));
        assertEquals(java.util.List.of("MIG258 off"), review.rulesChanged());
    }

    @Test
    void aCurrentTargetHasNoFindingsAndPasses() {
        Review.project(dir, Review.NAME_FROM, Review.ITEMS);
        dev.mig.Mig.migrate(dev.mig.api.Project.at(dir, dir.resolve("app.sqlite")), true, dev.mig.api.Progress.NONE);

        PlanReview review = PlanReview.of(dev.mig.Mig.plan(dev.mig.api.Project.at(dir)), RuleSettings.DEFAULTS,
                FailOn.NOTICE);

        assertTrue(review.report().targetCurrent());
        assertTrue(review.findings().isEmpty());
        assertEquals(0, review.exitCode());
        assertEquals("nothing to migrate", review.verdict());
    }
}
