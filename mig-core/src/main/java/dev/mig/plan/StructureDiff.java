package dev.mig.plan;

import static dev.mig.api.plan.Difference.Kind.*;

import dev.mig.api.plan.ColumnPlan;
import dev.mig.api.plan.Difference;
import dev.mig.schema.Check;
import dev.mig.schema.Column;
import dev.mig.schema.ForeignKey;
import dev.mig.schema.Generated;
import dev.mig.schema.Index;
import dev.mig.schema.IndexTerm;
import dev.mig.schema.Names;
import dev.mig.schema.PrimaryKey;
import dev.mig.schema.Table;
import dev.mig.sql.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The structural differences of one matched table: every difference is compared in target names, live
 * names being translated through the {@link NameMap}, so a rename alone is reported once, as a rename.
 */
final class StructureDiff {
    private final Table target;
    private final Table source;
    private final List<ColumnPlan> columns;
    private final List<String> dropped;
    private final NameMap names;
    private final List<Difference> out = new ArrayList<>();

    StructureDiff(Table target, Table source, List<ColumnPlan> columns, List<String> dropped, NameMap names) {
        this.target = target;
        this.source = source;
        this.columns = columns;
        this.dropped = dropped;
        this.names = names;
    }

    /** The table's differences; empty when the table is kept as it is. */
    List<Difference> run() {
        if (!Names.same(target.name(), source.name())) {
            add(TABLE_RENAMED, target.name(), "table " + source.name() + " renamed to " + target.name());
        }
        if (target.ids() == dev.mig.api.plan.IdPolicy.REMAP) {
            add(KEYS_REMAPPED, target.name(), "table " + target.name() + " gets new keys (ids: remap); "
                    + "foreign keys pointing at it are translated");
        }
        columns.forEach(this::column);
        dropped.forEach(d -> add(COLUMN_DROPPED, target.name() + "." + d, "column " + source.name() + "." + d
                + " dropped (dropColumns)"));
        order();
        keys();
        options();
        return out;
    }

    private void column(ColumnPlan p) {
        Column t = target.column(p.column()).orElseThrow();
        Column s = p.sourceColumn() == null ? source.column(p.column()).orElse(null)
                : source.column(p.sourceColumn()).orElse(null);
        String subject = target.name() + "." + p.column();
        switch (p.source()) {
            case RENAMED -> add(COLUMN_RENAMED, subject, "column " + source.name() + "." + p.sourceColumn()
                    + " renamed to " + subject);
            case COMPUTED -> add(s == null ? COLUMN_ADDED : COLUMN_COMPUTED, subject, "column " + subject
                    + (s == null ? " is new, computed from " : " is recomputed from ") + p.sourceExpr());
            case DEFAULTED -> add(COLUMN_ADDED, subject, "column " + subject + " is new, filled with its default "
                    + t.defaultExpr());
            case NULL -> add(COLUMN_ADDED, subject, "column " + subject + " is new, filled with NULL");
            case GENERATED -> {
                if (s == null) {
                    add(COLUMN_ADDED, subject, "column " + subject + " is new, generated as " + t.generated().expr());
                }
            }
            default -> { }
        }
        if (s != null && p.source() != ColumnPlan.Source.COMPUTED) {
            attributes(subject, s, t);
        }
    }

    private void attributes(String subject, Column s, Column t) {
        if (!s.type().equals(t.type())) {
            add(COLUMN_TYPE, subject, "column " + subject + " type " + typeText(s.type()) + " -> "
                    + typeText(t.type()) + " (affinity " + Sql.affinity(s.type()) + " -> " + Sql.affinity(t.type())
                    + ")");
        }
        if (s.notNull() != t.notNull()) {
            add(COLUMN_NOT_NULL, subject, "column " + subject + (t.notNull() ? " becomes NOT NULL"
                    : " is no longer NOT NULL"));
        }
        if (!Objects.equals(s.defaultExpr(), t.defaultExpr())) {
            add(COLUMN_DEFAULT, subject, "column " + subject + " default " + orNone(s.defaultExpr()) + " -> "
                    + orNone(t.defaultExpr()));
        }
        if (!Objects.equals(s.collate(), t.collate())) {
            add(COLUMN_COLLATION, subject, "column " + subject + " collation " + orBinary(s.collate()) + " -> "
                    + orBinary(t.collate()));
        }
        if (!Objects.equals(s.generated(), t.generated())) {
            add(COLUMN_GENERATED, subject, "column " + subject + " generated " + generatedText(s.generated())
                    + " -> " + generatedText(t.generated()));
        }
    }

