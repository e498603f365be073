package dev.mig.api.plan;

import java.util.Locale;

/**
 * How much a {@link Finding} matters, highest first: what {@code --fail-on} compares against and what a
 * project may change per {@link Rule} (specs/rules.md).
 */
public enum Level {
    /** Migrating cannot go ahead, or would fail or lose data. */
    ERROR,
    /** Migrating goes ahead, but data is stored differently, discarded with consent, or at risk. */
    WARNING,
    /** A change worth a reviewer's glance: nothing is at risk. */
    NOTICE;

    /** Is this level at least as high as {@code other}? */
    public boolean atLeast(Level other) {
        return ordinal() <= other.ordinal();
    }

    /** {@code error}, {@code warning}, {@code notice}: as written in configuration and reports. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
