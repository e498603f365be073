package dev.mig.copy;

import dev.mig.plan.MappingSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Writes mapped source rows into the new database. Copy and replay both write through here, so both
 * resolve UNIQUE conflicts the same way: a row holding a value the old database says has moved on is
 * stale and makes way ({@link MappingSql#deleteStaleUniqueHolders}); any other conflict is an error.
 */
public final class RowWriter {

    private RowWriter() {
    }

    /**
     * Inserts the mapped source rows matching {@code sourceWhere} (parameters {@code params}) inside the
     * caller's transaction. Tries the plain INSERT first (the common case, one pass over the rows); on
     * a UNIQUE conflict rolls back to a savepoint, removes stale holders, and inserts again.
     */
    public static int insert(Connection pair, MappingSql mapping, String sourceWhere, List<Object> params)
            throws SQLException {
        try (Statement s = pair.createStatement()) {
            s.execute("SAVEPOINT mig_rows");
            try {
                int n = run(pair, mapping.insert(sourceWhere, true), params);
                s.execute("RELEASE mig_rows");
                return n;
            } catch (SQLException e) {
                if (!isUniqueConflict(e)) {
                    throw e;
                }
                s.execute("ROLLBACK TO mig_rows");
                s.execute("RELEASE mig_rows");
            }
        }
        return insertAfterClearingStale(pair, mapping, sourceWhere, params);
    }

    /**
     * Writes the mapped source rows matching {@code sourceWhere} over the target rows of the same key
     * ({@link MappingSql#upsert}), inside the caller's transaction; stale UNIQUE holders are cleared
     * only when a conflict says there are some.
     */
    public static int upsert(Connection pair, MappingSql mapping, String sourceWhere) throws SQLException {
        try (Statement s = pair.createStatement()) {
            s.execute("SAVEPOINT mig_rows");
            try {
                int n = run(pair, mapping.upsert(sourceWhere), List.of());
                s.execute("RELEASE mig_rows");
                return n;
            } catch (SQLException e) {
                if (!isUniqueConflict(e)) {
                    throw e;
                }
                s.execute("ROLLBACK TO mig_rows");
                s.execute("RELEASE mig_rows");
            }
        }
        for (String delete : mapping.deleteStaleUniqueHolders(sourceWhere)) {
            run(pair, delete, List.of());
        }
        return run(pair, mapping.upsert(sourceWhere), List.of());
    }

    /** Removes stale holders of the rows' unique values, then inserts the rows. */
    public static int insertAfterClearingStale(Connection pair, MappingSql mapping, String sourceWhere,
                                               List<Object> params) throws SQLException {
        for (String delete : mapping.deleteStaleUniqueHolders(sourceWhere)) {
            run(pair, delete, params);
        }
        return run(pair, mapping.insert(sourceWhere, true), params);
    }

    private static int run(Connection pair, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = pair.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return ps.executeUpdate();
        }
    }

    static boolean isUniqueConflict(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_CONSTRAINT_UNIQUE") || m.contains("SQLITE_CONSTRAINT_PRIMARYKEY");
    }
}
