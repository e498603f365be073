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
 * @param typeAsDeclared the type as schema.yaml or the live CREATE TABLE spells it ({@code varchar(32)}),
 *                     which the new database's DDL keeps for the ORMs that read it back; null when it is
 *                     {@code type} itself. Never compared: {@code type} is the column's type
 */
public record Column(String name, String type, boolean notNull, String defaultExpr, String collate,
                     Generated generated, String renamedFrom, String from, String typeAsDeclared) {

    public Column {
        type = type == null ? "" : type;
        typeAsDeclared = typeAsDeclared == null || typeAsDeclared.equals(type) ? null : typeAsDeclared;
    }

    /** A column whose type is spelled canonically. */
    public Column(String name, String type, boolean notNull, String defaultExpr, String collate, Generated generated,
                  String renamedFrom, String from) {
        this(name, type, notNull, defaultExpr, collate, generated, renamedFrom, from, null);
    }

    /** The column's structure: what compares and hashes, without directives or the type's spelling. */
    public Column structureOnly() {
        return new Column(name, type, notNull, defaultExpr, collate, generated, null, null);
    }

    /** The type as it is written in DDL: as declared when it was spelled otherwise, else canonical. */
    public String typeSpelled() {
        return typeAsDeclared == null ? type : typeAsDeclared;
    }

    public boolean isGenerated() {
        return generated != null;
    }
}
