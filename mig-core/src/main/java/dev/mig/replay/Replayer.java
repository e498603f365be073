package dev.mig.replay;

import static dev.mig.sql.Sql.ident;
import static dev.mig.sql.Sql.literal;

import dev.mig.api.plan.IdPolicy;
import dev.mig.api.plan.MigrationPlan;
import dev.mig.api.plan.TablePlan;
import dev.mig.capture.Capture;
import dev.mig.common.Elapsed;
import dev.mig.plan.MappingSql;
import dev.mig.schema.RowKey;
import dev.mig.schema.Schema;
import dev.mig.schema.Table;
import dev.mig.sql.SchemaName;
import dev.mig.sql.Tx;
import dev.mig.state.StateStore;
import dev.mig.write.IdMapper;
import dev.mig.write.RowWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Replays {@code _migration_log} entries into the new database, one batch per transaction. A batch
 * collects the distinct keys its entries name, per table, and for each table deletes the rows of keys
 * gone from the old database and writes the others' current state from the old one. The checkpoint (the
 * last replayed {@code seq}) commits with the batch, so a killed replay neither skips nor repeats a
 * committed batch, and repeating an uncommitted one is harmless.
 *
 * <p>Each table's keys wait in a TEMP table of their own whose primary key is the key: collecting
 * deduplicates them as it inserts, and each statement reads only its own table's keys, in key order (so
 * rows are visited in b-tree order in both databases), instead of filtering every key of the batch.
 */
public final class Replayer {

    private static final String TRACKED = "\"temp\".\"_mig_tracked\"";

    /**
     * Up to this many tables, collecting keys reads the batch's log range once per table; beyond, it first
     * finds which tables the range names (one pass that costs about as much as three), and reads for those.
     */
    private static final int FEW_TABLES = 4;

    /** What one batch did. */
    public record Batch(long fromSeq, long toSeq, long entries, long millis) {
    }

    private final Connection pair;
    private final Schema live;
    private boolean tracking;
    private final List<MappingSql> tables = new ArrayList<>();
    /** Per table of {@link #tables}, the TEMP table of the current batch's keys. */
    private final Map<MappingSql, String> keyTables = new HashMap<>();
    private final Set<String> allTables = new HashSet<>();
    private final int keyWidth;
    private final StateStore state = new StateStore(SchemaName.NEW);

