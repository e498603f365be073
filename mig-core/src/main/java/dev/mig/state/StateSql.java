package dev.mig.state;

import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * mig's bookkeeping tables and their columns as jOOQ objects (declared here, no generated code), and the
 * one way state/ queries them. Their DDL stays hand-written in {@link StateTables}: it is part of the
 * file format, kept exactly as {@code sqlite_schema} shows it, with SQLite's CHECK and typeless columns.
 * Every name is quoted when rendered, as everywhere in mig.
 */
final class StateSql {

    private static final Settings SETTINGS = new Settings()
            .withRenderQuotedNames(RenderQuotedNames.ALWAYS)
            .withRenderSchema(true)
            .withExecuteLogging(false);

    static final Field<Integer> ID = field("id", SQLDataType.INTEGER);
    // _migration_status
    static final Field<String> STATUS = field("status", SQLDataType.VARCHAR);
    // _schema_identity
    static final Field<String> SCHEMA_HASH = field("schema_hash", SQLDataType.VARCHAR);
    static final Field<String> SCHEMA_COMMIT = field("schema_commit", SQLDataType.VARCHAR);
    static final Field<String> CREATED_UTC = field("created_utc", SQLDataType.VARCHAR);
    static final Field<String> MIG_VERSION = field("mig_version", SQLDataType.VARCHAR);
    // _migration_plan
    static final Field<String> SOURCE_PATH = field("source_path", SQLDataType.VARCHAR);
    static final Field<String> SOURCE_HASH = field("source_hash", SQLDataType.VARCHAR);
    static final Field<String> TARGET_HASH = field("target_hash", SQLDataType.VARCHAR);
    static final Field<String> PLAN_JSON = field("plan_json", SQLDataType.VARCHAR);
    static final Field<String> DECLARED_JSON = field("declared_json", SQLDataType.VARCHAR);
    static final Field<String> LIVE_JSON = field("live_json", SQLDataType.VARCHAR);
    static final Field<String> SCHEMA_YAML = field("schema_yaml", SQLDataType.VARCHAR);
    // _migration_replay
    static final Field<Long> LAST_SEQ = field("last_seq", SQLDataType.BIGINT);
    static final Field<Long> ENTRIES_REPLAYED = field("entries_replayed", SQLDataType.BIGINT);
    static final Field<Long> REPLAY_MS = field("replay_ms", SQLDataType.BIGINT);
    static final Field<Integer> COPY_COMPLETE = field("copy_complete", SQLDataType.INTEGER);
    static final Field<Integer> DRAIN_COMPLETE = field("drain_complete", SQLDataType.INTEGER);
    static final Field<Long> WRITE_PAUSE_MS = field("write_pause_ms", SQLDataType.BIGINT);
    static final Field<String> STARTED_UTC = field("started_utc", SQLDataType.VARCHAR);
    static final Field<Integer> OLD_WRITTEN_OFFLINE = field("old_written_offline", SQLDataType.INTEGER);
    // _migration_history (also ENTRIES_REPLAYED, WRITE_PAUSE_MS, STARTED_UTC, MIG_VERSION)
    static final Field<String> FROM_HASH = field("from_hash", SQLDataType.VARCHAR);
    static final Field<String> TO_HASH = field("to_hash", SQLDataType.VARCHAR);
    static final Field<String> FINISHED_UTC = field("finished_utc", SQLDataType.VARCHAR);
    static final Field<Long> ROWS_COPIED = field("rows_copied", SQLDataType.BIGINT);
    // _migration_progress (also ROWS_COPIED, and the cursor k1..kN: see cursor)
    static final Field<String> TABLE_NAME = field("table_name", SQLDataType.VARCHAR);
    static final Field<Long> ROWS_TOTAL = field("rows_total", SQLDataType.BIGINT);
    static final Field<Integer> DONE = field("done", SQLDataType.INTEGER);
    static final Field<Long> COPY_MS = field("copy_ms", SQLDataType.BIGINT);
    // sqlite_schema
    static final Field<String> TYPE = field("type", SQLDataType.VARCHAR);
    static final Field<String> NAME = field("name", SQLDataType.VARCHAR);

    private StateSql() {
    }

    /** A query of the bookkeeping tables. */
    interface Query<T> {
        T run(DSLContext dsl);
    }

    /**
     * Runs {@code query} on {@code c}. jOOQ wraps SQLite's errors in an unchecked exception; the SQLite
     * error itself is thrown again, so that busy, interrupted and I/O errors reach the handlers that know
     * them (and their messages) as from any other statement of mig's.
     */
    static <T> T run(Connection c, Query<T> query) throws SQLException {
        try {
            return query.run(DSL.using(c, SQLDialect.SQLITE, SETTINGS));
        } catch (DataAccessException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof SQLException sql) {
                    throw sql;
                }
            }
            throw new SQLException(e.getMessage(), e);
        }
    }

    /** Table {@code name} of the database attached as {@code schema} ({@code main}, or {@code mig_new}). */
    static Table<Record> table(String schema, String name) {
        return DSL.table(DSL.name(schema, name));
    }

    /** Cursor column {@code k<i>} of {@code _migration_progress}: no declared type, a key value keeps its own. */
    static Field<Object> cursor(int i) {
        return DSL.field(DSL.name("k" + i));
    }

    private static <T> Field<T> field(String name, org.jooq.DataType<T> type) {
        return DSL.field(DSL.name(name), type);
    }
}
