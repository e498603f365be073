package dev.mig.api;

import dev.mig.api.plan.Finding;
import dev.mig.api.plan.Level;
import java.util.List;
import java.util.Locale;

/** {@code --fail-on}: the lowest level of finding that makes {@code mig plan} exit 1. */
public enum FailOn {
    ERROR(Level.ERROR), WARNING(Level.WARNING), NOTICE(Level.NOTICE), NEVER(null);

    private final Level threshold;

    FailOn(Level threshold) {
        this.threshold = threshold;
    }

    /** The findings at or above the threshold: why the plan fails; empty when it passes. */
    public List<Finding> failing(List<Finding> findings) {
        return threshold == null ? List.of() : findings.stream().filter(f -> f.level().atLeast(threshold)).toList();
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code error}, {@code warning}, {@code notice} or {@code never}, in any letter case. */
    public static FailOn parse(String text) {
        for (FailOn f : values()) {
            if (f.name().equalsIgnoreCase(text.strip())) {
                return f;
            }
        }
        throw MigException.input("--fail-on " + text + " is not a level",
                "Use --fail-on error (the default), warning, notice or never.");
    }
}
