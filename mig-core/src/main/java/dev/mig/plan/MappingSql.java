package dev.mig.plan;

import static dev.mig.sql.Sql.ident;

import dev.mig.api.plan.ColumnPlan;
import dev.mig.api.plan.IdPolicy;
import dev.mig.api.plan.TablePlan;
import dev.mig.schema.Index;
import dev.mig.schema.IndexTerm;
import dev.mig.schema.MigTables;
import dev.mig.schema.Names;
import dev.mig.schema.RowKey;
import dev.mig.schema.Schema;
import dev.mig.schema.Table;
import dev.mig.schema.UniqueKey;
import dev.mig.sql.SchemaName;
import dev.mig.sql.Sql;
import dev.mig.sql.SqliteFiles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A table plan rendered as SQL: the one place that turns "where each value comes from" into the
 * statements copy and replay run and the mapped rows verify compares.
 *
 * <p>It runs on the connection of {@code SqliteFiles.openSourceWithTarget}: the old database is
 * {@code main} and the new one {@code mig_new}. Source expressions are evaluated in an inner SELECT
 * whose only table is the source table, so an unqualified name in a {@code from:} expression always
 * means a column of the source row (or, in a subquery, an old table). Their results get positional
 * aliases ({@code c0, c1, ...}), so no column name can collide with anything mig adds around them.
 */
public final class MappingSql {

    private final TablePlan plan;
    private final Table target;
    private final Table source;
    private final RowKey sourceKey;
    private final List<ColumnPlan> copied;

    /**
     * @param plan   the table's plan (must have a source table)
     * @param target the declared target table
     * @param source the live source table
     */
    /** The mapping SQL of a table plan that has a source table, between the declared and the live schema. */
    public static MappingSql of(TablePlan t, Schema declared, Schema live) {
        return new MappingSql(t, declared.table(t.table()).orElseThrow(), live.table(t.sourceTable()).orElseThrow());
    }

    public MappingSql(TablePlan plan, Table target, Table source) {
        this.plan = plan;
        this.target = target;
        this.source = source;
        this.sourceKey = RowKey.of(source);
        this.copied = plan.columns().stream().filter(ColumnPlan::isCopied).toList();
    }

    public TablePlan plan() {
        return plan;
    }

    public RowKey sourceKey() {
        return sourceKey;
    }

    /** {@code "mig_new"."_id_mapping_<target table>"}: this remapped table's old-to-new key pairs. */
    private String idMapping() {
        return idMapping(plan.table());
    }

    private static String idMapping(String table) {
        return SchemaName.NEW.table(MigTables.idMapping(table));
    }

    /** {@code "main"."source"}. */
    public String sourceTable() {
        return SchemaName.OLD.table(plan.sourceTable());
    }

    /** {@code "mig_new"."target"}. */
    public String targetTable() {
        return SchemaName.NEW.table(plan.table());
    }

    /**
     * {@code INSERT INTO target (columns) SELECT ...} of the mapped source rows matching
     * {@code sourceWhere} (a condition over the source row; null for all rows).
     *
     * @param ordered insert in source-key order (the bulk copy: better b-tree locality)
     */
    public String insert(String sourceWhere, boolean ordered) {
        StringJoiner columns = new StringJoiner(", ");
        targetColumns().forEach(c -> columns.add(targetTerm(c)));
        return "INSERT INTO " + targetTable() + " (" + columns + ") " + select(sourceWhere, ordered);
    }

    private static final String ROWID = "\0rowid";

    /** A target column quoted, or for {@link #ROWID} the name that reaches the target's rowid. */
    private String targetTerm(String column) {
        return column.equals(ROWID) ? target.rowidName().orElseThrow() : ident(column);
    }

    /**
     * Target columns the mapped rows fill, in order; the rowid (when carried) is named by {@link #ROWID}.
     * A remapped table's key is always filled (from its id mapping), even when it is a new column:
     * a TEXT key that becomes INTEGER ids keeps its text in another column.
     */
    private List<String> targetColumns() {
        List<String> out = new ArrayList<>();
        if (plan.keepRowid()) {
            out.add(ROWID);
        }
        copied.forEach(c -> out.add(c.column()));
        String key = remappedKey();
        if (key != null && out.stream().noneMatch(c -> Names.same(c, key))) {
            out.add(key);
        }
        return out;
    }

