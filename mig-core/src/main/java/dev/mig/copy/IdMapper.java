package dev.mig.copy;

import dev.mig.plan.MappingSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * Gives the rows of an {@code ids: remap} table their new keys: each old key not yet mapped gets the
 * next number after the largest new key already given, in old-key order, stored in the table's id mapping
 * ({@code _id_mapping_<table>}). Idempotent: a key is never mapped twice, so a resumed copy or a replayed
 * batch can run it again.
 */
public final class IdMapper {

    private IdMapper() {
    }

    // "+o.k" has no affinity: compared with old_key (declared without a type) nothing is converted, so
    // SQLite can use old_key's index. Comparing with o.k itself would apply INTEGER affinity to old_key
    // and scan the whole mapping for every row.

    /**
     * Maps the old keys of the source rows matching {@code sourceWhere} (null: all rows), whose
     * {@code ?} parameters are {@code params}; returns how many keys it added.
     */
    public static int allocate(Connection pair, MappingSql mapping, String sourceWhere,
                               List<Object> params) throws SQLException {
        String idMapping = mapping.idMapping();
        String key = mapping.sourceKey().terms(null);
        String sql = "INSERT INTO " + idMapping + " (old_key, new_key) SELECT k, (SELECT coalesce(max(new_key), 0) FROM "
                + idMapping + ") + row_number() OVER (ORDER BY k) FROM (SELECT " + key + " AS k FROM "
                + mapping.sourceTable() + (sourceWhere == null ? "" : " WHERE " + sourceWhere)
                + ") AS o WHERE NOT EXISTS (SELECT 1 FROM " + idMapping + " AS m WHERE m.old_key = +o.k)";
        try (PreparedStatement ps = pair.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return ps.executeUpdate();
        }
    }
}
