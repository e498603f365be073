package dev.mig.schema;

/**
 * A user trigger.
 *
 * @param table the table or view it is ON
 * @param sql   the canonical full CREATE TRIGGER statement
 */
public record Trigger(String name, String table, String sql) {
}
