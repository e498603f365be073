package dev.mig.api.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Something the live data makes risky, found by a read-only probe, with counts.
 *
 * @param table   target table
 * @param subject the column, key or constraint concerned (null for the whole table)
 * @param rows    rows affected
 * @param groups  groups of duplicates for {@link Kind#DUPLICATE_KEYS}, else 0
 * @param message what is wrong and, when blocking, what to do
 */
@JsonIgnoreProperties(value = "code", allowGetters = true)
public record Risk(Kind kind, Severity severity, String table, String subject, long rows, long groups,
                   String message) {

    public enum Kind {
        UNCONVERTIBLE_VALUES, LOSSY_CONVERSION, NULLS_IN_NOT_NULL, DUPLICATE_KEYS, ORPHAN_ROWS, CHECK_FAILURES,
        GENERATED_REPLACES_DATA, STALE_RENAME, DROP_UNKNOWN, NULL_KEYS
    }

    public enum Severity {
        /** The copy would fail or lose data: the plan cannot run; a {@link Blocker} says the same. */
        BLOCKING,
        /** The copy succeeds, but the data is not stored as before. */
        WARNING
    }

    public boolean blocking() {
        return severity == Severity.BLOCKING;
    }

    /** The stable code of the {@link Rule} this risk falls under (specs/rules.md). */
    @JsonProperty("code")
    public String code() {
        return Rule.of(this).code();
    }
}
