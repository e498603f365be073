package dev.mig.api.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A reason the plan cannot run.
 *
 * @param table   target (or live) table concerned; null for database-wide blockers
 * @param column  column concerned, or null
 * @param message what is wrong AND what to do about it
 */
@JsonIgnoreProperties(value = "code", allowGetters = true)
public record Blocker(Kind kind, String table, String column, String message) {

    public enum Kind {
        TABLE_NOT_DECLARED, COLUMN_NOT_DECLARED, RENAME_SOURCE_MISSING, RENAME_AMBIGUOUS, CLAIMED_TWICE,
        DROP_CONFLICT, NO_VALUE_SOURCE, INVALID_FROM, CONFLICTING_DIRECTIVES, REMAP_COMPOSITE_KEY,
        REMAP_NO_KEY, REMAP_NOT_ROWID_ALIAS, REMAP_AMBIGUOUS_REFERENCE, FOREIGN_KEY_UNRESOLVED, UNSUPPORTED_OBJECT, PROBE_FAILED,
        UNCONVERTIBLE_VALUES, NULLS_IN_NOT_NULL, DUPLICATE_KEYS, ORPHAN_ROWS, CHECK_FAILURES, NULL_KEYS,
        /** Changes to the table could not be replayed: a hot migration is impossible, --offline is not. */
        NO_REPLAY_KEY,
        /** A from: expression reads other rows (a subquery): hot, its values would go stale; --offline is fine. */
        FROM_READS_OTHER_ROWS,
        /** A from: expression differs at each evaluation (random(), 'now'): hot, verify could never agree. */
        FROM_NOT_REPEATABLE,
        /** A cutover: statement fails on the declared schema (a typo, a missing table or column). */
        CUTOVER_STATEMENT;

        /** True when only a hot migration is blocked: {@code mig migrate --offline} ignores it. */
        public boolean hotOnly() {
            return this == NO_REPLAY_KEY || this == FROM_READS_OTHER_ROWS || this == FROM_NOT_REPEATABLE;
        }
    }

    /** The stable code of the {@link Rule} this blocker falls under (specs/rules.md). */
    @JsonProperty("code")
    public String code() {
        return Rule.of(this).code();
    }
}
