package dev.mig.state;

import dev.mig.api.MigException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The {@code cutover:} statements of schema.yaml: rows an ORM's migration history needs, rows of new
 * tables. They run in the caller's transaction, the one that makes the new database ready, so that the
 * database is ready with them or not at all.
 */
public final class CutoverStatements {

    private CutoverStatements() {
    }

    /**
     * Runs {@code statements} in order on {@code c}; the first that fails stops them, and says which.
     *
     * @param source where they come from, for the message: {@code "schema.yaml"}, or the stored plan
     */
    public static void apply(Connection c, List<String> statements, String source) throws SQLException {
        apply(c, statements, source, "Nothing was made ready: the transaction that would have was rolled back.");
    }

    /** As {@link #apply(Connection, List, String)}, saying {@code outcome} of a failure. */
    public static void apply(Connection c, List<String> statements, String source, String outcome)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            for (int i = 0; i < statements.size(); i++) {
                try {
                    s.executeUpdate(statements.get(i));
                } catch (SQLException e) {
                    throw new MigException(MigException.Kind.REFUSED, "cutover statement " + (i + 1) + " (from "
                                    + source + ") failed: " + e.getMessage() + " (" + statements.get(i) + "). "
                                    + outcome,
                            "Fix the statement under cutover: in schema.yaml, which is read again while it declares "
                                    + "this schema (INSERT OR IGNORE keeps a history row that already exists from "
                                    + "failing), then run the command again.", e);
                }
            }
        }
    }
}
