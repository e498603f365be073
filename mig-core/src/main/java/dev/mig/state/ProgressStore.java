package dev.mig.state;

import static dev.mig.state.StateSql.COPY_MS;
import static dev.mig.state.StateSql.DONE;
import static dev.mig.state.StateSql.ROWS_COPIED;
import static dev.mig.state.StateSql.ROWS_TOTAL;
import static dev.mig.state.StateSql.TABLE_NAME;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Reads and advances the copy cursors in {@code _migration_progress}. Callers advance a cursor in the
 * same transaction as the chunk it describes, so a killed copy resumes exactly after its last
 * committed chunk.
 */
public final class ProgressStore {

    private final Table<Record> table;

    /** @param schema where the new database is: {@code main}, or {@code mig_new} on a copy connection */
    public ProgressStore(String schema) {
        this.table = StateSql.table(schema, StateTables.PROGRESS);
    }

    public void register(Connection c, String tableName, long rowsTotal) throws SQLException {
        StateSql.run(c, dsl -> dsl.insertInto(table).columns(TABLE_NAME, ROWS_TOTAL).values(tableName, rowsTotal)
                .onDuplicateKeyIgnore().execute());
    }

    public Optional<TableProgress> load(Connection c, String tableName, int keyWidth) throws SQLException {
        return StateSql.run(c, dsl -> dsl.select(columns(keyWidth)).from(table).where(TABLE_NAME.eq(tableName))
                .fetchOptional(r -> read(r, keyWidth)));
    }

    public List<TableProgress> all(Connection c) throws SQLException {
        return StateSql.run(c, dsl -> dsl.select(columns(0)).from(table).orderBy(DSL.field(DSL.name("rowid")))
                .fetch(r -> read(r, 0)));
    }

    /** Moves the cursor to {@code cursor} after copying {@code rows} rows in {@code millis}. */
    public void advance(Connection c, String tableName, List<Object> cursor, long rows, long millis)
            throws SQLException {
        Map<Field<?>, Object> set = new HashMap<>();
        set.put(ROWS_COPIED, ROWS_COPIED.plus(rows));
        set.put(COPY_MS, COPY_MS.plus(millis));
        for (int i = 1; i <= cursor.size(); i++) {
            set.put(StateSql.cursor(i), cursor.get(i - 1));
        }
        StateSql.run(c, dsl -> dsl.update(table).set(set).where(TABLE_NAME.eq(tableName)).execute());
    }

    public void markDone(Connection c, String tableName) throws SQLException {
        StateSql.run(c, dsl -> dsl.update(table).set(DONE, 1).where(TABLE_NAME.eq(tableName)).execute());
    }

    /** The columns {@link #read} reads: the counts, and the cursor's first {@code keyWidth} values (k1 at least). */
    private static List<Field<?>> columns(int keyWidth) {
        List<Field<?>> out = new ArrayList<>(List.of(TABLE_NAME, ROWS_TOTAL, ROWS_COPIED, DONE, COPY_MS));
        for (int i = 1; i <= Math.max(1, keyWidth); i++) {
            out.add(StateSql.cursor(i));
        }
        return out;
    }

    private static TableProgress read(Record r, int keyWidth) {
        List<Object> cursor = new ArrayList<>();
        if (r.get(StateSql.cursor(1)) != null) {
            for (int i = 1; i <= keyWidth; i++) {
                cursor.add(r.get(StateSql.cursor(i)));
            }
        }
        return new TableProgress(r.get(TABLE_NAME), r.get(ROWS_TOTAL), r.get(ROWS_COPIED), r.get(DONE) != 0,
                r.get(COPY_MS), cursor);
    }
}
