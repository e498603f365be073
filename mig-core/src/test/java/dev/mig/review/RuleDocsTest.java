package dev.mig.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.plan.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** specs/rules.md documents every code, in order, with its level, an example and a fix; the jar ships it. */
class RuleDocsTest {

    private static final Path SPEC = Path.of("..", "specs", "rules.md");

    private static List<String> headings() throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(SPEC)) {
            if (line.startsWith("## ")) {
                out.add(line.substring(3));
            }
        }
        return out;
    }

    @Test
    void theSpecHasOneSectionPerRuleInOrderAndNoOther() throws Exception {
        assertEquals(Arrays.stream(Rule.values()).map(RuleDocs::heading).toList(), headings());
    }

    @Test
    void everySectionStatesTheRulesLevelCategoryAndWhetherTheDataDecides() {
        for (Rule r : Rule.values()) {
            String expected = "Level: " + r.defaultLevel().word() + " · Category: " + r.category()
                    + " · The data decides: " + (r.dataDecides() ? "yes" : "no");
            assertTrue(RuleDocs.section(r).contains("\n" + expected + "\n"), r.code() + " lacks: " + expected);
        }
    }

    @Test
    void everySectionHasAMeaningAnExampleAndAFix() {
        for (Rule r : Rule.values()) {
            String section = RuleDocs.section(r);
            assertTrue(section.contains("Example"), r.code() + " has no example");
            assertTrue(section.contains("How to fix:"), r.code() + " has no fix");
            assertTrue(RuleDocs.meaning(r).length() > r.title().length(), r.code() + " has no meaning paragraph");
        }
    }

    @Test
    void theJarShipsTheSpecAsItIs() throws Exception {
        assertTrue(RuleDocs.class.getResource(RuleDocs.RESOURCE) != null, "the build copies specs/rules.md");
        String spec = Files.readString(SPEC);
        for (Rule r : Rule.values()) {
            assertTrue(spec.contains(RuleDocs.section(r).strip()), r.code());
        }
    }

    @Test
    void anchorsAreGithubsHeadingIds() {
        assertEquals("mig101-null-values-in-a-column-that-becomes-not-null", RuleDocs.anchor(Rule.NULLS_IN_NOT_NULL));
        assertEquals("mig217-renamedfrom-names-a-table-or-column-that-is-already-renamed",
                RuleDocs.anchor(Rule.STALE_RENAME));
    }
}
