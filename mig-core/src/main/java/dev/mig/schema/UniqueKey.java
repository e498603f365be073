package dev.mig.schema;

import java.util.List;

/** A UNIQUE constraint over one or more columns. */
public record UniqueKey(List<String> columns) {
    public UniqueKey {
        columns = List.copyOf(columns);
    }
}
