package dev.mig.copy;

import dev.mig.schema.Index;
import dev.mig.schema.Schema;
import dev.mig.schema.SchemaDdl;
import dev.mig.schema.Table;
import dev.mig.sql.SchemaName;
import dev.mig.sql.Tx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The declared indexes of the new database, built after a table's rows (faster than keeping them up row
 * by row). A UNIQUE one can meet, during a hot copy, a value the application has since moved from a row
 * already copied to one copied later: the stale copy still holds it until replay writes its change. So
 * the copy leaves such an index for drain to build once replay has caught up, and cutover refuses while
 * any declared index is missing.
 */
public final class Indexes {

    private Indexes() {
    }

    /** A declared index the new database does not have yet. */
    public record Missing(Table table, Index index) {
    }

    /** The declared indexes missing from the new database (schema {@code mig_new} on {@code pair}). */
    public static List<Missing> missing(Connection pair, Schema declared) throws SQLException {
        return missing(pair, declared, SchemaName.NEW);
    }

    /** As {@link #missing(Connection, Schema)}, for the new database attached to {@code c} as {@code schema}. */
    public static List<Missing> missing(Connection c, Schema declared, SchemaName schema) throws SQLException {
        List<Missing> out = new ArrayList<>();
        for (Table t : declared.tables()) {
            for (Index i : t.indexes()) {
                if (!exists(c, schema, i.name())) {
                    out.add(new Missing(t, i));
                }
            }
        }
        return out;
    }

    /** Creates {@code index} of {@code table} in the new database, in a transaction of its own. */
    public static void build(Connection pair, Table table, Index index) throws SQLException {
        Tx.deferred(pair, c -> {
            try (Statement s = c.createStatement()) {
                s.execute(SchemaDdl.createIndex(SchemaName.NEW, table.name(), index));
            }
            return null;
        });
    }

    static boolean exists(Connection c, SchemaName schema, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + schema.table("sqlite_schema")
                + " WHERE type = 'index' AND name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
