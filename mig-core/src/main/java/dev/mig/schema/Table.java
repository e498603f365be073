package dev.mig.schema;

import dev.mig.api.plan.IdPolicy;
import java.util.List;
import java.util.Optional;

/**
 * One table.
 *
 * @param primaryKey  null for a table with no declared primary key (a rowid table keyed by rowid)
 * @param uniques     UNIQUE constraints, each a list of columns (column-level UNIQUE is normalised here)
 * @param checks      CHECK constraints (column-level CHECKs are normalised here)
 * @param foreignKeys foreign keys (column-level REFERENCES are normalised here)
 * @param renamedFrom declared side only: the table's name in the live database
 * @param dropColumns declared side only: live columns whose data the user consents to discard
 * @param ids         declared side only: keep keys as they are, or give the table new keys
 */
public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueKey> uniques,
                    List<Check> checks, List<ForeignKey> foreignKeys, List<Index> indexes,
                    boolean withoutRowid, boolean strict, String renamedFrom, List<String> dropColumns,
                    IdPolicy ids) {

    public Table {
        columns = List.copyOf(columns);
        uniques = List.copyOf(uniques);
        checks = List.copyOf(checks);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
        dropColumns = List.copyOf(dropColumns);
        ids = ids == null ? IdPolicy.PRESERVE : ids;
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> Names.same(c.name(), columnName)).findFirst();
    }

    /** The primary key's columns, or an empty list for a table keyed only by its rowid. */
    public List<String> keyColumns() {
        return primaryKey == null ? List.of() : primaryKey.columns();
    }

    /**
     * True when the single-column primary key is an alias of the rowid: declared type exactly
     * INTEGER in a rowid table (lang_createtable.html#rowid).
     */
    public boolean hasRowidAlias() {
        if (withoutRowid || primaryKey == null || primaryKey.columns().size() != 1 || primaryKey.desc()) {
            return false;
        }
        return column(primaryKey.columns().get(0)).map(c -> "INTEGER".equalsIgnoreCase(c.type())).orElse(false);
    }

    /**
     * The name that reads this table's rowid: the first of {@code rowid}, {@code _rowid_}, {@code oid} that
     * no column shadows; empty for a WITHOUT ROWID table or one whose columns shadow all three.
     */
    public Optional<String> rowidName() {
        if (withoutRowid) {
            return Optional.empty();
        }
        return java.util.stream.Stream.of("rowid", "_rowid_", "oid").filter(a -> column(a).isEmpty()).findFirst();
    }

    /** The same table with the migration directives removed: only structure is left. */
    public Table structureOnly() {
        return new Table(name, columns.stream().map(Column::structureOnly).toList(), primaryKey, uniques, checks,
                foreignKeys, indexes, withoutRowid, strict, null, List.of(), IdPolicy.PRESERVE);
    }

    /**
     * The single-column UNIQUE constraints declared with their column ({@code sku TEXT UNIQUE}, or
     * {@code unique: true} in schema.yaml), by column key. They lead the list in column order, as SQLite's
     * CREATE TABLE and schema.yaml both put them before any table-level constraint.
     */
    public java.util.Map<String, UniqueKey> columnLevelUniques() {
        java.util.Map<String, UniqueKey> out = new java.util.LinkedHashMap<>();
        int last = -1;
        for (UniqueKey u : uniques) {
            int pos = u.columns().size() == 1 ? columnIndex(u.columns().get(0)) : -1;
            if (pos <= last) {
                break;
            }
            out.put(Names.key(u.columns().get(0)), u);
            last = pos;
        }
        return out;
    }

    private int columnIndex(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }
}
