package dev.mig.state;

import static dev.mig.state.StateSql.COPY_COMPLETE;
import static dev.mig.state.StateSql.CREATED_UTC;
import static dev.mig.state.StateSql.DECLARED_JSON;
import static dev.mig.state.StateSql.DRAIN_COMPLETE;
import static dev.mig.state.StateSql.ENTRIES_REPLAYED;
import static dev.mig.state.StateSql.FINISHED_UTC;
import static dev.mig.state.StateSql.FROM_HASH;
import static dev.mig.state.StateSql.ID;
import static dev.mig.state.StateSql.LAST_SEQ;
import static dev.mig.state.StateSql.LIVE_JSON;
import static dev.mig.state.StateSql.MIG_VERSION;
import static dev.mig.state.StateSql.NAME;
import static dev.mig.state.StateSql.OLD_WRITTEN_OFFLINE;
import static dev.mig.state.StateSql.PLAN_JSON;
import static dev.mig.state.StateSql.REPLAY_MS;
import static dev.mig.state.StateSql.ROWS_COPIED;
import static dev.mig.state.StateSql.SCHEMA_COMMIT;
import static dev.mig.state.StateSql.SCHEMA_HASH;
import static dev.mig.state.StateSql.SCHEMA_YAML;
import static dev.mig.state.StateSql.SOURCE_HASH;
import static dev.mig.state.StateSql.SOURCE_PATH;
import static dev.mig.state.StateSql.STARTED_UTC;
import static dev.mig.state.StateSql.STATUS;
import static dev.mig.state.StateSql.TARGET_HASH;
import static dev.mig.state.StateSql.TO_HASH;
import static dev.mig.state.StateSql.TYPE;
import static dev.mig.state.StateSql.WRITE_PAUSE_MS;

import dev.mig.common.MigException;
import dev.mig.sql.SqliteFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Reads and writes mig's state tables in a new database, through jOOQ ({@link StateSql}). {@code schema}
 * is where that database is on the connection: {@code main} on a direct connection, {@code mig_new} on
 * a copy connection.
 */
public final class StateStore {

    private static final List<Field<?>> HISTORY_COLUMNS = List.of(FROM_HASH, TO_HASH, STARTED_UTC, FINISHED_UTC,
            ROWS_COPIED, ENTRIES_REPLAYED, WRITE_PAUSE_MS, MIG_VERSION);

    private final String schema;

    public StateStore(String schema) {
        this.schema = schema;
    }

    private Table<Record> t(String table) {
        return StateSql.table(schema, table);
    }

    /**
     * The rows of a database mig just created, in the caller's transaction: its status, its identity,
     * and for a migration ({@code plan} not null) the stored plan and a replay row with nothing replayed.
     */
    void initialize(Connection c, NewDatabase.Status status, Identity id, StoredPlan plan) throws SQLException {
        StateSql.run(c, dsl -> {
            dsl.insertInto(t(StateTables.STATUS)).columns(ID, STATUS).values(0, status.sql()).execute();
            dsl.insertInto(t(StateTables.IDENTITY)).columns(ID, SCHEMA_HASH, SCHEMA_COMMIT, CREATED_UTC, MIG_VERSION)
                    .values(0, id.schemaHash(), id.schemaCommit(), id.createdUtc(), id.migVersion()).execute();
            if (plan != null) {
                dsl.insertInto(t(StateTables.PLAN)).columns(ID, SOURCE_PATH, SOURCE_HASH, TARGET_HASH, PLAN_JSON,
                                DECLARED_JSON, LIVE_JSON, SCHEMA_YAML, CREATED_UTC)
                        .values(0, plan.sourcePath(), plan.sourceHash(), plan.targetHash(), plan.planJson(),
                                plan.declaredJson(), plan.liveJson(), plan.schemaYaml(), plan.createdUtc()).execute();
                dsl.insertInto(t(StateTables.REPLAY)).columns(ID, STARTED_UTC).values(0, plan.createdUtc()).execute();
            }
            return null;
        });
    }

    public boolean hasTable(Connection c, String table) throws SQLException {
        return StateSql.run(c, dsl -> dsl.fetchExists(DSL.selectOne().from(t("sqlite_schema"))
                .where(TYPE.eq("table"), NAME.eq(table))));
    }