    /** The key column of a table with {@code ids: remap}, or null. */
    private String remappedKey() {
        return plan.ids() == IdPolicy.REMAP && target.primaryKey() != null ? target.primaryKey().columns().get(0) : null;
    }

    /**
     * The target terms the mapped rows fill, in the order of {@link #mappedSelect}: {@code rowid} when
     * it is carried, then the copied columns, quoted.
     */
    public List<String> targetTerms() {
        return targetColumns().stream().map(this::targetTerm).toList();
    }

    /** The declared type of each of {@link #targetTerms()}, as the target applies it ("INTEGER" for the rowid). */
    public List<String> targetTypes() {
        return targetColumns().stream().map(c -> c.equals(ROWID) ? "INTEGER"
                : target.column(c).map(dev.mig.schema.Column::type).orElse("")).toList();
    }

    /**
     * True when the target column applies a type conversion the source value has not had: a computed
     * value (an expression has no affinity) or a changed declared type. Verify then compares values
     * after the target's affinity, as the copy stored them.
     */
    public boolean convertsTypes() {
        return copied.stream().anyMatch(c -> c.source() == ColumnPlan.Source.COMPUTED || c.typeChange() != null);
    }

    /** The mapped rows of the whole source table as they land in the target: values v0, v1 ... */
    public String mappedSelect() {
        return select(null, false);
    }

    /** SELECT of the mapped rows as they land in the target: values translated, positionally aliased v0, v1 ... */
    private String select(String sourceWhere, boolean ordered) {
        StringJoiner values = new StringJoiner(", ");
        int v = 0;
        if (plan.keepRowid()) {
            values.add("x.r AS v" + v++);
        }
        for (int i = 0; i < copied.size(); i++) {
            values.add(outerValue(copied.get(i), "x.c" + i) + " AS v" + v++);
        }
        String key = remappedKey();
        if (key != null && copied.stream().noneMatch(c -> Names.same(c.column(), key))) {
            values.add(translate(plan.table(), "x.k") + " AS v" + v);
        }
        return "SELECT " + values + " FROM (" + mappedRows(sourceWhere, ordered) + ") AS x";
    }

    /** The inner SELECT: source expressions with positional aliases, filtered and optionally ordered. */
    private String mappedRows(String sourceWhere, boolean ordered) {
        StringJoiner select = new StringJoiner(", ");
        if (plan.keepRowid()) {
            select.add(source.rowidName().orElseThrow() + " AS r");
        }
        for (int i = 0; i < copied.size(); i++) {
            select.add(copied.get(i).sourceExpr() + " AS c" + i);
        }
        if (remappedKey() != null) {
            select.add(sourceKey.terms(null) + " AS k");
        }
        String sql = "SELECT " + select + " FROM " + sourceTable();
        if (sourceWhere != null) {
            sql += " WHERE " + sourceWhere;
        }
        return ordered ? sql + " ORDER BY " + sourceKey.terms(null) : sql;
    }

    /**
     * Deletes rows of the target that hold, on a UNIQUE constraint the old table has too, a value that
     * one of the mapped source rows matching {@code sourceWhere} holds now. Such rows are stale: the old
     * database, enforcing the same constraint, says the value moved, so they have an unreplayed log
     * entry that will restore them (specs/hot-migration.md). One statement per such constraint.
     * A conflict on a constraint the old table does not have is never resolved this way: it fails.
     */
    public List<String> deleteStaleUniqueHolders(String sourceWhere) {
        List<String> out = new ArrayList<>();
        List<String> cols = targetColumns();
        for (List<String> unique : carriedUniqueConstraints()) {
            StringJoiner tcols = new StringJoiner(", ");
            StringJoiner vcols = new StringJoiner(", ");
            for (String u : unique) {
                tcols.add(targetTerm(u));
                vcols.add("y.v" + indexOf(cols, u));
            }
            out.add("DELETE FROM " + targetTable() + " WHERE (" + tcols + ") IN (SELECT " + vcols + " FROM ("
                    + select(sourceWhere, false) + ") AS y)");
        }
        return out;
    }

