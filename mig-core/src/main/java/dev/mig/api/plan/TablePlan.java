package dev.mig.api.plan;

import java.util.List;

/**
 * What happens to one target table. Every table is copied to the new file; {@link #action} says
 * whether its structure changed.
 *
 * @param table               the target table
 * @param sourceTable         the live table its rows come from; null for a new, empty table
 * @param ids                 keep keys, or give new keys ({@link IdPolicy#REMAP})
 * @param rowCount            live rows at planning time
 * @param approxBytes         approximate bytes to copy, measured as {@link #sizeMethod} says
 * @param keepRowid           copy the live rowid explicitly: both are rowid tables, keys are preserved and
 *                            the target has no INTEGER PRIMARY KEY that carries it already
 * @param columns             value source of every target column, in target column order
 * @param droppedColumns      live columns discarded with consent ({@code dropColumns})
 * @param remappedForeignKeys foreign keys of this table whose parent gets new keys: the copy translates them
 * @param fkNote              self-reference or cycle membership and how the copy handles it; null if none
 */
public record TablePlan(String table, String sourceTable, Action action, IdPolicy ids, long rowCount,
                        long approxBytes, SizeMethod sizeMethod, boolean keepRowid, List<ColumnPlan> columns,
                        List<String> droppedColumns, List<RemapRef> remappedForeignKeys, String fkNote) {

    public TablePlan {
        columns = List.copyOf(columns);
        droppedColumns = List.copyOf(droppedColumns);
        remappedForeignKeys = List.copyOf(remappedForeignKeys);
    }

    public enum Action {
        /** Same name, same structure: rows copied as they are. */
        KEEP,
        /** Renamed; otherwise the same structure. */
        RENAME,
        /** Structure changed: rows copied through the column mapping. */
        REBUILD,
        /** New table: created empty, nothing copied. */
        CREATE
    }

    public enum SizeMethod {
        /** Sum of the table's b-tree page sizes from the dbstat virtual table: exact on-disk size. */
        DBSTAT,
        /** Average row length over a sample of rows times the row count. */
        SAMPLE,
        /** Nothing to measure (new table, or no rows). */
        NONE
    }

    /**
     * A foreign key pointing at a table with {@code ids: remap}.
     *
     * @param columns   the child column that faces the parent's key (remap needs single-column keys, so one column,
     *                  also in a composite foreign key)
     * @param refTable  the remapped parent
     * @param refColumn the parent's primary-key column
     */
    public record RemapRef(List<String> columns, String refTable, String refColumn) {
        public RemapRef {
            columns = List.copyOf(columns);
        }
    }
}
