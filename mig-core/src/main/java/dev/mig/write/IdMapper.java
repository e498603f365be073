package dev.mig.write;

import dev.mig.plan.MappingSql;
import dev.mig.state.IdMappings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Decides which old keys need new ones before rows are written: the rows' own keys for an {@code ids: remap}
 * table, and the parent keys that translated columns reference. The mapping itself, and every write to it,
 * is {@link IdMappings}'s.
 */
public final class IdMapper {

    private IdMapper() {
    }

    /**
     * Maps the old keys of the source rows matching {@code sourceWhere} (null: all rows), whose
     * {@code ?} parameters are {@code params}.
     */
    public static void allocate(Connection pair, MappingSql mapping, String sourceWhere,
                               List<Object> params) throws SQLException {
        String keys = "SELECT " + mapping.sourceKey().terms(null) + " AS k FROM " + mapping.sourceTable()
                + (sourceWhere == null ? "" : " WHERE " + sourceWhere);
        IdMappings.allocate(pair, mapping.plan().table(), keys, params);
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
            IdMappings.allocate(pair, r.parentTable(), r.keys(), params);
        }
    }
}
