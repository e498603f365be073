package dev.mig.schema;

import java.util.List;

/**
 * A primary key.
 *
 * @param desc          a single-column key declared {@code PRIMARY KEY DESC}: kept because it stops an
 *                      INTEGER key from being the rowid alias
 * @param autoincrement AUTOINCREMENT: ids are never reused, tracked in sqlite_sequence
 */
public record PrimaryKey(List<String> columns, boolean desc, boolean autoincrement) {
    public PrimaryKey {
        columns = List.copyOf(columns);
    }
}
