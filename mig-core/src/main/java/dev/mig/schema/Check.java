package dev.mig.schema;

import java.util.Objects;

/**
 * A CHECK constraint.
 *
 * @param name   the CONSTRAINT name, or null; kept because SQLite puts it in the error message
 * @param expr   canonical expression
 * @param column the column it was declared on (a column constraint), or null for a table constraint.
 *               Where it is written, not what it means: SQLite enforces both alike, so equality, the
 *               schema hash and the diff ignore it; the new database's DDL puts it back where it was
 *               declared, for ORMs that read that DDL.
 */
public record Check(String name, String expr, String column) {

    /** A table constraint. */
    public Check(String name, String expr) {
        this(name, expr, null);
    }

    /** The same constraint, declared on {@code column}. */
    public Check on(String column) {
        return new Check(name, expr, column);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Check c && Objects.equals(name, c.name) && Objects.equals(expr, c.expr);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, expr);
    }

    /** As before {@code column} existed: the schema hash sorts checks by this text. */
    @Override
    public String toString() {
        return "Check[name=" + name + ", expr=" + expr + "]";
    }
}