    /** Column order is structure: the copied columns must appear in the same relative order. */
    private void order() {
        List<String> liveOrder = new ArrayList<>();
        for (Column c : source.columns()) {
            if (!Names.contains(dropped, c.name())) {
                liveOrder.add(names.columnOf(source.name(), c.name()));
            }
        }
        List<String> targetOrder = new ArrayList<>();
        for (ColumnPlan p : columns) {
            if (p.sourceColumn() != null || (p.source() == ColumnPlan.Source.GENERATED
                    && source.column(p.column()).isPresent())) {
                targetOrder.add(p.column());
            }
        }
        List<String> liveKept = liveOrder.stream().filter(c -> Names.contains(targetOrder, c)).toList();
        if (liveKept.size() == targetOrder.size() && !Names.same(liveKept, targetOrder)) {
            add(COLUMN_ORDER, target.name(), "table " + target.name() + " column order " + String.join(", ", liveKept)
                    + " -> " + String.join(", ", targetOrder));
        }
    }

    private void keys() {
        PrimaryKey livePk = source.primaryKey() == null ? null : new PrimaryKey(
                names.columnsOf(source.name(), source.primaryKey().columns()), source.primaryKey().desc(),
                source.primaryKey().autoincrement());
        if (!samePk(livePk, target.primaryKey())) {
            add(PRIMARY_KEY, target.name(), "table " + target.name() + " primary key " + pkText(livePk) + " -> "
                    + pkText(target.primaryKey()));
        }
        List<String> liveUniques = source.uniques().stream()
                .map(u -> uniqueText(names.columnsOf(source.name(), u.columns()))).toList();
        List<String> targetUniques = target.uniques().stream().map(u -> uniqueText(u.columns())).toList();
        setDiff(liveUniques, targetUniques, true, UNIQUE_ADDED, UNIQUE_REMOVED);
        List<String> liveChecks = source.checks().stream().map(StructureDiff::checkText).toList();
        List<String> targetChecks = target.checks().stream().map(StructureDiff::checkText).toList();
        setDiff(liveChecks, targetChecks, false, CHECK_ADDED, CHECK_REMOVED);
        List<String> liveFks = liveFkTexts(source, names);
        List<String> targetFks = target.foreignKeys().stream().map(StructureDiff::fkText).toList();
        setDiff(liveFks, targetFks, true, FOREIGN_KEY_ADDED, FOREIGN_KEY_REMOVED);
    }

    /** Names compare case-insensitively; CHECK expressions exactly (they may hold string literals). */
    private void setDiff(List<String> live, List<String> declared, boolean byNameKey, Difference.Kind added,
                         Difference.Kind removed) {
        java.util.function.Function<String, String> key = byNameKey ? Names::key : s -> s;
        List<String> liveKeys = live.stream().map(key).toList();
        List<String> declaredKeys = declared.stream().map(key).toList();
        declared.stream().filter(d -> !liveKeys.contains(key.apply(d)))
                .forEach(d -> add(added, target.name(), "table " + target.name() + " adds " + d));
        live.stream().filter(l -> !declaredKeys.contains(key.apply(l)))
                .forEach(l -> add(removed, target.name(), "table " + target.name() + " removes " + l));
    }

    private void options() {
        if (source.withoutRowid() != target.withoutRowid()) {
            add(WITHOUT_ROWID, target.name(), "table " + target.name()
                    + (target.withoutRowid() ? " becomes WITHOUT ROWID" : " becomes a rowid table"));
        }
        if (source.strict() != target.strict()) {
            add(STRICT, target.name(), "table " + target.name()
                    + (target.strict() ? " becomes STRICT" : " is no longer STRICT"));
        }
    }

