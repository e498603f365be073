package dev.mig.api.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One thing {@code mig plan} found, under its {@link Rule}: a risk counted in the data, a blocker, a
 * notable difference, or an operational condition.
 *
 * @param rule    the stable code
 * @param kind    what was found within the rule, as the plan names it ({@code COLUMN_COLLATION} under
 *                {@code MIG259}, {@code NULLS_IN_NOT_NULL} under {@code MIG101}); tells apart findings of
 *                one rule on one column
 * @param level   the level it is reported at: the rule's default, or what the project set ({@link #configured})
 * @param table   the declared (or, when not declared, live) table concerned; null for the whole database
 * @param column     the column concerned, or null; for a constraint, its first column of the table
 * @param constraint the key or constraint concerned as the message names it ({@code UNIQUE (email)},
 *                   {@code FOREIGN KEY (customer_id) REFERENCES customers (id)}), or null
 * @param object     the index, view or trigger concerned, or null
 * @param rows    rows concerned as counted in the live data, or -1 when nothing was counted
 * @param message what is wrong and, when it blocks, what to do
 */
@JsonIgnoreProperties(value = "code", allowGetters = true)
public record Finding(Rule rule, String kind, Level level, String table, String column, String constraint, String object, long rows, String message) {

    /** The rule's stable code, {@code MIG101}. */
    @JsonProperty("code")
    public String code() {
        return rule.code();
    }

    /** Is the level not the rule's default, because the project said so? */
    public boolean configured() {
        return level != rule.defaultLevel();
    }

    /** Was anything counted? */
    public boolean counted() {
        return rows >= 0;
    }

    public Finding withLevel(Level to) {
        return new Finding(rule, kind, to, table, column, constraint, object, rows, message);
    }
}