    /**
     * True when the target's primary key is exactly where the source key lands (or the remapped key),
     * so a changed row can be written in place with {@link #upsert} instead of deleted and re-inserted.
     */
    public boolean upsertable() {
        List<String> keys = targetKeyColumns();
        return !keys.isEmpty() && target.primaryKey() != null
                && keys(keys).equals(keys(target.primaryKey().columns()));
    }

    /**
     * {@code INSERT ... ON CONFLICT (primary key) DO UPDATE}: writes the mapped source rows matching
     * {@code sourceWhere} over the target rows of the same key, touching only the indexes whose values
     * changed (a key column's too, unless it is the rowid). A conflict on any other UNIQUE constraint
     * still fails (see RowWriter).
     */
    public String upsert(String sourceWhere) {
        List<String> pk = target.primaryKey().columns();
        StringJoiner set = new StringJoiner(", ");
        for (String c : targetColumns()) {
            // A key is written too unless it is the rowid: under NOCASE 'abc' -> 'ABC', or 1 -> 1.0 in an
            // untyped key, is the same key to ON CONFLICT but a different value the old row now holds.
            boolean rowidKey = target.hasRowidAlias() && pk.stream().anyMatch(k -> Names.same(k, c));
            if (!c.equals(ROWID) && !rowidKey) {
                set.add(ident(c) + " = excluded." + ident(c));
            }
        }
        // "WHERE true": an INSERT ... SELECT followed by ON CONFLICT needs a WHERE to parse unambiguously.
        return insert(sourceWhere, true) + " WHERE true ON CONFLICT (" + Sql.idents(pk)
                + ") DO " + (set.length() == 0 ? "NOTHING" : "UPDATE SET " + set);
    }

    /** Of the source keys in {@code keysSelect} (columns k1..kN), those whose row is gone from the old table. */
    private String goneKeys(String keysSelect) {
        StringJoiner gk = new StringJoiner(", ");
        for (int i = 1; i <= sourceKey.size(); i++) {
            gk.add("g.k" + i);
        }
        String g = sourceKey.size() == 1 ? gk.toString() : "(" + gk + ")";
        return "SELECT " + gk + " FROM (" + keysSelect + ") AS g WHERE NOT EXISTS (SELECT 1 FROM " + sourceTable()
                + " AS o WHERE " + sourceKey.rowValue("o") + " = " + g + ")";
    }

    /**
     * Deletes the target rows of the source keys in {@code keysSelect} (columns k1..kN) that cannot be
     * written in place by {@link #upsert}: rows gone from the old table and, where the rowid is carried,
     * rows the old table now holds at another rowid (REPLACE, delete and re-insert, key swaps): those are
     * inserted again at their old rowid. Comparing rowids of the remaining rows keeps upserts of unmoved
     * rows from rewriting every index entry, as setting the rowid would.
     */
    public String deleteGoneOrMoved(String keysSelect) {
        if (!plan.keepRowid() || sourceKey.rowid()) {
            return deleteByOldKeys(goneKeys(keysSelect));
        }
        StringJoiner targetKey = new StringJoiner(", ", "(", ")");
        StringJoiner sameKey = new StringJoiner(" AND ");
        for (String k : sourceKey.columns()) {
            String landed = landingColumn(k).orElseThrow();
            String t = "t." + ident(landed);
            targetKey.add(t);
            // A key column referencing a remapped parent holds the parent's new key: compare it translated,
            // or an old id is taken for an unrelated row's new one.
            String o = copiedAs(landed).flatMap(this::remapRef)
                    .map(ref -> translate(ref.refTable(), "o." + ident(k))).orElse("o." + ident(k));
            // byte for byte: a key whose case changed under a NOCASE key is written again, not kept
            sameKey.add(o + " = " + t + " COLLATE BINARY");
        }
        return "DELETE FROM " + targetTable() + " AS t WHERE " + targetKey + " IN (" + targetKeysOf(keysSelect)
                + ") AND NOT EXISTS (SELECT 1 FROM " + sourceTable() + " AS o WHERE o." + source.rowidName().orElseThrow()
                + " = t." + target.rowidName().orElseThrow() + " AND " + sameKey + ")";
    }

