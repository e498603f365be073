package dev.mig.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.FailOn;
import dev.mig.api.MigException;
import dev.mig.api.RuleSettings;
import dev.mig.api.plan.Finding;
import dev.mig.api.plan.Level;
import dev.mig.api.plan.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSettingsTest {

    private static Finding finding(Rule rule) {
        return new Finding(rule, rule.name(), rule.defaultLevel(), "t", null, null, null, -1, rule.title());
    }

    @Test
    void pairsAreSeparatedByCommasOrBlanksInAnyLetterCase() {
        RuleSettings s = RuleSettings.parse(" mig305=Notice,MIG254=off  MIG104=error ");

        assertEquals(Level.NOTICE, s.levels().get(Rule.JOURNAL_MODE));
        assertTrue(s.levels().containsKey(Rule.COLUMN_ADDED));
        assertNull(s.levels().get(Rule.COLUMN_ADDED));
        assertEquals(Level.ERROR, s.levels().get(Rule.LOSSY_CONVERSION));
    }

    @Test
    void blanksAroundTheEqualsSignAreAllowed() {
        assertEquals(Level.NOTICE, RuleSettings.parse("MIG305 = notice, MIG101= warning").levels().get(Rule.JOURNAL_MODE));
    }

    @Test
    void blankMeansTheDefaults() {
        assertTrue(RuleSettings.parse("  ").levels().isEmpty());
        assertTrue(RuleSettings.parse(null).levels().isEmpty());
    }

    @Test
    void anUnknownCodeIsBadInputThatNamesIt() {
        MigException e = assertThrows(MigException.class, () -> RuleSettings.parse("MIG999=off"));

        assertEquals(MigException.Kind.INPUT, e.kind());
        assertTrue(e.getMessage().contains("'MIG999=off' names no rule"), e.getMessage());
        assertTrue(e.hint().contains("mig rules"), e.hint());
    }

    @Test
    void anUnknownLevelIsBadInput() {
        MigException e = assertThrows(MigException.class, () -> RuleSettings.parse("MIG101=fatal"));

        assertTrue(e.getMessage().contains("sets no level"), e.getMessage());
    }

    @Test
    void aPairWithoutEqualsIsBadInput() {
        assertThrows(MigException.class, () -> RuleSettings.parse("MIG101"));
    }

    @Test
    void aRuleSetTwiceIsBadInput() {
        MigException e = assertThrows(MigException.class, () -> RuleSettings.parse("MIG101=warning MIG101=off"));

        assertTrue(e.getMessage().contains("a second time"), e.getMessage());
    }

    @Test
    void applyChangesLevelsDropsRulesTurnedOffAndSortsBySeverity() {
        RuleSettings s = RuleSettings.parse("MIG254=error, MIG101=off");

        List<Finding> out = s.apply(List.of(finding(Rule.NULLS_IN_NOT_NULL), finding(Rule.JOURNAL_MODE),
                finding(Rule.COLUMN_ADDED)));

        assertEquals(List.of(Rule.COLUMN_ADDED, Rule.JOURNAL_MODE), out.stream().map(Finding::rule).toList());
        assertEquals(Level.ERROR, out.get(0).level());
        assertTrue(out.get(0).configured());
    }

    @Test
    void describeSaysWhatChangedFromTheDefault() {
        assertEquals(List.of("MIG101 error -> warning", "MIG254 off"),
                RuleSettings.parse("MIG254=off, MIG101=warning").describe());
    }

    @Test
    void failOnComparesLevelsInclusively() {
        List<Finding> findings = List.of(finding(Rule.JOURNAL_MODE), finding(Rule.COLUMN_ADDED));

        assertEquals(0, FailOn.ERROR.failing(findings).size());
        assertEquals(1, FailOn.WARNING.failing(findings).size());
        assertEquals(2, FailOn.NOTICE.failing(findings).size());
        assertEquals(0, FailOn.NEVER.failing(findings).size());
        assertEquals(FailOn.WARNING, FailOn.parse(" Warning "));
        assertEquals(MigException.Kind.INPUT, assertThrows(MigException.class, () -> FailOn.parse("fatal")).kind());
    }
}