    /**
     * True when {@code database} is an SQLite file whose status row says {@code ready}: the complete
     * database of its schema, which applications may use. False when it is anything else or cannot be read.
     */
    public static boolean isReady(Path database) {
        if (!Files.isRegularFile(database) || !SqliteFiles.looksLikeSqlite(database)) {
            return false;
        }
        try (Connection c = SqliteFiles.openReadOnly(database)) {
            return new StateStore("main").status(c).orElse(null) == NewDatabase.Status.READY;
        } catch (SQLException | MigException e) {
            return false; // being created or renamed into place, or unreadable: not ready
        }
    }

    /** The status row; empty for a database mig did not create. */
    public Optional<NewDatabase.Status> status(Connection c) throws SQLException {
        if (!hasTable(c, StateTables.STATUS)) {
            return Optional.empty();
        }
        return StateSql.run(c, dsl -> dsl.select(STATUS).from(t(StateTables.STATUS)).where(ID.eq(0)).fetchOptional(STATUS))
                .map(v -> "ready".equals(v) ? NewDatabase.Status.READY : NewDatabase.Status.MIGRATING);
    }

    public Optional<Identity> identity(Connection c) throws SQLException {
        if (!hasTable(c, StateTables.IDENTITY)) {
            return Optional.empty();
        }
        return StateSql.run(c, dsl -> dsl.select(SCHEMA_HASH, SCHEMA_COMMIT, CREATED_UTC, MIG_VERSION)
                .from(t(StateTables.IDENTITY)).where(ID.eq(0)).fetchOptional(r -> new Identity(r.value1(), r.value2(),
                        r.value3(), r.value4())));
    }

    /** The stored plan; empty once cutover has dropped it (or for a database created ready). */
    public Optional<StoredPlan> plan(Connection c) throws SQLException {
        if (!hasTable(c, StateTables.PLAN)) {
            return Optional.empty();
        }
        return StateSql.run(c, dsl -> dsl.select(SOURCE_PATH, SOURCE_HASH, TARGET_HASH, PLAN_JSON, DECLARED_JSON,
                        LIVE_JSON, SCHEMA_YAML, CREATED_UTC).from(t(StateTables.PLAN)).where(ID.eq(0))
                .fetchOptional(r -> new StoredPlan(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8())));
    }

    public Optional<ReplayState> replay(Connection c) throws SQLException {
        if (!hasTable(c, StateTables.REPLAY)) {
            return Optional.empty();
        }
        return StateSql.run(c, dsl -> dsl.select(LAST_SEQ, ENTRIES_REPLAYED, REPLAY_MS, COPY_COMPLETE, DRAIN_COMPLETE,
                        WRITE_PAUSE_MS, STARTED_UTC).from(t(StateTables.REPLAY)).where(ID.eq(0))
                .fetchOptional(r -> new ReplayState(r.value1(), r.value2(), r.value3(), r.value4() != 0,
                        r.value5() != 0, r.value6(), r.value7())));
    }

    /** The last log entry replayed: where the next replay batch starts. */
    public long replayCheckpoint(Connection c) throws SQLException {
        return StateSql.run(c, dsl -> dsl.select(LAST_SEQ).from(t(StateTables.REPLAY)).where(ID.eq(0))
                .fetchOptional(LAST_SEQ).orElse(0L));
    }

    /**
     * Moves the replay checkpoint to {@code lastSeq} after a batch of {@code entries} entries that took
     * {@code millis}; in the batch's transaction, so a killed replay resumes after its last committed batch.
     */
    public void advanceReplay(Connection c, long lastSeq, long entries, long millis) throws SQLException {
        StateSql.run(c, dsl -> dsl.update(t(StateTables.REPLAY)).set(LAST_SEQ, lastSeq)
                .set(ENTRIES_REPLAYED, ENTRIES_REPLAYED.plus(entries)).set(REPLAY_MS, REPLAY_MS.plus(millis))
                .where(ID.eq(0)).execute());
    }

    public List<TableProgress> progress(Connection c) throws SQLException {
        return hasTable(c, StateTables.PROGRESS) ? new ProgressStore(schema).all(c) : List.of();
    }

    public void markCopyComplete(Connection c) throws SQLException {
        updateReplayRow(c, COPY_COMPLETE, 1, null);
    }

    /**
     * Records that an {@code --offline} copy saw another connection write the old database: the copy
     * may lack those writes, so this database must never be marked ready (only reset undoes it).
     */
    public void markOldWrittenOffline(Connection c) throws SQLException {
        updateReplayRow(c, OLD_WRITTEN_OFFLINE, 1, null);
    }

