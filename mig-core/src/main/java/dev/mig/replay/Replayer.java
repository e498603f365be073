package dev.mig.replay;

import static dev.mig.sql.Sql.ident;
import static dev.mig.sql.Sql.literal;

import dev.mig.capture.Capture;
import dev.mig.copy.Copier;
import dev.mig.copy.IdMapper;
import dev.mig.copy.RowWriter;
import dev.mig.plan.MappingSql;
import dev.mig.plan.MigrationPlan;
import dev.mig.plan.TablePlan;
import dev.mig.schema.IdPolicy;
import dev.mig.schema.Schema;
import dev.mig.sql.SqliteFiles;
import dev.mig.sql.Tx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays {@code _migration_log} entries into the new database, one batch per transaction. A batch
 * collects the distinct keys its entries name, and for each table deletes those keys' rows in the new
 * database and writes the rows' current state from the old one. The checkpoint (the last replayed
 * {@code seq}) commits with the batch, so a killed replay neither skips nor repeats a committed batch,
 * and repeating an uncommitted one is harmless.
 */
public final class Replayer {

    private static final String KEYS = "\"temp\".\"_mig_keys\"";
    private static final String TRACKED = "\"temp\".\"_mig_tracked\"";

    /** What one batch did. */
    public record Batch(long fromSeq, long toSeq, long entries, long millis) {
    }

    private final Connection pair;
    private boolean tracking;
    private final List<MappingSql> tables = new ArrayList<>();
    private final int keyWidth;
    private final String replayState = ident(SqliteFiles.TARGET_SCHEMA, "_migration_replay");

    public Replayer(Connection pair, MigrationPlan plan, Schema declared, Schema live) throws SQLException {
        this.pair = pair;
        for (TablePlan t : plan.tables()) {
            if (t.sourceTable() != null) {
                tables.add(Copier.mapping(t, declared, live));
            }
        }
        this.keyWidth = tables.stream().mapToInt(m -> m.sourceKey().size()).max().orElse(1);
        try (Statement s = pair.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS " + KEYS + " (tbl TEXT NOT NULL, "
                    + Capture.logKeyColumns(keyWidth) + ")");
            s.execute("CREATE TEMP TABLE IF NOT EXISTS " + TRACKED + " (tbl TEXT NOT NULL, "
                    + Capture.logKeyColumns(keyWidth) + ")");
        }
    }

    /**
     * From now on, remembers the keys every batch replays (in a TEMP table, committed with the batch),
     * so that checks after the pause can look at exactly the rows replay changed.
     */
    public void startTracking() throws SQLException {
        execute("DELETE FROM " + TRACKED);
        tracking = true;
    }

    /** The tables replayed into since {@link #startTracking}, each with a SELECT of its source keys. */
    public java.util.Map<MappingSql, String> trackedKeys() throws SQLException {
        java.util.Map<MappingSql, String> out = new java.util.LinkedHashMap<>();
        for (MappingSql m : tablesNamedIn(TRACKED)) {
            out.put(m, "SELECT " + Capture.logKeyColumns(m.sourceKey().size()) + " FROM " + TRACKED + " WHERE tbl = "
                    + literal(m.plan().sourceTable()));
        }
        return out;
    }

    /** The last replayed log sequence number. */
    public long checkpoint() throws SQLException {
        try (Statement s = pair.createStatement();
             ResultSet rs = s.executeQuery("SELECT last_seq FROM " + replayState + " WHERE id = 0")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** The newest log entry in the old database (committed, as this connection's snapshot sees it). */
    public long lastLogged() throws SQLException {
        try (Statement s = pair.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(seq), 0) FROM " + ident("main", Capture.logTable()))) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Replays the entries after the checkpoint, at most {@code maxEntries} of them; null when none are left. */
    public Batch replayBatch(long maxEntries) throws SQLException {
        long t0 = System.nanoTime();
        Batch done = Tx.deferred(pair, c -> applyBatch(maxEntries, t0));
        return done == null ? null
                : new Batch(done.fromSeq(), done.toSeq(), done.entries(), (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Inside the caller's transaction, replays every entry its snapshot of the old database holds, so
     * the new database reaches exactly that log position (verify compares at it).
     */
    public long replayToSnapshot(long maxEntriesPerBatch) throws SQLException {
        long n = 0;
        for (Batch b; (b = applyBatch(maxEntriesPerBatch, System.nanoTime())) != null; ) {
            n += b.entries();
        }
        return n;
    }

    private Batch applyBatch(long maxEntries, long t0) throws SQLException {
        long from = checkpoint();
        long to = Math.min(lastLogged(), from + maxEntries);
        if (to <= from) {
            return null;
        }
        long entries = collectKeys(from, to);
        if (tracking) {
            execute("INSERT INTO " + TRACKED + " SELECT * FROM " + KEYS);
        }
        List<MappingSql> touched = tablesNamedIn(KEYS);
        for (MappingSql m : touched) {
            if (m.plan().ids() == IdPolicy.REMAP) {
                IdMapper.allocate(pair, m, keysOf(m), List.of());
            }
        }
        // Rows gone from the old table are deleted; the others are written in place where the target's
        // primary key is the row key (upsert: indexes change only where values did), else deleted and
        // inserted again. Either way, stale UNIQUE holders are cleared only when a conflict shows some.
        for (MappingSql m : touched) {
            execute(m.deleteByOldKeys(m.upsertable() ? m.goneKeys(keySelect(m)) : keySelect(m)));
        }
        for (MappingSql m : touched) {
            if (m.upsertable()) {
                RowWriter.upsert(pair, m, keysOf(m));
            } else {
                RowWriter.insert(pair, m, keysOf(m), List.of());
            }
        }
        advance(to, entries, (System.nanoTime() - t0) / 1_000_000);
        return new Batch(from, to, entries, 0);
    }

    private long collectKeys(long from, long to) throws SQLException {
        execute("DELETE FROM " + KEYS);
        String cols = Capture.logKeyColumns(keyWidth);
        try (PreparedStatement ps = pair.prepareStatement("INSERT INTO " + KEYS + " (tbl, " + cols + ") SELECT DISTINCT tbl, "
                + cols + " FROM " + ident("main", Capture.logTable()) + " WHERE seq > ? AND seq <= ?")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = pair.prepareStatement("SELECT count(*) FROM " + ident("main", Capture.logTable())
                + " WHERE seq > ? AND seq <= ?")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<MappingSql> tablesNamedIn(String keyTable) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = pair.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT tbl FROM " + keyTable)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return tables.stream().filter(m -> names.stream().anyMatch(n -> n.equals(m.plan().sourceTable()))).toList();
    }

    /** SELECT of the batch's keys of one source table, as many columns as its key has. */
    private String keySelect(MappingSql m) {
        return "SELECT " + Capture.logKeyColumns(m.sourceKey().size()) + " FROM " + KEYS + " WHERE tbl = "
                + literal(m.plan().sourceTable());
    }

    /** A condition over the source row: its key is one of the batch's keys. */
    private String keysOf(MappingSql m) {
        return m.sourceKey().rowValue(null) + " IN (" + keySelect(m) + ")";
    }

    private void advance(long to, long entries, long millis) throws SQLException {
        try (PreparedStatement ps = pair.prepareStatement("UPDATE " + replayState
                + " SET last_seq = ?, entries_replayed = entries_replayed + ?, replay_ms = replay_ms + ? WHERE id = 0")) {
            ps.setLong(1, to);
            ps.setLong(2, entries);
            ps.setLong(3, millis);
            ps.executeUpdate();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = pair.createStatement()) {
            s.execute(sql);
        }
    }
}
