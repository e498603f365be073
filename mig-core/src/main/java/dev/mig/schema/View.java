package dev.mig.schema;

import java.util.List;

/**
 * A view.
 *
 * @param columns the optional column-name list {@code CREATE VIEW v(a, b)}; empty when absent
 * @param select  canonical SELECT statement
 */
public record View(String name, List<String> columns, String select) {
    public View {
        columns = List.copyOf(columns);
    }
}
