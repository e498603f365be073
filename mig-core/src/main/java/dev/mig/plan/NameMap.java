package dev.mig.plan;

import dev.mig.schema.Names;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Live names to target names (tables, and columns per live table), so live constraints can be compared
 * with declared ones and live foreign keys followed to their target tables.
 */
final class NameMap {
    private final Map<String, String> tables = new HashMap<>();
    private final Map<String, Map<String, String>> columns = new HashMap<>();

    void table(String live, String target) {
        tables.put(Names.key(live), target);
    }

    void column(String liveTable, String liveColumn, String targetColumn) {
        columns.computeIfAbsent(Names.key(liveTable), k -> new HashMap<>()).put(Names.key(liveColumn), targetColumn);
    }

    /** The target table a live table became; the live name itself when it has none. */
    String tableOf(String liveTable) {
        return tables.getOrDefault(Names.key(liveTable), liveTable);
    }

    /** The target column a live column became; the live name itself when it has none. */
    String columnOf(String liveTable, String liveColumn) {
        return columns.getOrDefault(Names.key(liveTable), Map.of()).getOrDefault(Names.key(liveColumn), liveColumn);
    }

    List<String> columnsOf(String liveTable, List<String> liveColumns) {
        return liveColumns.stream().map(c -> columnOf(liveTable, c)).toList();
    }
}
