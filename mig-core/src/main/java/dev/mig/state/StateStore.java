package dev.mig.state;

import static dev.mig.sql.Sql.ident;

import dev.mig.api.MigException;
import dev.mig.sql.SchemaName;
import dev.mig.sql.SqliteFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads and writes mig's state tables in a new database. {@code db} is where that database is on the
 * connection: {@link SchemaName#MAIN} on a direct connection, {@link SchemaName#NEW} on a copy connection.
 */
public final class StateStore {

    private final SchemaName db;

    public StateStore(SchemaName db) {
        this.db = db;
    }

    private String t(String table) {
        return db.table(table);
    }

    public boolean hasTable(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + t("sqlite_schema")
                + " WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
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
            return new StateStore(SchemaName.MAIN).status(c).orElse(null) == NewDatabase.Status.READY;
        } catch (SQLException | MigException e) {
            return false; // being created or renamed into place, or unreadable: not ready
        }
    }

    /** The status row; empty for a database mig did not create. */
    public Optional<NewDatabase.Status> status(Connection c) throws SQLException {
        if (!hasTable(c, StateTables.STATUS)) {
            return Optional.empty();
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT status FROM " + t(StateTables.STATUS) + " WHERE id = 0")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            String v = rs.getString(1);
            return Optional.of("ready".equals(v) ? NewDatabase.Status.READY : NewDatabase.Status.MIGRATING);
        }
    }

    public Optional<Identity> identity(Connection c) throws SQLException {
        if (!hasTable(c, StateTables.IDENTITY)) {
            return Optional.empty();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT schema_hash, schema_commit, created_utc, mig_version FROM " + t(StateTables.IDENTITY) + " WHERE id = 0")) {
            return rs.next() ? Optional.of(new Identity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                    : Optional.empty();
        }
    }

    /** The stored plan; empty once cutover has dropped it (or for a database created ready). */
    public Optional<StoredPlan> plan(Connection c) throws SQLException {
        if (!hasTable(c, StateTables.PLAN)) {
            return Optional.empty();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT source_path, source_hash, "
                + "target_hash, plan_json, declared_json, live_json, schema_yaml, created_utc FROM " + t(StateTables.PLAN)
                + " WHERE id = 0")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new StoredPlan(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
        }
    }

    public Optional<ReplayState> replay(Connection c) throws SQLException {
        if (!hasTable(c, StateTables.REPLAY)) {
            return Optional.empty();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_seq, entries_replayed, "
                + "replay_ms, copy_complete, drain_complete, write_pause_ms, started_utc FROM " + t(StateTables.REPLAY) + " WHERE id = 0")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            long pause = rs.getLong(6);
            Long pauseMs = rs.wasNull() ? null : pause;
            return Optional.of(new ReplayState(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4) != 0,
                    rs.getInt(5) != 0, pauseMs, rs.getString(7)));
        }
    }

    /** The last log entry replayed: where the next replay batch starts. */
    public long replayCheckpoint(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT last_seq FROM " + t(StateTables.REPLAY) + " WHERE id = 0")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Moves the replay checkpoint to {@code lastSeq} after a batch of {@code entries} entries that took
     * {@code millis}; in the batch's transaction, so a killed replay resumes after its last committed batch.
     */
    public void advanceReplay(Connection c, long lastSeq, long entries, long millis) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + t(StateTables.REPLAY)
                + " SET last_seq = ?, entries_replayed = entries_replayed + ?, replay_ms = replay_ms + ? WHERE id = 0")) {
            ps.setLong(1, lastSeq);
            ps.setLong(2, entries);
            ps.setLong(3, millis);
            ps.executeUpdate();
        }
    }

    public List<TableProgress> progress(Connection c) throws SQLException {
        return hasTable(c, StateTables.PROGRESS) ? new ProgressStore(db).all(c) : List.of();
    }

    public void markCopyComplete(Connection c) throws SQLException {
        update(c, "UPDATE " + t(StateTables.REPLAY) + " SET copy_complete = 1 WHERE id = 0");
    }

    /**
     * Records that an {@code --offline} copy saw another connection write the old database: the copy
     * may lack those writes, so this database must never be marked ready (only reset undoes it).
     */
    public void markOldWrittenOffline(Connection c) throws SQLException {
        update(c, "UPDATE " + t(StateTables.REPLAY) + " SET old_written_offline = 1 WHERE id = 0");
    }

    /** True once {@link #markOldWrittenOffline} was recorded; false too for a database made before that column. */
    public boolean oldWrittenOffline(Connection c) throws SQLException {
        if (!hasReplayColumn(c, "old_written_offline")) {
            return false;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT old_written_offline FROM "
                + t(StateTables.REPLAY) + " WHERE id = 0")) {
            return rs.next() && rs.getInt(1) != 0;
        }
    }

    /**
     * Records that verify found both databases equal with the change log replayed up to {@code seq}:
     * cutover of a rollback-journal source asks for this at its checkpoint. A migration begun by a mig
     * without the column gets it here.
     */
    public void markVerified(Connection c, long seq) throws SQLException {
        if (!hasReplayColumn(c, "verified_seq")) {
            update(c, "ALTER TABLE " + t(StateTables.REPLAY) + " ADD COLUMN verified_seq INTEGER");
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + t(StateTables.REPLAY)
                + " SET verified_seq = ? WHERE id = 0")) {
            ps.setLong(1, seq);
            ps.executeUpdate();
        }
    }

    /** The change-log position of the last verify that found the databases equal; empty when none did. */
    public OptionalLong verifiedSeq(Connection c) throws SQLException {
        if (!hasReplayColumn(c, "verified_seq")) {
            return OptionalLong.empty();
        }
        return nullableLong(c, "SELECT verified_seq FROM " + t(StateTables.REPLAY) + " WHERE id = 0");
    }

    /** The first column of the first row of {@code sql}; empty when there is no row or it is NULL. */
    private static OptionalLong nullableLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                return OptionalLong.empty();
            }
            long value = rs.getLong(1);
            return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
        }
    }

    /** Columns added to _migration_replay after its first release are missing from older migrations. */
    private boolean hasReplayColumn(Connection c, String column) throws SQLException {
        return hasColumn(c, StateTables.REPLAY, column);
    }

    /** Columns added to a bookkeeping table after its first release are missing from older databases. */
    private boolean hasColumn(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pragma_table_info(?, ?) WHERE name = ?")) {
            ps.setString(1, table);
            ps.setString(2, db.alias());
            ps.setString(3, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public void markDrainComplete(Connection c, long writePauseMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + t(StateTables.REPLAY)
                + " SET drain_complete = 1, write_pause_ms = ? WHERE id = 0")) {
            ps.setLong(1, writePauseMs);
            ps.executeUpdate();
        }
    }

    /** Takes back a drain's completion whose write pause did not hold: the next drain drains again. */
    public void markDrainIncomplete(Connection c) throws SQLException {
        update(c, "UPDATE " + t(StateTables.REPLAY) + " SET drain_complete = 0, write_pause_ms = NULL WHERE id = 0");
    }

    /**
     * Creates the bookkeeping tables of a new database: the permanent ones, and when it is to be
     * {@code migrating} the tables of a migration in progress ({@code keyWidth}: the widest source key; an
     * id mapping for each of {@code remappedTables}).
     */
    void create(Connection c, int keyWidth, List<String> remappedTables, boolean migrating) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : StateTables.createPermanent()) {
                s.execute(ddl);
            }
            if (migrating) {
                for (String ddl : StateTables.createMigrating(keyWidth, remappedTables)) {
                    s.execute(ddl);
                }
            }
        }
    }

    /** The first rows of a new database: its status and identity, and for a migration its plan and checkpoint. */
    void seed(Connection c, NewDatabase.Status status, Identity id, StoredPlan p) throws SQLException {
        insert(c, "INSERT INTO " + t(StateTables.STATUS) + " (id, status) VALUES (0, ?)", status.sql());
        insert(c, "INSERT INTO " + t(StateTables.IDENTITY)
                        + " (id, schema_hash, schema_commit, created_utc, mig_version) VALUES (0, ?, ?, ?, ?)",
                id.schemaHash(), id.schemaCommit(), id.createdUtc(), id.migVersion());
        if (p != null) {
            insert(c, "INSERT INTO " + t(StateTables.PLAN) + " (id, source_path, source_hash, target_hash, plan_json, "
                            + "declared_json, live_json, schema_yaml, created_utc) VALUES (0, ?, ?, ?, ?, ?, ?, ?, ?)",
                    p.sourcePath(), p.sourceHash(), p.targetHash(), p.planJson(), p.declaredJson(), p.liveJson(),
                    p.schemaYaml(), p.createdUtc());
            insert(c, "INSERT INTO " + t(StateTables.REPLAY) + " (id, started_utc) VALUES (0, ?)", p.createdUtc());
        }
    }

    private static void insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    /**
     * The cutover's own change to the state tables, in the caller's transaction: the tables only a
     * migration in progress needs (plan, progress, replay checkpoint, the id mappings of
     * {@code remappedTables}) are dropped and the status row says {@code ready}.
     */
    public void markReady(Connection c, List<String> remappedTables) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String table : StateTables.replayOnly(remappedTables)) {
                s.execute("DROP TABLE IF EXISTS " + t(table));
            }
        }
        update(c, "UPDATE " + t(StateTables.STATUS) + " SET status = '" + NewDatabase.Status.READY.sql() + "' WHERE id = 0");
    }

    /** One row of {@code _migration_history}. */
    public record HistoryRow(String fromHash, String toHash, String startedUtc, String finishedUtc, long rowsCopied,
                             long entriesReplayed, Long writePauseMs, String migVersion) {
    }

    private static final String HISTORY_COLUMNS = "from_hash, to_hash, started_utc, finished_utc, rows_copied, "
            + "entries_replayed, write_pause_ms, mig_version";

    public void appendHistory(Connection c, HistoryRow h) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + t(StateTables.HISTORY) + " (" + HISTORY_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, h.fromHash());
            ps.setString(2, h.toHash());
            ps.setString(3, h.startedUtc());
            ps.setString(4, h.finishedUtc());
            ps.setLong(5, h.rowsCopied());
            ps.setLong(6, h.entriesReplayed());
            ps.setObject(7, h.writePauseMs());
            ps.setString(8, h.migVersion());
            ps.executeUpdate();
        }
    }

    /**
     * Records on the newest history row the change-log position the cutover was verified at (null: it
     * was not). A history table made by a mig without the column is left as it is.
     */
    public void markCutoverVerified(Connection c, Long seq) throws SQLException {
        if (!hasColumn(c, StateTables.HISTORY, "verified_seq")) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + t(StateTables.HISTORY) + " SET verified_seq = ? "
                + "WHERE id = (SELECT max(id) FROM " + t(StateTables.HISTORY) + ")")) {
            ps.setObject(1, seq);
            ps.executeUpdate();
        }
    }

    /** The position the newest migration's cutover was verified at; empty when it was not, or is not known. */
    public OptionalLong lastCutoverVerified(Connection c) throws SQLException {
        if (!hasTable(c, StateTables.HISTORY) || !hasColumn(c, StateTables.HISTORY, "verified_seq")) {
            return OptionalLong.empty();
        }
        return nullableLong(c, "SELECT verified_seq FROM " + t(StateTables.HISTORY) + " ORDER BY id DESC LIMIT 1");
    }

    /**
     * Carries the history of the database in schema {@code from} (the old file, itself made by mig) into
     * this one, once: a migration resumed after its copy began finds it carried already.
     */
    public void carryHistory(Connection c, SchemaName from) throws SQLException {
        if (!new StateStore(from).hasTable(c, StateTables.HISTORY)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            if (s.executeQuery("SELECT 1 FROM " + t(StateTables.HISTORY) + " LIMIT 1").next()) {
                return;
            }
            s.executeUpdate("INSERT INTO " + t(StateTables.HISTORY) + " (" + HISTORY_COLUMNS + ") SELECT "
                    + HISTORY_COLUMNS + " FROM " + from.table(StateTables.HISTORY) + " ORDER BY id");
        }
    }

    public List<HistoryRow> history(Connection c) throws SQLException {
        List<HistoryRow> out = new ArrayList<>();
        if (!hasTable(c, StateTables.HISTORY)) {
            return out;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + HISTORY_COLUMNS + " FROM "
                + t(StateTables.HISTORY) + " ORDER BY id")) {
            while (rs.next()) {
                // Read before any other column: wasNull() answers for the last column read.
                long pause = rs.getLong(7);
                Long writePauseMs = rs.wasNull() ? null : pause;
                out.add(new HistoryRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getLong(6), writePauseMs, rs.getString(8)));
            }
        }
        return out;
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (s.executeUpdate(sql) != 1) {
                throw new MigException(MigException.Kind.INTERNAL, "state row missing: " + sql, null);
            }
        }
    }
}
