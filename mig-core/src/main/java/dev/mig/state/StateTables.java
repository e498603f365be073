package dev.mig.state;

import static dev.mig.sql.Sql.ident;

import dev.mig.schema.MigTables;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** DDL of the tables mig keeps in the new database (specs/hot-migration.md, "New database"). */
public final class StateTables {

    public static final String STATUS = MigTables.STATUS;
    public static final String IDENTITY = MigTables.IDENTITY;
    public static final String PLAN = MigTables.PLAN;
    public static final String PROGRESS = MigTables.PROGRESS;
    public static final String REPLAY = MigTables.REPLAY;
    public static final String HISTORY = MigTables.HISTORY;

    private StateTables() {
    }

    /** Tables that exist only while a migration runs, given its remapped tables; cutover drops them. */
    public static List<String> replayOnly(List<String> remappedTables) {
        List<String> out = new ArrayList<>(List.of(PLAN, PROGRESS, REPLAY));
        remappedTables.forEach(t -> out.add(MigTables.idMapping(t)));
        return out;
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
                        + "mig_version TEXT NOT NULL, "
                        // the change-log position the cutover was verified at; NULL: cut over unverified
                        + "verified_seq INTEGER)");
    }

    /**
     * The tables of a migration in progress; {@code keyWidth} is the widest source key, and each of
     * {@code remappedTables} gets its id mapping.
     */
    static List<String> createMigrating(int keyWidth, List<String> remappedTables) {
        StringJoiner cursor = new StringJoiner(", ");
        for (int i = 1; i <= keyWidth; i++) {
            cursor.add("k" + i);
        }
        List<String> ddl = new ArrayList<>(List.of(
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
                        + "write_pause_ms INTEGER, started_utc TEXT NOT NULL, "
                        // 1: an --offline copy saw the old database written, so it may miss writes (never ready)
                        + "old_written_offline INTEGER NOT NULL DEFAULT 0, "
                        // the log position of the last verify that found both sides equal (NULL: none)
                        + "verified_seq INTEGER)"));
        remappedTables.forEach(t -> ddl.add(IdMappings.create(t)));
        return ddl;
    }
}