    /** Deletes the target rows of the source keys in {@code keysSelect} (a SELECT of k1..kN). */
    public String deleteByOldKeys(String keysSelect) {
        return "DELETE FROM " + targetTable() + " WHERE " + targetKeyTerms() + " IN (" + targetKeysOf(keysSelect) + ")";
    }

    /**
     * A SELECT of the target key values of the source keys in {@code keysSelect}: the keys themselves,
     * or for a remapped table their new keys from its id mapping (kept for deleted rows too).
     * Its columns are {@link #targetKeyColumns()} (or the rowid when that is empty).
     */
    public String targetKeysOf(String keysSelect) {
        if (plan.ids() == IdPolicy.REMAP) {
            return "SELECT m.new_key FROM " + idMapping() + " AS m WHERE m.old_key IN (" + keysSelect + ")";
        }
        if (sourceKey.rowid()) {
            return keysSelect;
        }
        // A key column that references a remapped table (a one-to-one table keyed by its parent's id) holds
        // the parent's new key in the target: its old keys are translated as the copy translated them.
        StringJoiner terms = new StringJoiner(", ");
        boolean translated = false;
        for (int i = 0; i < sourceKey.size(); i++) {
            String k = "g.k" + (i + 1);
            Optional<TablePlan.RemapRef> ref = copiedAs(landingColumn(sourceKey.columns().get(i)).orElseThrow())
                    .flatMap(this::remapRef);
            translated |= ref.isPresent();
            terms.add(ref.map(r -> translate(r.refTable(), k)).orElse(k) + " AS k" + (i + 1));
        }
        return translated ? "SELECT " + terms + " FROM (" + keysSelect + ") AS g" : keysSelect;
    }

    private Optional<ColumnPlan> copiedAs(String targetColumn) {
        return copied.stream().filter(c -> Names.same(c.column(), targetColumn)).findFirst();
    }

    /** The target columns that hold the row key, in key order; empty when the key is the bare rowid. */
    public List<String> targetKeyColumns() {
        if (plan.ids() == IdPolicy.REMAP) {
            return List.of(target.primaryKey().columns().get(0));
        }
        if (sourceKey.rowid()) {
            return List.of();
        }
        return sourceKey.columns().stream().map(k -> landingColumn(k).orElseThrow()).toList();
    }

    /** The target terms that hold the source key's values (rowid, or the key columns where they landed). */
    private String targetKeyTerms() {
        if (plan.ids() == IdPolicy.REMAP) {
            return ident(target.primaryKey().columns().get(0));
        }
        if (sourceKey.rowid()) {
            return "rowid";
        }
        StringJoiner out = new StringJoiner(", ");
        for (String k : sourceKey.columns()) {
            out.add(ident(landingColumn(k).orElseThrow(() -> new IllegalStateException(
                    "key column " + k + " of " + plan.sourceTable() + " is not carried into " + plan.table()))));
        }
        return sourceKey.size() == 1 ? out.toString() : "(" + out + ")";
    }

    /** The target column a source column is copied into unchanged (KEPT or RENAMED), if any. */
    public Optional<String> landingColumn(String sourceColumn) {
        return copied.stream().filter(c -> (c.source() == ColumnPlan.Source.KEPT
                        || c.source() == ColumnPlan.Source.RENAMED) && Names.same(c.sourceColumn(), sourceColumn))
                .map(ColumnPlan::column).findFirst();
    }

