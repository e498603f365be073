package dev.mig.schema;

/**
 * A CHECK constraint.
 *
 * @param name the CONSTRAINT name, or null; kept because SQLite puts it in the error message
 * @param expr canonical expression
 */
public record Check(String name, String expr) {
}
