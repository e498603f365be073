package dev.mig.api.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Everything a migration will do, decided before it starts: stored as JSON in the new database and
 * printed by {@code mig plan}.
 *
 * @param sourceFile        the live database file; null when there is no source (fresh database)
 * @param schemaName        the declared schema's name
 * @param targetHash        {@code SchemaHash.of(declared)}
 * @param sourceHash        {@code SchemaHash.of(live schema)}; null when fresh
 * @param fresh             no live database: the new file is created empty
 * @param tables            every declared table, in copy order (parents before children)
 * @param droppedTables     live tables discarded with consent
 * @param differences       table, column and constraint differences
 * @param objectDifferences index, view and trigger differences
 * @param risks             findings of the data probes, blocking or not
 * @param blockers          why the plan cannot run; empty when it can
 * @param foreignKeys       how the copy handles foreign keys, self-references and cycles
 * @param totalRows         rows to copy
 * @param totalBytes        approximate bytes to copy
 * @param sourceJournalMode the live database's journal mode ({@code wal}, {@code delete} ...); null when
 *                          fresh. Outside WAL, verify can only run while writes are paused
 */
@JsonIgnoreProperties(value = {"canMigrate", "noChanges"}, allowGetters = true)
public record MigrationPlan(String sourceFile, String schemaName, String targetHash, String sourceHash, boolean fresh,
                            List<TablePlan> tables, List<DroppedTable> droppedTables, List<Difference> differences,
                            List<Difference> objectDifferences, List<Risk> risks, List<Blocker> blockers,
                            ForeignKeyHandling foreignKeys, long totalRows, long totalBytes, String sourceJournalMode) {

    public MigrationPlan {
        tables = List.copyOf(tables);
        droppedTables = List.copyOf(droppedTables);
        differences = List.copyOf(differences);
        objectDifferences = List.copyOf(objectDifferences);
        risks = List.copyOf(risks);
        blockers = List.copyOf(blockers);
    }

    @JsonProperty("canMigrate")
    public boolean canMigrate() {
        return blockers.isEmpty();
    }

    /** Same structure, nothing renamed, recomputed, dropped or re-keyed: migrating would only copy. */
    @JsonProperty("noChanges")
    public boolean noChanges() {
        return !fresh && targetHash.equals(sourceHash) && droppedTables.isEmpty()
                && tables.stream().allMatch(MigrationPlan::unchanged);
    }

    private static boolean unchanged(TablePlan t) {
        return t.action() == TablePlan.Action.KEEP && t.droppedColumns().isEmpty()
                && t.ids() == dev.mig.api.plan.IdPolicy.PRESERVE
                && t.columns().stream().allMatch(c -> c.source() == ColumnPlan.Source.KEPT
                        || c.source() == ColumnPlan.Source.GENERATED);
    }

    /** The target tables whose rows get new keys ({@code ids: remap}): each has an id mapping. */
    public List<String> remappedTables() {
        return tables.stream().filter(t -> t.ids() == IdPolicy.REMAP).map(TablePlan::table).toList();
    }

    /** The table plan for a target table, or null. */
    public TablePlan table(String name) {
        return tables.stream().filter(t -> sameName(t.table(), name)).findFirst().orElse(null);
    }

    /** As SQLite compares names: ASCII letters case-insensitively, every other character exactly. */
    private static boolean sameName(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && (x >= 128 || y >= 128 || Character.toLowerCase(x) != Character.toLowerCase(y))) {
                return false;
            }
        }
        return true;
    }
}
