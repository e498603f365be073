package dev.mig.schema;

/**
 * One column.
 *
 * @param type         declared type, canonical upper case; empty when none is declared
 * @param notNull      NOT NULL
 * @param defaultExpr  canonical DEFAULT expression, without enclosing parentheses; null when none
 * @param collate      collation name; null for the default (BINARY)
 * @param generated    the GENERATED ALWAYS AS clause; null for a stored ordinary column
 * @param renamedFrom  declared side only: the column's name in the live database
 * @param from         declared side only: an SQL expression over the source row computing this column
 */
public record Column(String name, String type, boolean notNull, String defaultExpr, String collate,
                     Generated generated, String renamedFrom, String from) {

    public Column {
        type = type == null ? "" : type;
    }

    public Column structureOnly() {
        return new Column(name, type, notNull, defaultExpr, collate, generated, null, null);
    }

    public boolean isGenerated() {
        return generated != null;
    }
}
