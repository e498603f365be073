package dev.mig.schema;

/** {@code GENERATED ALWAYS AS (expr) STORED|VIRTUAL}. */
public record Generated(String expr, boolean stored) {
}
