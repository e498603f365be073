package dev.mig.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.plan.Blocker;
import dev.mig.api.plan.Difference;
import dev.mig.api.plan.Level;
import dev.mig.api.plan.Risk;
import dev.mig.api.plan.Rule;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleTest {

    @Test
    void everyCodeIsUniqueAndInItsCategorysHundreds() {
        Set<String> seen = new HashSet<>();
        for (Rule r : Rule.values()) {
            assertTrue(r.code().matches("MIG[123]\\d\\d"), r.code());
            assertTrue(seen.add(r.code()), "twice: " + r.code());
            String expected = switch (r.code().charAt(3)) {
                case '1' -> "data";
                case '2' -> "structure";
                default -> "operational";
            };
            assertEquals(expected, r.category(), r.code());
        }
    }

    @Test
    void everyBlockerIsAnError() {
        for (Blocker.Kind kind : Blocker.Kind.values()) {
            Rule rule = Rule.of(new Blocker(kind, "t", null, "m"));
            assertEquals(Level.ERROR, rule.defaultLevel(), kind + " -> " + rule);
        }
    }

    @Test
    void aBlockingRiskIsAnErrorAndItsBlockerFallsUnderTheSameRule() {
        for (Blocker.Kind kind : Blocker.Kind.values()) {
            Blocker blocker = new Blocker(kind, "t", "c", "m");
            if (Rule.repeatsRisk(blocker)) {
                Risk risk = new Risk(Risk.Kind.valueOf(kind.name()), Risk.Severity.BLOCKING, "t", "c", 1, 0, "m");
                assertEquals(Rule.of(blocker), Rule.of(risk), kind.name());
                assertEquals(Level.ERROR, Rule.of(risk).defaultLevel(), kind.name());
            }
        }
    }

    @Test
    void valuesKeptAsTheyAreAreAWarningNotTheStrictError() {
        assertEquals(Rule.VALUES_KEPT_AS_THEY_ARE, Rule.of(new Risk(Risk.Kind.UNCONVERTIBLE_VALUES,
                Risk.Severity.WARNING, "t", "c", 1, 0, "m")));
        assertEquals(Level.WARNING, Rule.VALUES_KEPT_AS_THEY_ARE.defaultLevel());
    }

    @Test
    void everyDifferenceHasARuleOfNoticeOrWarning() {
        for (Difference.Kind kind : Difference.Kind.values()) {
            Rule rule = Rule.of(new Difference(kind, "t", "m"));
            assertTrue(rule.defaultLevel() != Level.ERROR, kind + " -> " + rule);
        }
        assertEquals(Level.WARNING, Rule.of(new Difference(Difference.Kind.COLUMN_DROPPED, "t.c", "m")).defaultLevel(),
                "discarding data is a warning");
    }

    @Test
    void aCodeIsFoundInAnyLetterCase() {
        assertEquals(Rule.NULLS_IN_NOT_NULL, Rule.byCode(" mig101 ").orElseThrow());
        assertTrue(Rule.byCode("MIG999").isEmpty());
    }

    @Test
    void sarifNamesAreCamelCase() {
        assertEquals("NullsInNotNull", Rule.NULLS_IN_NOT_NULL.camelName());
        assertTrue(Arrays.stream(Rule.values()).allMatch(r -> r.camelName().matches("[A-Z][A-Za-z]+")));
    }

    @Test
    void theJsonOfRisksBlockersAndDifferencesCarriesTheCode() {
        String json = dev.mig.common.Json.write(new Blocker(Blocker.Kind.NO_VALUE_SOURCE, "t", "c", "m"));

        assertTrue(json.contains("\"code\" : \"MIG207\""), json);
        Blocker back = dev.mig.common.Json.read(json, Blocker.class);
        assertEquals(Blocker.Kind.NO_VALUE_SOURCE, back.kind(), "a stored plan reads back with the code present");
    }
}
