package dev.mig.copy;

import static dev.mig.sql.Sql.ident;
import static dev.mig.sql.Sql.literal;

import dev.mig.plan.MappingSql;
import dev.mig.sql.SqliteFiles;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * Gives the rows of an {@code ids: remap} table their new keys: each old key not yet mapped gets the
 * next number after the largest new key already given, in old-key order, stored in {@code _id_mapping}.
 * Idempotent: a key is never mapped twice, so a resumed copy or a replayed batch can run it again.
 */
public final class IdMapper {

    private IdMapper() {
    }

    /**
     * Maps the old keys of the source rows matching {@code sourceWhere} (null: all rows), whose
     * {@code ?} parameters are {@code params}; returns how many keys it added.
     */
    public static int allocate(Connection pair, MappingSql mapping, String sourceWhere,
                               List<Object> params) throws SQLException {
        String tableName = mapping.mappingName();
        String idMapping = ident(SqliteFiles.TARGET_SCHEMA, "_id_mapping");
        String key = mapping.sourceKey().terms(null);
        // "+o.k": without the key column's affinity, the lookup can use _id_mapping's primary key (see
        // MappingSql.translate); old_key holds the values of that same column, so they compare exactly.
        String sql = "INSERT INTO " + idMapping + " (table_name, old_key, new_key) SELECT " + literal(tableName)
                + ", k, (SELECT coalesce(max(new_key), 0) FROM " + idMapping + " WHERE table_name = " + literal(tableName)
                + ") + row_number() OVER (ORDER BY k) FROM (SELECT " + key + " AS k FROM " + mapping.sourceTable()
                + (sourceWhere == null ? "" : " WHERE " + sourceWhere) + ") AS o WHERE NOT EXISTS (SELECT 1 FROM "
                + idMapping + " AS m WHERE m.table_name = " + literal(tableName) + " AND m.old_key = +o.k)";
        try (PreparedStatement ps = pair.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return ps.executeUpdate();
        }
    }
}