    /** True once {@link #markOldWrittenOffline} was recorded; false too for a database made before that column. */
    public boolean oldWrittenOffline(Connection c) throws SQLException {
        boolean hasColumn = StateSql.run(c, dsl -> dsl.fetchExists(DSL.selectOne()
                .from(DSL.table("pragma_table_info({0}, {1})", DSL.val(StateTables.REPLAY), DSL.val(schema)))
                .where(NAME.eq(OLD_WRITTEN_OFFLINE.getName()))));
        return hasColumn && StateSql.run(c, dsl -> dsl.select(OLD_WRITTEN_OFFLINE).from(t(StateTables.REPLAY))
                .where(ID.eq(0)).fetchOptional(OLD_WRITTEN_OFFLINE).map(v -> v != 0).orElse(false));
    }

    public void markDrainComplete(Connection c, long writePauseMs) throws SQLException {
        updateReplayRow(c, DRAIN_COMPLETE, 1, writePauseMs);
    }

    /** Takes back a drain's completion whose write pause did not hold: the next drain drains again. */
    public void markDrainIncomplete(Connection c) throws SQLException {
        updateReplayRow(c, DRAIN_COMPLETE, 0, null);
    }

    /**
     * The cutover's own change to the state tables, in the caller's transaction: the tables only a
     * migration in progress needs (plan, progress, replay checkpoint, the id mappings of
     * {@code remappedTables}) are dropped and the status row says {@code ready}.
     */
    public void markReady(Connection c, List<String> remappedTables) throws SQLException {
        for (String table : StateTables.replayOnly(remappedTables)) {
            StateSql.run(c, dsl -> dsl.dropTableIfExists(t(table)).execute());
        }
        requireOneRow(StateSql.run(c, dsl -> dsl.update(t(StateTables.STATUS))
                .set(STATUS, NewDatabase.Status.READY.sql()).where(ID.eq(0)).execute()), StateTables.STATUS);
    }

    /** One row of {@code _migration_history}. */
    public record HistoryRow(String fromHash, String toHash, String startedUtc, String finishedUtc, long rowsCopied,
                             long entriesReplayed, Long writePauseMs, String migVersion) {
    }

    public void appendHistory(Connection c, HistoryRow h) throws SQLException {
        StateSql.run(c, dsl -> dsl.insertInto(t(StateTables.HISTORY)).columns(HISTORY_COLUMNS)
                .values(h.fromHash(), h.toHash(), h.startedUtc(), h.finishedUtc(), h.rowsCopied(), h.entriesReplayed(),
                        h.writePauseMs(), h.migVersion()).execute());
    }

    /**
     * Carries the history of the database in schema {@code from} (the old file, itself made by mig) into
     * this one, once: a migration resumed after its copy began finds it carried already.
     */
    public void carryHistory(Connection c, String from) throws SQLException {
        if (!new StateStore(from).hasTable(c, StateTables.HISTORY)
                || StateSql.run(c, dsl -> dsl.fetchExists(t(StateTables.HISTORY)))) {
            return;
        }
        StateSql.run(c, dsl -> dsl.insertInto(t(StateTables.HISTORY)).columns(HISTORY_COLUMNS)
                .select(dsl.select(HISTORY_COLUMNS).from(StateSql.table(from, StateTables.HISTORY)).orderBy(ID))
                .execute());
    }

    public List<HistoryRow> history(Connection c) throws SQLException {
        if (!hasTable(c, StateTables.HISTORY)) {
            return List.of();
        }
        return StateSql.run(c, dsl -> dsl.select(FROM_HASH, TO_HASH, STARTED_UTC, FINISHED_UTC, ROWS_COPIED,
                        ENTRIES_REPLAYED, WRITE_PAUSE_MS, MIG_VERSION).from(t(StateTables.HISTORY)).orderBy(ID)
                .fetch(r -> new HistoryRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8())));
    }

    /**
     * Sets {@code flag} of the replay row to {@code value}, and its write pause to {@code pauseMs} where
     * the flag is the drain's ({@code null}: no pause recorded).
     */
    private void updateReplayRow(Connection c, Field<Integer> flag, int value, Long pauseMs) throws SQLException {
        int updated = StateSql.run(c, dsl -> {
            var update = dsl.update(t(StateTables.REPLAY)).set(flag, value);
            return (flag == DRAIN_COMPLETE ? update.set(WRITE_PAUSE_MS, pauseMs) : update).where(ID.eq(0)).execute();
        });
        requireOneRow(updated, StateTables.REPLAY);
    }

    private static void requireOneRow(int updated, String table) {
        if (updated != 1) {
            throw new MigException(MigException.Kind.INTERNAL, "state row missing: " + table + " has no row 0", null);
        }
    }
}
