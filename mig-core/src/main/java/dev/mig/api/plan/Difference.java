package dev.mig.api.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One structural difference between the live database and the declared schema.
 *
 * @param subject the object it concerns: {@code table}, {@code table.column}, an index, view or trigger name
 * @param message what changes, in words
 */
@JsonIgnoreProperties(value = "code", allowGetters = true)
public record Difference(Kind kind, String subject, String message) {

    public enum Kind {
        TABLE_ADDED, TABLE_RENAMED, TABLE_DROPPED, KEYS_REMAPPED, WITHOUT_ROWID, STRICT,
        COLUMN_ADDED, COLUMN_RENAMED, COLUMN_DROPPED, COLUMN_COMPUTED, COLUMN_TYPE, COLUMN_NOT_NULL,
        COLUMN_DEFAULT, COLUMN_COLLATION, COLUMN_GENERATED, COLUMN_ORDER,
        PRIMARY_KEY, UNIQUE_ADDED, UNIQUE_REMOVED, CHECK_ADDED, CHECK_REMOVED, FOREIGN_KEY_ADDED,
        FOREIGN_KEY_REMOVED,
        INDEX_ADDED, INDEX_REMOVED, INDEX_CHANGED, VIEW_ADDED, VIEW_REMOVED, VIEW_CHANGED,
        TRIGGER_ADDED, TRIGGER_REMOVED, TRIGGER_CHANGED
    }

    /** The stable code of the {@link Rule} this difference falls under (specs/rules.md). */
    @JsonProperty("code")
    public String code() {
        return Rule.of(this).code();
    }
}
