package dev.mig.schema;

import java.util.List;

/**
 * A foreign key.
 *
 * @param refColumns the parent's columns; empty means the parent's primary key
 * @param deferred   DEFERRABLE INITIALLY DEFERRED
 */
public record ForeignKey(List<String> columns, String refTable, List<String> refColumns, FkAction onDelete,
                         FkAction onUpdate, boolean deferred) {
    public ForeignKey {
        columns = List.copyOf(columns);
        refColumns = List.copyOf(refColumns);
        onDelete = onDelete == null ? FkAction.NO_ACTION : onDelete;
        onUpdate = onUpdate == null ? FkAction.NO_ACTION : onUpdate;
    }
}
