package dev.mig.verify;

import static dev.mig.sql.Sql.ident;

import dev.mig.plan.MappingSql;
import dev.mig.schema.ForeignKey;
import dev.mig.schema.Names;
import dev.mig.schema.Schema;
import dev.mig.schema.Table;
import dev.mig.sql.SchemaName;
import dev.mig.sql.SqliteFiles;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The foreign-key check after the tail, limited to what the replay since the full check changed: a
 * full {@code PRAGMA foreign_key_check} there reads the whole new database while writes are paused.
 * A replayed row can break a foreign key in two ways only: as a child (its own references) or as a
 * parent that is now missing (the rows that referenced it). Both are checked for exactly the replayed
 * keys; a reference to a parent's non-key columns falls back to {@code PRAGMA foreign_key_check} of the
 * child table.
 */
public final class TouchedRowsForeignKeyCheck {

    private static final String NEW = SchemaName.NEW.alias();

    private final Connection pair;
    private final Schema declared;
    private final List<String> violations = new ArrayList<>();
    private final Set<String> wholeTables = new LinkedHashSet<>();

    private TouchedRowsForeignKeyCheck(Connection pair, Schema declared) {
        this.pair = pair;
        this.declared = declared;
    }

    /** @param touched each replayed table's mapping and a SELECT of its replayed source keys */
    public static void run(Connection pair, Schema declared, Map<MappingSql, String> touched) throws SQLException {
        TouchedRowsForeignKeyCheck check = new TouchedRowsForeignKeyCheck(pair, declared);
        for (Map.Entry<MappingSql, String> e : touched.entrySet()) {
            check.table(e.getKey(), e.getKey().targetKeysOf(e.getValue()));
        }
        for (String t : check.wholeTables) {
            if (check.violations.size() <= NewDatabaseChecks.SHOWN) {
                NewDatabaseChecks.foreignKeys(pair, List.of(t));
            }
        }
        NewDatabaseChecks.failOn(check.violations);
    }

    private void table(MappingSql m, String targetKeys) throws SQLException {
        Table t = declared.table(m.plan().table()).orElseThrow();
        String keyTerms = rowValue("c", m.targetKeyColumns().isEmpty() ? null : m.targetKeyColumns());
        for (ForeignKey fk : t.foreignKeys()) {
            // As a child: the replayed rows' own references.
            query(t.name(), fk, "SELECT c.rowid FROM " + ident(NEW, t.name()) + " AS c WHERE " + keyTerms + " IN ("
                    + targetKeys + ")");
        }
        Boolean someGone = null; // counted only when a child references the keys: it reads every replayed key
        for (Table child : declared.tables()) {
            for (ForeignKey fk : child.foreignKeys()) {
                if (!Names.same(fk.refTable(), t.name())) {
                    continue;
                }
                if (!referencesKey(fk, t, m.targetKeyColumns())) {
                    wholeTables.add(child.name());
                    continue;
                }
                if (someGone == null) {
                    someGone = count("SELECT count(*) FROM (SELECT DISTINCT * FROM (" + targetKeys + "))")
                            != count("SELECT count(*) FROM " + ident(NEW, t.name()) + " AS c WHERE " + keyTerms
                            + " IN (" + targetKeys + ")");
                }
                if (!someGone) {
                    continue; // every replayed key still has its row: nothing can point at a missing one
                }
                // As a parent: rows that referenced a replayed key, which may be gone now.
                query(child.name(), fk, "SELECT c.rowid FROM " + ident(NEW, child.name()) + " AS c WHERE "
                        + rowValue("c", fk.columns()) + " IN (" + targetKeys + ")");
            }
        }
    }

    /** Runs {@code candidates} (rowids of child rows) restricted to those whose parent row is missing. */
    private void query(String child, ForeignKey fk, String candidates) throws SQLException {
        Table parent = declared.table(fk.refTable()).orElse(null);
        if (parent == null || declared.table(child).orElseThrow().withoutRowid()) {
            wholeTables.add(child);
            return;
        }
        List<String> refs = fk.refColumns().isEmpty() ? parent.primaryKey().columns() : fk.refColumns();
        StringJoiner notNull = new StringJoiner(" AND ");
        StringJoiner match = new StringJoiner(" AND ");
        for (int i = 0; i < fk.columns().size(); i++) {
            notNull.add("c." + ident(fk.columns().get(i)) + " IS NOT NULL");
            match.add("p." + ident(refs.get(i)) + " = c." + ident(fk.columns().get(i)));
        }
        String sql = "SELECT c.rowid FROM " + ident(NEW, child) + " AS c WHERE c.rowid IN (" + candidates + ") AND "
                + notNull + " AND NOT EXISTS (SELECT 1 FROM " + ident(NEW, parent.name()) + " AS p WHERE " + match
                + ") LIMIT " + (NewDatabaseChecks.SHOWN + 1);
        try (Statement s = pair.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next() && violations.size() <= NewDatabaseChecks.SHOWN) {
                violations.add("table " + child + " rowid " + rs.getString(1) + " -> missing parent in " + parent.name());
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement s = pair.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** True if {@code fk} references exactly the parent's row-key columns, in order. */
    private static boolean referencesKey(ForeignKey fk, Table parent, List<String> keyColumns) {
        if (keyColumns.isEmpty()) {
            return false;
        }
        List<String> refs = fk.refColumns().isEmpty() && parent.primaryKey() != null ? parent.primaryKey().columns()
                : fk.refColumns();
        return Names.same(refs, keyColumns);
    }

    private static String rowValue(String alias, List<String> columns) {
        if (columns == null) {
            return alias + ".rowid";
        }
        StringJoiner out = new StringJoiner(", ");
        columns.forEach(c -> out.add(alias + "." + ident(c)));
        return columns.size() == 1 ? out.toString() : "(" + out + ")";
    }
}
