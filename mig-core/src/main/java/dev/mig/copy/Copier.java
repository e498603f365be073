package dev.mig.copy;

import static dev.mig.sql.Sql.ident;
import static dev.mig.sql.Sql.literal;

import dev.mig.api.CopyResult;
import dev.mig.api.MigrateOptions;
import dev.mig.api.Progress;
import dev.mig.api.TableCopyResult;
import dev.mig.api.plan.IdPolicy;
import dev.mig.api.plan.MigrationPlan;
import dev.mig.api.plan.TablePlan;
import dev.mig.common.BatchSizer;
import dev.mig.common.Elapsed;
import dev.mig.plan.MappingSql;
import dev.mig.schema.Index;
import dev.mig.schema.PrimaryKey;
import dev.mig.schema.Schema;
import dev.mig.schema.Table;
import dev.mig.sql.SchemaName;
import dev.mig.sql.SqliteFiles;
import dev.mig.sql.Tx;
import dev.mig.state.ProgressStore;
import dev.mig.state.TableProgress;
import dev.mig.write.RowWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the bulk copy of a plan on a copy connection ({@link SqliteFiles#openSourceWithTarget}): remap
 * pre-pass, then every table in the plan's order, each followed by its secondary indexes, then the
 * AUTOINCREMENT counters. Safe to run again after a kill: it continues from the stored cursors.
 */
public final class Copier {

    private final Connection pair;
    private final MigrationPlan plan;
    private final Schema declared;
    private final Schema live;
    private final Progress listener;
    private final ProgressStore progress = new ProgressStore(SchemaName.NEW);
    /**
     * Chunks of about 75 ms: a chunk holds a read lock on the old database, which in rollback-journal
     * mode makes the application's writers wait, and in WAL mode keeps a checkpoint from finishing.
     */
    private final BatchSizer sizer;
    private final Pace pace;

    /**
     * How fast the copy goes: at most {@code maxRowsPerSecond} rows a second per table (0: no limit), in
     * chunks that each aim at {@code chunkMillis}.
     */
    public record Pace(long maxRowsPerSecond, long chunkMillis) {
        public static final Pace FULL_SPEED = new Pace(0, MigrateOptions.CHUNK_MILLIS);
    }

    /** Whether the application may write while this copy runs: then a UNIQUE index may wait for drain. */
    private boolean hot;

    /**
     * This copy runs while capture records the application's writes: a UNIQUE index that stale copies of
     * moved values keep from being built is left for drain ({@link Indexes}), not failed.
     */
    public Copier hot(boolean hot) {
        this.hot = hot;
        return this;
    }

    public Copier(Connection pair, MigrationPlan plan, Schema declared, Schema live, Progress listener) {
        this(pair, plan, declared, live, listener, Pace.FULL_SPEED);
    }

    public Copier(Connection pair, MigrationPlan plan, Schema declared, Schema live, Progress listener, Pace pace) {
        this.pair = pair;
        this.plan = plan;
        this.declared = declared;
        this.live = live;
        this.listener = listener;
        this.pace = pace;
        this.sizer = new BatchSizer(pace.chunkMillis(), 100, 200_000, 1_000);
    }

    public CopyResult run() throws SQLException {
        long started = System.nanoTime();
        for (TablePlan t : plan.tables()) {
            if (t.sourceTable() != null && t.ids() == IdPolicy.REMAP && !started(t)) {
                listener.step("map the keys of " + t.table(), () -> {
                    copier(t).mapAllKeys();
                    return null;
                });
            }
        }
        List<TableCopyResult> results = new ArrayList<>();
        long rows = 0;
        for (TablePlan t : plan.tables()) {
            if (t.sourceTable() != null) {
                TableCopyResult r = copier(t).copy();
                results.add(r);
                rows += r.rows();
            }
            buildIndexes(declared.table(t.table()).orElseThrow());
        }
        syncSequences(pair, plan, declared, live);
        return new CopyResult(results, rows, Elapsed.millisSince(started));
    }

    private boolean started(TablePlan t) throws SQLException {
        TableProgress p = progress.load(pair, t.table(), 1).orElseThrow();
        return p.done() || p.rowsCopied() > 0;
    }

    private TableCopier copier(TablePlan t) {
        return new TableCopier(pair, t, MappingSql.of(t, declared, live), progress, listener, sizer,
                pace.maxRowsPerSecond());
    }

    /** Creates the table's declared indexes that do not exist yet: after its rows, which is faster. */
    private void buildIndexes(Table table) throws SQLException {
        for (Index index : table.indexes()) {
            if (Indexes.exists(pair, SchemaName.NEW, index.name())) {
                continue;
            }
            try {
                listener.step("build index " + index.name(), () -> {
                    Indexes.build(pair, table, index);
                    return null;
                });
            } catch (SQLException e) {
                if (!(hot && index.unique() && RowWriter.isUniqueConflict(e))) {
                    throw e;
                }
                listener.info("  index " + index.name() + " waits for drain: rows copied before the application moved "
                        + "a value hold it twice until replay writes the change (" + e.getMessage() + ")");
            }
        }
    }

    /**
     * Carries AUTOINCREMENT counters over, so the new database never hands out an id the old one
     * already used (and deleted). Sets each to the old value exactly, lowering it too: an UPDATE that
     * moved an id above the old counter did not raise it, but copying that row into the new table did,
     * and once the row is deleted the two would hand out different ids. Remapped tables keep their own.
     */
    public static void syncSequences(Connection pair, MigrationPlan plan, Schema declared, Schema live)
            throws SQLException {
        String newSeq = SchemaName.NEW.table("sqlite_sequence");
        for (TablePlan t : plan.tables()) {
            // A table that becomes AUTOINCREMENT starts from the ids copied into it: there is no counter to carry.
            if (t.sourceTable() == null || t.ids() == IdPolicy.REMAP || !autoincrement(declared.table(t.table()))
                    || !autoincrement(live.table(t.sourceTable()))) {
                continue;
            }
            Tx.deferred(pair, c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM " + newSeq + " WHERE name = " + literal(t.table()));
                    s.executeUpdate("INSERT INTO " + newSeq + " (name, seq) SELECT " + literal(t.table())
                            + ", seq FROM \"main\".\"sqlite_sequence\" WHERE name = " + literal(t.sourceTable()));
                }
                return null;
            });
        }
    }

    private static boolean autoincrement(Optional<Table> table) {
        return table.map(Table::primaryKey).map(PrimaryKey::autoincrement).orElse(false);
    }
}
