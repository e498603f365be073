package dev.mig.write;

import dev.mig.api.MigException;
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
 * And both first map the old keys of remapped parents that the rows reference and that have no new key
 * yet ({@link IdMapper#allocateReferenced}), so a translated reference is never NULL.
 */
public final class RowWriter {

    private RowWriter() {
    }

    /**
     * Inserts the mapped source rows matching {@code sourceWhere} (parameters {@code params}) inside the
     * caller's transaction; returns how many rows it inserted.
     */
    public static int insert(Connection pair, MappingSql mapping, String sourceWhere, List<Object> params)
            throws SQLException {
        return write(pair, mapping, sourceWhere, params, mapping.insert(sourceWhere, true));
    }

    /**
     * Writes the mapped source rows matching {@code sourceWhere} over the target rows of the same key
     * ({@link MappingSql#upsert}), inside the caller's transaction.
     */
    public static void upsert(Connection pair, MappingSql mapping, String sourceWhere) throws SQLException {
        write(pair, mapping, sourceWhere, List.of(), mapping.upsert(sourceWhere));
    }

    /**
     * Runs {@code sql} under a savepoint: the common case is one pass over the rows. On a UNIQUE
     * conflict it rolls back to the savepoint, removes the stale holders of carried UNIQUE values, and
     * runs {@code sql} again; a conflict that remains is a real one and fails.
     */
    private static int write(Connection pair, MappingSql mapping, String sourceWhere, List<Object> params, String sql)
            throws SQLException {
        IdMapper.allocateReferenced(pair, mapping, sourceWhere, params);
        try (Statement s = pair.createStatement()) {
            s.execute("SAVEPOINT mig_rows");
            try {
                int n = run(pair, sql, params);
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
            run(pair, delete, params);
        }
        try {
            return run(pair, sql, params);
        } catch (SQLException e) {
            if (!isUniqueConflict(e)) {
                throw e;
            }
            throw MigException.refused("Rows of " + mapping.plan().sourceTable() + " violate a UNIQUE constraint of the "
                            + "new table " + mapping.plan().table() + " that the old table does not enforce ("
                            + e.getMessage() + "). They were written after 'mig plan' checked the data. This step was "
                            + "rolled back; the old database keeps every row.",
                    "Fix the duplicates in the old database (still the application's), then run the command again; "
                            + "or 'mig reset'.");
        }
    }

    private static int run(Connection pair, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = pair.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return ps.executeUpdate();
        }
    }

    public static boolean isUniqueConflict(SQLException e) {
        String m = String.valueOf(e.getMessage());
        // ROWID: a carried rowid held by a stale row (a key REPLACEd or swapped since it was read)
        return m.contains("SQLITE_CONSTRAINT_UNIQUE") || m.contains("SQLITE_CONSTRAINT_PRIMARYKEY")
                || m.contains("SQLITE_CONSTRAINT_ROWID");
    }
}
