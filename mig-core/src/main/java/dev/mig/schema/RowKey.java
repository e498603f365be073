package dev.mig.schema;

import java.util.List;

/**
 * How mig finds one row of a table again: its primary key columns, or the rowid for a table without a
 * declared primary key. Capture logs it, the copy walks it in order, replay looks rows up by it.
 *
 * @param columns the key columns, or a single rowid alias when {@link #rowid()} is true
 * @param rowid   true when the key is the table's rowid (no declared primary key)
 */
public record RowKey(List<String> columns, boolean rowid) {

    public RowKey {
        columns = List.copyOf(columns);
    }

    /** The key of {@code table}. For a rowid key, picks whichever of rowid, _rowid_, oid no column shadows. */
    public static RowKey of(Table table) {
        if (table.primaryKey() != null) {
            return new RowKey(table.primaryKey().columns(), false);
        }
        return table.rowidName().map(alias -> new RowKey(List.of(alias), true)).orElseThrow(() ->
                new IllegalArgumentException("table " + table.name()
                        + " has no primary key and columns named rowid, _rowid_ and oid: its rows cannot be addressed"));
    }

    public int size() {
        return columns.size();
    }

    /**
     * The key terms qualified by {@code alias} (may be null): {@code alias."a", alias."b"}, or
     * {@code alias.rowid} unquoted, since a quoted "rowid" would mean a column.
     */
    public String terms(String alias) {
        StringBuilder out = new StringBuilder();
        for (String c : columns) {
            if (out.length() > 0) {
                out.append(", ");
            }
            if (alias != null) {
                out.append(alias).append('.');
            }
            out.append(rowid ? c : dev.mig.sql.Sql.ident(c));
        }
        return out.toString();
    }

    /** The key as an SQL row value: {@code x."a"} or {@code (x."a", x."b")}. */
    public String rowValue(String alias) {
        return size() == 1 ? terms(alias) : "(" + terms(alias) + ")";
    }
}
