package dev.mig.copy;

import dev.mig.api.MigException;
import dev.mig.api.Progress;
import dev.mig.api.TableCopyResult;
import dev.mig.api.plan.IdPolicy;
import dev.mig.api.plan.TablePlan;
import dev.mig.common.BatchSizer;
import dev.mig.common.Elapsed;
import dev.mig.plan.MappingSql;
import dev.mig.sql.Tx;
import dev.mig.state.ProgressStore;
import dev.mig.state.TableProgress;
import dev.mig.write.IdMapper;
import dev.mig.write.RowWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies one table in key-range chunks. Each chunk is one transaction on the new database holding the
 * rows and the advanced cursor; the old database is only read, for the length of one chunk.
 */
final class TableCopier {

    private final Connection pair;
    private final TablePlan plan;
    private final MappingSql mapping;
    private final ProgressStore progress;
    private final Progress listener;
    private final KeyRange range;
    private final BatchSizer sizer;
    private final long maxRowsPerSecond;

    TableCopier(Connection pair, TablePlan plan, MappingSql mapping, ProgressStore progress, Progress listener,
                BatchSizer sizer, long maxRowsPerSecond) {
        this.pair = pair;
        this.plan = plan;
        this.mapping = mapping;
        this.progress = progress;
        this.listener = listener;
        this.range = new KeyRange(mapping.sourceKey());
        this.sizer = sizer;
        this.maxRowsPerSecond = maxRowsPerSecond;
    }

    /**
     * Copies the rows after the stored cursor; returns the table's rows copied in all (earlier, resumed
     * runs included) and the time this call took.
     */
    TableCopyResult copy() throws SQLException {
        int width = mapping.sourceKey().size();
        TableProgress start = progress.load(pair, plan.table(), width).orElseThrow();
        long started = System.nanoTime();
        long copied = start.rowsCopied();
        List<Object> cursor = start.cursor();
        listener.tableStarted(plan.table(), start.rowsTotal(), copied);
        while (true) {
            long t0 = System.nanoTime();
            List<Object> from = cursor;
            int wanted = paced(sizer.size());
            ChunkResult chunk = Tx.deferred(pair, c -> copyChunk(from, wanted));
            if (chunk == null) {
                break;
            }
            long millis = Elapsed.millisSince(t0);
            sizer.record(chunk.rows(), millis);
            cursor = chunk.upper();
            copied += chunk.rows();
            listener.chunkCopied(plan.table(), copied, start.rowsTotal());
            keepPace(started, copied - start.rowsCopied());
        }
        Tx.deferred(pair, c -> {
            progress.markDone(c, plan.table());
            return null;
        });
        long millis = Elapsed.millisSince(started);
        listener.tableFinished(plan.table(), copied, millis);
        return new TableCopyResult(plan.table(), copied, millis);
    }

    private record ChunkResult(List<Object> upper, long rows) {
    }

    /** Under --max-rows-per-second, chunks of a tenth of a second's rows: the pace stays even, not bursts. */
    private int paced(int size) {
        return maxRowsPerSecond <= 0 ? size : (int) Math.max(1, Math.min(size, maxRowsPerSecond / 10));
    }

    /**
     * Under --max-rows-per-second, waits until {@code rows} rows since {@code startNanos} are due at that
     * rate: the average holds over the table, so one fast chunk is followed by a wait, not a burst.
     */
    private void keepPace(long startNanos, long rows) {
        if (maxRowsPerSecond <= 0) {
            return;
        }
        long dueNanos = startNanos + (long) (rows * 1e9 / maxRowsPerSecond);
        long waitMs = (dueNanos - System.nanoTime()) / 1_000_000;
        if (waitMs > 0) {
            try {
                Thread.sleep(waitMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw MigException.runtime("Interrupted while pacing the copy.", "Run 'mig migrate' again to resume.", e);
            }
        }
    }

    /**
     * The remap pre-pass: gives every existing source row its new key before any table is copied, so
     * that foreign keys pointing at this table (self-references and cycles included) translate whichever
     * table is copied first. Chunked like the copy; idempotent, so a resumed run simply walks it again.
     */
    void mapAllKeys() throws SQLException {
        List<Object> cursor = List.of();
        while (true) {
            List<Object> from = cursor;
            int wanted = sizer.size();
            long t0 = System.nanoTime();
            List<Object> upper = Tx.deferred(pair, c -> {
                List<Object> u = upperBound(from, wanted);
                if (u != null) {
                    IdMapper.allocate(pair, mapping, range.between(from), KeyRange.betweenParams(from, u));
                }
                return u;
            });
            if (upper == null) {
                return;
            }
            sizer.record(wanted, Elapsed.millisSince(t0));
            cursor = upper;
        }
    }

    /** One chunk inside the caller's transaction; null when no source row is left after {@code cursor}. */
    private ChunkResult copyChunk(List<Object> cursor, int rows) throws SQLException {
        long t0 = System.nanoTime();
        List<Object> upper = upperBound(cursor, rows);
        if (upper == null) {
            return null;
        }
        String where = range.between(cursor);
        List<Object> params = KeyRange.betweenParams(cursor, upper);
        if (plan.ids() == IdPolicy.REMAP) {
            // Rows inserted into the old table after the remap pre-pass get their new keys here.
            IdMapper.allocate(pair, mapping, where, params);
        }
        int n = RowWriter.insert(pair, mapping, where, params);
        progress.advance(pair, plan.table(), upper, n, Elapsed.millisSince(t0));
        return new ChunkResult(upper, n);
    }

    /** The key {@code rows} rows after the cursor, or the last key when fewer are left; null when none. */
    private List<Object> upperBound(List<Object> cursor, int rows) throws SQLException {
        String key = mapping.sourceKey().terms(null);
        String from = " FROM " + mapping.sourceTable() + (cursor.isEmpty() ? "" : " WHERE " + range.after());
        List<Object> upper = firstRow("SELECT " + key + from + " ORDER BY " + range.orderBy(false)
                + " LIMIT 1 OFFSET " + (rows - 1), cursor);
        return upper != null ? upper : firstRow("SELECT " + key + from + " ORDER BY " + range.orderBy(true)
                + " LIMIT 1", cursor);
    }

    private List<Object> firstRow(String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = pair.prepareStatement(sql)) {
            setAll(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                return row;
            }
        }
    }

    static void setAll(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}
