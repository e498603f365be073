package dev.mig.api.plan;

/** A live table discarded with consent ({@code dropTables}), with the rows it held at planning time. */
public record DroppedTable(String table, long rowCount) {
}
