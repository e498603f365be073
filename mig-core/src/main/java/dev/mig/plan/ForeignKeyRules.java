package dev.mig.plan;

import dev.mig.api.plan.Blocker;
import dev.mig.schema.ForeignKey;
import dev.mig.schema.Names;
import dev.mig.schema.Schema;
import dev.mig.schema.Table;
import java.util.List;

/**
 * SQLite accepts any REFERENCES clause in CREATE TABLE and reports "foreign key mismatch" only when a
 * row is checked; mig checks every declared foreign key up front instead, fresh database or not.
 */
final class ForeignKeyRules {
    private ForeignKeyRules() {
    }

    static void validate(Schema declared, Findings findings) {
        for (Table child : declared.tables()) {
            for (ForeignKey fk : child.foreignKeys()) {
                validate(declared, child, fk, findings);
            }
        }
    }

    private static void validate(Schema declared, Table child, ForeignKey fk, Findings findings) {
        String label = StructureDiff.fkText(fk);
        Table parent = declared.table(fk.refTable()).orElse(null);
        if (parent == null) {
            findings.block(Blocker.Kind.FOREIGN_KEY_UNRESOLVED, child.name(), label, "table " + child.name() + ": "
                    + label + " references " + fk.refTable() + ", which is not a declared table: declare it, or "
                    + "remove the foreign key");
        } else if (parentColumns(fk, parent) == null) {
            findings.block(Blocker.Kind.FOREIGN_KEY_UNRESOLVED, child.name(), label, "table " + child.name() + ": "
                    + label + " must reference the primary key of " + parent.name() + " or columns with a UNIQUE "
                    + "constraint, as many as the foreign key has: name such columns of " + parent.name());
        }
    }

    /** The parent columns a foreign key compares with, or null when SQLite would report a mismatch. */
    static List<String> parentColumns(ForeignKey fk, Table parent) {
        List<String> cols = fk.refColumns().isEmpty() ? parent.keyColumns() : fk.refColumns();
        boolean exist = cols.stream().allMatch(c -> parent.column(c).isPresent());
        boolean unique = DataProbes.uniqueKeys(parent).contains(DataProbes.keySet(cols));
        return cols.size() == fk.columns().size() && exist && unique ? cols : null;
    }

    /** Does this foreign key compare with the parent's single-column primary key? */
    static boolean referencesPrimaryKey(ForeignKey fk, Table parent) {
        List<String> cols = parentColumns(fk, parent);
        return cols != null && cols.size() == 1 && parent.keyColumns().size() == 1
                && Names.same(cols.get(0), parent.keyColumns().get(0));
    }
}