    private void add(Difference.Kind kind, String subject, String message) {
        out.add(new Difference(kind, subject, message));
    }

    /** Index differences of a matched table, compared by index name in target column names. */
    static List<Difference> indexes(Table target, Table source, NameMap names) {
        List<Difference> diffs = new ArrayList<>();
        for (Index i : target.indexes()) {
            Index live = source.indexes().stream().filter(l -> Names.same(l.name(), i.name())).findFirst()
                    .map(l -> mapIndex(l, source.name(), names)).orElse(null);
            if (live == null) {
                diffs.add(new Difference(INDEX_ADDED, i.name(), "index " + i.name() + " on " + target.name()
                        + " is new"));
            } else if (!live.equals(i)) {
                diffs.add(new Difference(INDEX_CHANGED, i.name(), "index " + i.name() + " on " + target.name()
                        + " changes"));
            }
        }
        for (Index l : source.indexes()) {
            if (target.indexes().stream().noneMatch(i -> Names.same(i.name(), l.name()))) {
                diffs.add(new Difference(INDEX_REMOVED, l.name(), "index " + l.name() + " on " + source.name()
                        + " is removed"));
            }
        }
        return diffs;
    }

    private static Index mapIndex(Index i, String liveTable, NameMap names) {
        List<IndexTerm> terms = i.terms().stream().map(t -> t.column() == null ? t
                : new IndexTerm(names.columnOf(liveTable, t.column()), null, t.collate(), t.desc())).toList();
        return new Index(i.name(), terms, i.unique(), i.where());
    }

    /** The live table's foreign keys written in target names. */
    static List<String> liveFkTexts(Table source, NameMap names) {
        return source.foreignKeys().stream().map(fk -> fkText(new ForeignKey(names.columnsOf(source.name(),
                fk.columns()), names.tableOf(fk.refTable()), names.columnsOf(fk.refTable(), fk.refColumns()),
                fk.onDelete(), fk.onUpdate(), fk.deferred()))).toList();
    }

    static String fkText(ForeignKey fk) {
        StringBuilder t = new StringBuilder("FOREIGN KEY (").append(String.join(", ", fk.columns()))
                .append(") REFERENCES ").append(fk.refTable());
        if (!fk.refColumns().isEmpty()) {
            t.append(" (").append(String.join(", ", fk.refColumns())).append(')');
        }
        if (fk.onDelete() != dev.mig.schema.FkAction.NO_ACTION) {
            t.append(" ON DELETE ").append(fk.onDelete().sql);
        }
        if (fk.onUpdate() != dev.mig.schema.FkAction.NO_ACTION) {
            t.append(" ON UPDATE ").append(fk.onUpdate().sql);
        }
        return fk.deferred() ? t.append(" DEFERRABLE INITIALLY DEFERRED").toString() : t.toString();
    }

    private static String uniqueText(List<String> columns) {
        return "UNIQUE (" + String.join(", ", columns) + ")";
    }

    private static String checkText(Check c) {
        return "CHECK (" + c.expr() + ")";
    }

    private static boolean samePk(PrimaryKey a, PrimaryKey b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Names.same(a.columns(), b.columns()) && a.desc() == b.desc() && a.autoincrement() == b.autoincrement();
    }

    private static String pkText(PrimaryKey pk) {
        if (pk == null) {
            return "(rowid)";
        }
        return "(" + String.join(", ", pk.columns()) + ")" + (pk.desc() ? " DESC" : "")
                + (pk.autoincrement() ? " AUTOINCREMENT" : "");
    }

    private static String typeText(String type) {
        return type.isEmpty() ? "(none)" : type;
    }

    private static String orNone(String s) {
        return s == null ? "(none)" : s;
    }

    private static String orBinary(String s) {
        return s == null ? "BINARY" : s;
    }

    private static String generatedText(Generated g) {
        return g == null ? "(no)" : "AS (" + g.expr() + ")" + (g.stored() ? " STORED" : " VIRTUAL");
    }
}