    public Replayer(Connection pair, MigrationPlan plan, Schema declared, Schema live) throws SQLException {
        this.pair = pair;
        this.live = live;
        for (TablePlan t : plan.tables()) {
            if (t.sourceTable() != null) {
                tables.add(MappingSql.of(t, declared, live));
            }
        }
        this.keyWidth = tables.stream().mapToInt(m -> m.sourceKey().size()).max().orElse(1);
        try (Statement s = pair.createStatement()) {
            for (MappingSql m : tables) {
                String keys = ident("temp", "_mig_keys_" + keyTables.size());
                String cols = Capture.logKeyColumns(m.sourceKey().size());
                s.execute("DROP TABLE IF EXISTS " + keys);
                s.execute("CREATE TEMP TABLE " + keys + " (" + cols + ", PRIMARY KEY (" + cols
                        + ")) WITHOUT ROWID");
                keyTables.put(m, keys);
                allTables.add(m.plan().sourceTable());
            }
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
    public Map<MappingSql, String> trackedKeys() throws SQLException {
        Map<MappingSql, String> out = new LinkedHashMap<>();
        for (MappingSql m : tablesNamedIn()) {
            out.put(m, "SELECT " + Capture.logKeyColumns(m.sourceKey().size()) + " FROM " + TRACKED + " WHERE tbl = "
                    + literal(m.plan().sourceTable()));
        }
        return out;
    }

    /** The last replayed log sequence number. */
    public long checkpoint() throws SQLException {
        return state.replayCheckpoint(pair);
    }

    /** The newest log entry in the old database (committed, as this connection's snapshot sees it). */
    public long lastLogged() throws SQLException {
        return Capture.lastSeq(pair);
    }

    /** Replays the entries after the checkpoint, at most {@code maxEntries} of them; null when none are left. */
    public Batch replayBatch(long maxEntries) throws SQLException {
        long t0 = System.nanoTime();
        Batch done = Tx.deferred(pair, c -> applyBatch(maxEntries, t0));
        return done == null ? null
                : new Batch(done.fromSeq(), done.toSeq(), done.entries(), Elapsed.millisSince(t0));
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
        // seq is the log's rowid: each entry gets the largest + 1, none is ever deleted, and a rolled-back
        // write's number is given again, so (from, to] holds exactly to - from entries (no count scan).
        long entries = to - from;
        List<MappingSql> touched = collectKeys(from, to, tables.size() <= FEW_TABLES ? allTables : namedIn(from, to));
        if (tracking) {
            for (MappingSql m : touched) {
                String cols = Capture.logKeyColumns(m.sourceKey().size());
                execute("INSERT INTO " + TRACKED + " (tbl, " + cols + ") SELECT " + literal(m.plan().sourceTable()) + ", "
                        + cols + " FROM " + keyTables.get(m));
            }
        }
        for (MappingSql m : touched) {
            if (m.plan().ids() == IdPolicy.REMAP) {
                IdMapper.allocate(pair, m, keysOf(m), List.of());
            }
        }
        // Rows gone from the old table (or, rowid carried, moved to another rowid) are deleted; the others
        // are written in place where the target's primary key is the row key (an upsert: no delete and
        // re-insert of the row), else deleted and inserted again. Either way, stale holders of a UNIQUE
        // value or of a carried rowid are cleared only when a conflict shows some.
        for (MappingSql m : touched) {
            execute(m.upsertable() ? m.deleteGoneOrMoved(keySelect(m)) : m.deleteByOldKeys(keySelect(m)));
        }
        for (MappingSql m : touched) {
            if (m.upsertable()) {
                RowWriter.upsert(pair, m, keysOf(m));
            } else {
                RowWriter.insert(pair, m, keysOf(m), List.of());
            }
        }
        state.advanceReplay(pair, to, entries, Elapsed.millisSince(t0));
        return new Batch(from, to, entries, 0);
    }

    /** Rows an old table holds with a NULL part in their key: replay cannot find them by it. */
    public record KeylessRows(String table, List<String> keyColumns, long rows) {
    }

    /**
     * The first old table whose key may hold NULL (a rowid table's non-INTEGER primary key) that the log
     * names by a NULL key after {@code afterSeq} and that holds such rows now. The log is read first, so a
     * table no such key was written to is never scanned (a NULL test on a composite key reads every row).
     */
    public Optional<KeylessRows> keylessRows(long afterSeq) throws SQLException {
        for (MappingSql m : tables) {
            RowKey key = m.sourceKey();
            Table source = live.table(m.plan().sourceTable()).orElseThrow();
            if (key.rowid() || source.withoutRowid() || source.hasRowidAlias() || !loggedNullKey(m, afterSeq)) {
                continue;
            }
            StringJoiner anyNull = new StringJoiner(" OR ");
            key.columns().forEach(c -> anyNull.add(ident(c) + " IS NULL"));
            try (Statement s = pair.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM "
                    + SchemaName.OLD.table(source.name()) + " WHERE " + anyNull)) {
                long rows = rs.next() ? rs.getLong(1) : 0;
                if (rows > 0) {
                    return Optional.of(new KeylessRows(source.name(), key.columns(), rows));
                }
            }
        }
        return Optional.empty();
    }

    private boolean loggedNullKey(MappingSql m, long afterSeq) throws SQLException {
        try (PreparedStatement ps = pair.prepareStatement(Capture.loggedNullKeySql(m.sourceKey().size()))) {
            ps.setLong(1, afterSeq);
            ps.setString(2, m.plan().sourceTable());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The source tables entries {@code (from, to]} name. */
    private Set<String> namedIn(long from, long to) throws SQLException {
        return new HashSet<>(firstColumn(Capture.loggedTablesSql(), from, to));
    }

    /**
     * Fills the key table of each table named in {@code (from, to]} with the distinct keys of its entries
     * there; returns the tables that have any. A NULL key (possible only in a rowid table's non-INTEGER
     * primary key, which the plan refuses) names no row that could be found again: INSERT OR IGNORE
     * skips it.
     */
    private List<MappingSql> collectKeys(long from, long to, Set<String> named) throws SQLException {
        List<MappingSql> touched = new ArrayList<>();
        for (MappingSql m : tables) {
            if (!named.contains(m.plan().sourceTable())) {
                continue;
            }
            String keys = keyTables.get(m);
            execute("DELETE FROM " + keys);
            try (PreparedStatement ps = pair.prepareStatement("INSERT OR IGNORE INTO " + keys + " "
                    + Capture.loggedKeysSql(m.sourceKey().size()))) {
                ps.setLong(1, from);
                ps.setLong(2, to);
                ps.setString(3, m.plan().sourceTable());
                if (ps.executeUpdate() > 0) {
                    touched.add(m);
                }
            }
        }
        return touched;
    }

    /** The tables with keys in {@link #TRACKED}. */
    private List<MappingSql> tablesNamedIn() throws SQLException {
        List<String> names = firstColumn("SELECT DISTINCT tbl FROM " + TRACKED);
        return tables.stream().filter(m -> names.contains(m.plan().sourceTable())).toList();
    }

    private List<String> firstColumn(String sql, long... params) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = pair.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setLong(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** SELECT of the batch's keys of one source table, as many columns as its key has. */
    private String keySelect(MappingSql m) {
        return "SELECT " + Capture.logKeyColumns(m.sourceKey().size()) + " FROM " + keyTables.get(m);
    }

    /** A condition over the source row: its key is one of the batch's keys. */
    private String keysOf(MappingSql m) {
        return m.sourceKey().rowValue(null) + " IN (" + keySelect(m) + ")";
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = pair.createStatement()) {
            s.execute(sql);
        }
    }
}
