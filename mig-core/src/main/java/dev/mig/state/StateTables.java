package dev.mig.state;

import static dev.mig.sql.Sql.ident;

import java.util.List;
import java.util.StringJoiner;

/** DDL of the tables mig keeps in the new database (specs/hot-migration.md, "New database"). */
public final class StateTables {

    public static final String STATUS = "_migration_status";
    public static final String IDENTITY = "_schema_identity";
    public static final String PLAN = "_migration_plan";
    public static final String PROGRESS = "_migration_progress";
    public static final String REPLAY = "_migration_replay";
    public static final String ID_MAPPING = "_id_mapping";
    public static final String HISTORY = "_migration_history";

    private StateTables() {
    }

    /** Tables that exist only while a migration runs; cutover drops them. */
    public static List<String> replayOnly() {
        return List.of(PLAN, PROGRESS, REPLAY, ID_MAPPING);
    }

    /** The permanent tables: present in every database mig creates. */
    static List<String> createPermanent() {
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + ident(STATUS)
                        + " (id INTEGER PRIMARY KEY CHECK (id = 0), status TEXT NOT NULL CHECK (status IN ('migrating', 'ready')))",
                "CREATE TABLE IF NOT EXISTS " + ident(IDENTITY) + " (id INTEGER PRIMARY KEY CHECK (id = 0), "
                        + "schema_hash TEXT NOT NULL, schema_commit TEXT, created_utc TEXT NOT NULL, mig_version TEXT NOT NULL)",
                "CREATE TABLE IF NOT EXISTS " + ident(HISTORY) + " (id INTEGER PRIMARY KEY, from_hash TEXT, "
                        + "to_hash TEXT NOT NULL, started_utc TEXT NOT NULL, finished_utc TEXT NOT NULL, "
                        + "rows_copied INTEGER NOT NULL, entries_replayed INTEGER NOT NULL, write_pause_ms INTEGER, "
                        + "mig_version TEXT NOT NULL)");
    }

    /** The tables of a migration in progress; {@code keyWidth} is the widest source key. */
    static List<String> createMigrating(int keyWidth) {
        StringJoiner cursor = new StringJoiner(", ");
        for (int i = 1; i <= keyWidth; i++) {
            cursor.add("k" + i);
        }
        return List.of(
                "CREATE TABLE " + ident(PLAN) + " (id INTEGER PRIMARY KEY CHECK (id = 0), source_path TEXT NOT NULL, "
                        + "source_hash TEXT, target_hash TEXT NOT NULL, plan_json TEXT NOT NULL, declared_json TEXT NOT NULL, "
                        + "live_json TEXT NOT NULL, schema_yaml TEXT, "
                        + "created_utc TEXT NOT NULL)",
                // One row per table; k1..kN is the last copied key (no declared type: values keep their type).
                "CREATE TABLE " + ident(PROGRESS) + " (table_name TEXT PRIMARY KEY, rows_total INTEGER NOT NULL, "
                        + "rows_copied INTEGER NOT NULL DEFAULT 0, done INTEGER NOT NULL DEFAULT 0, "
                        + "copy_ms INTEGER NOT NULL DEFAULT 0, " + cursor + ")",
                "CREATE TABLE " + ident(REPLAY) + " (id INTEGER PRIMARY KEY CHECK (id = 0), "
                        + "last_seq INTEGER NOT NULL DEFAULT 0, entries_replayed INTEGER NOT NULL DEFAULT 0, "
                        + "replay_ms INTEGER NOT NULL DEFAULT 0, "
                        + "copy_complete INTEGER NOT NULL DEFAULT 0, drain_complete INTEGER NOT NULL DEFAULT 0, "
                        + "write_pause_ms INTEGER, started_utc TEXT NOT NULL)",
                "CREATE TABLE " + ident(ID_MAPPING) + " (table_name TEXT NOT NULL, old_key NOT NULL, new_key NOT NULL, "
                        + "PRIMARY KEY (table_name, old_key)) WITHOUT ROWID",
                // The next new key is max(new_key) + 1 per table: this index makes that a lookup, not a scan.
                "CREATE INDEX " + ident("_id_mapping_new_key") + " ON " + ident(ID_MAPPING) + " (table_name, new_key)");
    }
}