    /**
     * Target UNIQUE constraints and plain unique indexes (and the primary key, unless remapped or the
     * row key itself) whose columns are all copied unchanged from columns that are unique in the old
     * table as well; and the carried rowid, unique in both.
     */
    List<List<String>> carriedUniqueConstraints() {
        Set<Set<String>> sourceUniques = new HashSet<>();
        uniqueColumnSets(source).forEach(u -> sourceUniques.add(keys(u)));
        List<List<String>> out = new ArrayList<>();
        if (plan.keepRowid()) {
            out.add(List.of(ROWID));
        }
        for (List<String> u : uniqueColumnSets(target)) {
            if (plan.ids() == IdPolicy.REMAP && target.primaryKey() != null
                    && keys(u).equals(keys(target.primaryKey().columns()))) {
                continue;
            }
            List<String> from = new ArrayList<>();
            for (String col : u) {
                copied.stream().filter(c -> Names.same(c.column(), col) && (c.source() == ColumnPlan.Source.KEPT
                        || c.source() == ColumnPlan.Source.RENAMED)).findFirst().ifPresent(c -> from.add(c.sourceColumn()));
            }
            if (from.size() == u.size() && sourceUniques.contains(keys(from))) {
                out.add(u);
            }
        }
        return out;
    }

    private static List<List<String>> uniqueColumnSets(Table t) {
        List<List<String>> out = new ArrayList<>();
        if (t.primaryKey() != null) {
            out.add(t.primaryKey().columns());
        }
        t.uniques().stream().map(UniqueKey::columns).forEach(out::add);
        for (Index i : t.indexes()) {
            if (i.unique() && i.where() == null && i.terms().stream().allMatch(x -> x.column() != null && x.collate() == null)) {
                out.add(i.terms().stream().map(IndexTerm::column).toList());
            }
        }
        return out;
    }

    private static Set<String> keys(List<String> names) {
        Set<String> out = new HashSet<>();
        names.forEach(n -> out.add(Names.key(n)));
        return out;
    }

    private static int indexOf(List<String> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (Names.same(columns.get(i), name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** The value written into a target column: the mapped source value, translated for remapped keys. */
    private String outerValue(ColumnPlan c, String mapped) {
        if (Names.same(c.column(), remappedKey())) {
            return translate(plan.table(), "x.k"); // the live key's new key, whatever the column held
        }
        return remapRef(c).map(ref -> translate(ref.refTable(), mapped)).orElse(mapped);
    }

    /** The remapped parent a copied column (not this table's own remapped key) is translated through, if any. */
    private Optional<TablePlan.RemapRef> remapRef(ColumnPlan c) {
        if (Names.same(c.column(), remappedKey())) {
            return Optional.empty();
        }
        return plan.remappedForeignKeys().stream().filter(ref -> Names.same(ref.columns().get(0), c.column()))
                .findFirst();
    }

    /**
     * The old keys of a remapped parent that translated columns reference.
     *
     * @param parentTable the remapped parent (its target table's name), whose id mapping gets the keys
     * @param keys        a SELECT of column {@code k}: distinct non-NULL old keys, with {@code ?} parameters
     */
    public record ReferencedKeys(String parentTable, String keys) {
    }

    /**
     * Per column translated through a remapped parent's id mapping, the distinct non-NULL values it takes
     * in the mapped source rows matching {@code sourceWhere} (its parameters, if any, are the caller's).
     * They are compared as the translation compares them: BINARY, without affinity (see state.IdMappings).
     */
    public List<ReferencedKeys> referencedKeys(String sourceWhere) {
        List<ReferencedKeys> out = new ArrayList<>();
        for (ColumnPlan c : copied) {
            remapRef(c).ifPresent(ref -> {
                String value = "(" + c.sourceExpr() + ")";
                out.add(new ReferencedKeys(ref.refTable(), "SELECT DISTINCT " + value
                        + " COLLATE BINARY AS k FROM " + sourceTable() + " WHERE " + value + " IS NOT NULL"
                        + (sourceWhere == null ? "" : " AND (" + sourceWhere + ")")));
            });
        }
        return out;
    }

    /**
     * The new key that the id mapping of {@code table} gives an old key; NULL stays NULL. The unary
     * plus strips the key's affinity so the lookup uses the mapping's index (see state.IdMappings).
     */
    public static String translate(String table, String oldKey) {
        return "(SELECT m.new_key FROM " + idMapping(table) + " AS m WHERE m.old_key = +" + oldKey + ")";
    }
}
