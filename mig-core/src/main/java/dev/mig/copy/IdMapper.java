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
     * {@code ?} parameters are {@code params}.
     */
    public static void allocate(Connection pair, MappingSql mapping, String sourceWhere,
                               List<Object> params) throws SQLException {
        String keys = "SELECT " + mapping.sourceKey().terms(null) + " AS k FROM " + mapping.sourceTable()
                + (sourceWhere == null ? "" : " WHERE " + sourceWhere);
        allocate(pair, mapping.idMapping(), keys, params);
    }

    /**
     * Maps every old key of a remapped parent that the source rows matching {@code sourceWhere} reference
     * and its mapping lacks. Copy and replay call it before they translate
     * those rows ({@link RowWriter}).
     *
     * <p>Why: the parent's mapping was filled from the parent's rows as they were when it was mapped, but a
     * child row is read as it is now; the application may since have inserted that parent, or changed its
     * key. Such a parent is in the change log (its write came after capture started) and replay writes it
     * later under the key mapped here: a new key is only a number, and whichever step maps an old key
     * first, every later translation of it gives the same one. So the child is written pointing at exactly
     * the row its parent will be, and the result is the same as if the parent had been mapped first.
     * Skipping such children instead (replay would bring them) is not exact: a value that references no
     * parent at all (an orphan the old database let through) would then never be written, or, in a
     * nullable column, be written as NULL and pass every check. Mapped here, it points at a key no parent
     * holds, and the foreign-key check before cutover names it.
     */
    public static void allocateReferenced(Connection pair, MappingSql mapping, String sourceWhere,
                                          List<Object> params) throws SQLException {
        for (MappingSql.ReferencedKeys r : mapping.referencedKeys(sourceWhere)) {
            allocate(pair, r.idMapping(), r.keys(), params);
        }
    }

    /** Maps the old keys {@code keys} (a SELECT of column {@code k}, without duplicates) that {@code idMapping} lacks. */
    private static void allocate(Connection pair, String idMapping, String keys, List<Object> params)
            throws SQLException {
        String sql = "INSERT INTO " + idMapping + " (old_key, new_key) SELECT k, (SELECT coalesce(max(new_key), 0) FROM "
                + idMapping + ") + row_number() OVER (ORDER BY k) FROM (" + keys + ") AS o WHERE NOT EXISTS "
                + "(SELECT 1 FROM " + idMapping + " AS m WHERE m.old_key = +o.k)";
        try (PreparedStatement ps = pair.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            ps.executeUpdate();
        }
    }
}
