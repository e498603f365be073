package dev.mig.schema;

import java.util.Set;

/**
 * The names of the tables mig creates, each defined here once. The schema layer needs them all, to
 * leave them out of introspection and to refuse them as names in schema.yaml; each is read and written
 * only by its owner: {@code capture} for the old database's, {@code state} for the new database's.
 */
public final class MigTables {

    // In the old database, while a migration runs (capture/).
    public static final String MARKER = "_migration_marker";
    public static final String LOG = "_migration_log";
    public static final String VACUUM_PROBE = "_migration_vacuum_probe";

    // In every database mig creates (state/).
    public static final String STATUS = "_migration_status";
    public static final String IDENTITY = "_schema_identity";
    public static final String HISTORY = "_migration_history";

    // In a new database while it migrates (state/); cutover drops them.
    public static final String PLAN = "_migration_plan";
    public static final String PROGRESS = "_migration_progress";
    public static final String REPLAY = "_migration_replay";
    private static final String ID_MAPPING = "_id_mapping";

    /**
     * The tables mig itself creates in the old database, or in the new one and keeps there after cutover.
     * Id mappings are left out: they exist only in a new database while it migrates, which is never
     * read as an application's database, so any table named like one is the application's (refused).
     */
    static final Set<String> ALL = Set.of(MARKER, LOG, VACUUM_PROBE, STATUS, IDENTITY, HISTORY, PLAN, PROGRESS, REPLAY);

    private MigTables() {
    }

    /**
     * The table in the new database that holds the old-to-new key pairs of the {@code ids: remap} table
     * {@code table} (the target table's name): one table per remapped table, so that translating a key is
     * one search of a small index rather than of one mapping shared by every table.
     */
    public static String idMapping(String table) {
        return ID_MAPPING + "_" + table;
    }

    /** Is this a name mig reserves for itself (the {@code _migration_*}, {@code _mig_*} and {@code _id_mapping*} tables)? */
    static boolean isReserved(String key) {
        return key.startsWith("_migration_") || key.startsWith(ID_MAPPING) || key.equals(IDENTITY)
                || key.startsWith("_mig_");
    }
}
