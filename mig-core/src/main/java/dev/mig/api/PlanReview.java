package dev.mig.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.mig.api.plan.Finding;
import dev.mig.api.plan.Level;
import dev.mig.api.plan.PlanFindings;
import dev.mig.api.text.Format;
import java.util.List;

/**
 * A plan as a reviewer sees it: the report, its findings at the levels the project set, and the verdict
 * of {@code --fail-on}. The text, JSON, Markdown and SARIF outputs of {@code mig plan} all render this.
 *
 * @param report   what {@code mig plan} found
 * @param findings every finding at its reported level, most serious first; rules turned off are left out
 * @param failing  the findings at or above {@code failOn}: non-empty means exit 1
 * @param settings what the project changed
 * @param failOn   the threshold
 * @param estimate copy time and write pause; null when nothing is to be migrated
 */
public record PlanReview(@JsonUnwrapped PlanReport report, List<Finding> findings, @JsonIgnore List<Finding> failing,
                         @JsonIgnore RuleSettings settings, FailOn failOn, Estimate estimate) {

    public PlanReview {
        findings = List.copyOf(findings);
        failing = List.copyOf(failing);
    }

    public static PlanReview of(PlanReport report, RuleSettings settings, FailOn failOn) {
        List<Finding> all = report.plan() == null ? List.of() : PlanFindings.of(report.plan(), report.disk(),
                report.refusal() == null ? null : report.refusal().message());
        List<Finding> findings = settings.apply(all);
        Estimate estimate = report.plan() == null ? null : Estimate.of(report.plan());
        return new PlanReview(report, findings, failOn.failing(findings), settings, failOn, estimate);
    }

    /** 0 when no finding reaches {@code --fail-on}, else 1. */
    public int exitCode() {
        return failing.isEmpty() ? 0 : 1;
    }

    @JsonProperty("passes")
    public boolean passes() {
        return failing.isEmpty();
    }

    /** What the project changed, for the JSON document: {@code ["MIG305 warning -> notice"]}. */
    @JsonProperty("rulesChanged")
    public List<String> rulesChanged() {
        return settings.describe();
    }

    /** {@code 1 error, 2 warnings, 9 notices}; {@code no findings}. */
    public String counts() {
        if (findings.isEmpty()) {
            return "no findings";
        }
        StringBuilder out = new StringBuilder();
        for (Level level : Level.values()) {
            long n = findings.stream().filter(f -> f.level() == level).count();
            if (n > 0) {
                out.append(out.length() == 0 ? "" : ", ").append(Format.count(n, level.word(), level.word() + "s"));
            }
        }
        return out.toString();
    }

    /** One sentence: what {@code --fail-on} decided and why. */
    public String failOnText() {
        if (failOn == FailOn.NEVER) {
            return "--fail-on never: plan exits 0 whatever it finds.";
        }
        if (failing.isEmpty() && blockersHiddenBySettings()) {
            return "--fail-on " + failOn.word() + ": passes, because the project's rules lowered what blocks the plan; "
                    + "migrate refuses it.";
        }
        return failing.isEmpty() ? "--fail-on " + failOn.word() + ": passes (no finding at " + failOn.word()
                + " level or above)." : "--fail-on " + failOn.word() + ": fails (" + Format.count(failing.size(),
                "finding", "findings") + " at " + failOn.word() + " level or above).";
    }

    /**
     * Is the plan blocked while no finding at error level is reported, because the project lowered or
     * turned off the rules of its blockers? Then reports say so: migrate refuses it all the same.
     */
    public boolean blockersHiddenBySettings() {
        return !report.targetCurrent() && !report.canMigrate()
                && findings.stream().noneMatch(f -> f.level() == Level.ERROR);
    }

    /** {@code ready}, {@code blocked} or {@code nothing to migrate}: what migrate would do, whatever the levels. */
    public String verdict() {
        if (report.targetCurrent()) {
            return "nothing to migrate";
        }
        return report.canMigrate() ? "ready" : "blocked";
    }
}
