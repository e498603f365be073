package dev.mig.plan;

import static dev.mig.sql.Sql.ident;

import dev.mig.api.plan.Blocker;
import dev.mig.api.plan.ColumnPlan;
import dev.mig.api.plan.IdPolicy;
import dev.mig.api.plan.Risk;
import dev.mig.api.plan.TablePlan;
import dev.mig.schema.Column;
import dev.mig.schema.ForeignKey;
import dev.mig.schema.Index;
import dev.mig.schema.IndexTerm;
import dev.mig.schema.Names;
import dev.mig.schema.RowKey;
import dev.mig.schema.Table;
import dev.mig.schema.UniqueKey;
import dev.mig.sql.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Counts, with read-only queries over the mapped rows, what the copy would refuse or change: values a
 * type change cannot store, NULLs under NOT NULL, rows failing CHECKs, duplicate keys, orphans. The
 * queries are asked of a {@link ProbeQueue}, which answers them all at once; each answer is reported as
 * a finding then.
 */
final class DataProbes {

    /** What the probes need to know about one planned table. */
    record Planned(Table target, Table source, TablePlan plan, MappedRows rows) {
    }

    private final Map<String, Planned> byName;
    private final Findings findings;
    private final ProbeQueue queue;
    private final NameMap names;

    DataProbes(Map<String, Planned> byName, Findings findings, ProbeQueue queue, NameMap names) {
        this.byName = byName;
        this.findings = findings;
        this.queue = queue;
        this.names = names;
    }

    /** Unchanged tables hold what SQLite already enforced, except foreign keys (enforcement is per connection). */
    void run(Planned t) {
        if (t.source() == null || t.plan().rowCount() == 0 || !probeable(t)) {
            return;
        }
        if (t.plan().action() != TablePlan.Action.KEEP) {
            values(t);
            checks(t);
            keys(t);
        }
        t.target().foreignKeys().forEach(fk -> orphans(t, fk));
    }

    // ---- one scan: NULLs, unconvertible and rounded values

    private void values(Planned t) {
        List<String> sums = new ArrayList<>();
        List<java.util.function.LongConsumer> reports = new ArrayList<>();
        for (ColumnPlan p : t.plan().columns()) {
            Column c = t.target().column(p.column()).orElseThrow();
            String v = ident(c.name());
            if (mustBeNonNull(t.target(), c) && p.source() != ColumnPlan.Source.NULL) {
                sums.add(v + " IS NULL");
                reports.add(n -> nulls(t, p, n));
            }
            if (!probesConversion(t, p)) {
                continue;
            }
            boolean refuses = t.target().strict() || isRowidAlias(t.target(), c);
            String strictType = t.target().strict() ? c.type() : "INTEGER";
            String bad = refuses ? AffinityRules.refusedByStrict(v, strictType) : AffinityRules.unconverted(v, c.type());
            if (bad != null) {
                sums.add(v + " IS NOT NULL AND " + bad);
                reports.add(n -> unconvertible(t, c, refuses, n));
            }
            if ("REAL".equals(Sql.affinity(c.type()))) {
                sums.add(v + " IS NOT NULL AND " + AffinityRules.roundedByReal(v));
                reports.add(n -> rounded(t, c, n));
            }
        }
        if (sums.isEmpty()) {
            return;
        }
        String sql = "SELECT " + sums.stream().map(s -> "sum(CASE WHEN " + s + " THEN 1 ELSE 0 END)")
                .collect(Collectors.joining(", ")) + " FROM (" + t.rows().raw() + ")";
        ask(t, sql, "the column values", counts -> {
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    reports.get(i).accept(counts[i]);
                }
            }
        });
    }

    /** A NULL-sourced column that must be non-NULL already has its NO_VALUE_SOURCE blocker. */
    private static boolean mustBeNonNull(Table target, Column c) {
        if (c.isGenerated() || isRowidAlias(target, c)) {
            return false;
        }
        return c.notNull() || target.withoutRowid() && Names.contains(target.keyColumns(), c.name());
    }

    /** Only a value whose storage rules change can be refused: computed, retyped, newly STRICT or newly a rowid. */
    private static boolean probesConversion(Planned t, ColumnPlan p) {
        if (p.source() == ColumnPlan.Source.COMPUTED) {
            return true;
        }
        if (!p.isCopied()) {
            return false;
        }
        Column c = t.target().column(p.column()).orElseThrow();
        boolean newRowid = isRowidAlias(t.target(), c) && !(t.source().hasRowidAlias()
                && Names.same(t.source().keyColumns().get(0), p.sourceColumn()));
        return p.typeChange() != null || newRowid;
    }

    private static boolean isRowidAlias(Table t, Column c) {
        return t.hasRowidAlias() && Names.same(t.keyColumns().get(0), c.name());
    }

    private void nulls(Planned t, ColumnPlan p, long n) {
        String name = t.target().name() + "." + p.column();
        String example = p.sourceExpr() == null ? "" : " (e.g. coalesce(" + p.sourceExpr() + ", ...))";
        findings.blockingRisk(Risk.Kind.NULLS_IN_NOT_NULL, Blocker.Kind.NULLS_IN_NOT_NULL, t.target().name(),
                p.column(), n, 0, "column " + name + ": " + rows(n, "is", "are") + " NULL but the column is NOT NULL: fill them "
                        + "in the live database, make the column nullable, or give it a from: expression that "
                        + "replaces NULL" + example);
    }

    private void unconvertible(Planned t, Column c, boolean refused, long n) {
        String name = t.target().name() + "." + c.name();
        if (refused) {
            String what = t.target().strict() ? "a STRICT " + c.type() + " column" : "an INTEGER PRIMARY KEY";
            String error = t.target().strict() ? "SQLITE_CONSTRAINT_DATATYPE" : "datatype mismatch";
            findings.blockingRisk(Risk.Kind.UNCONVERTIBLE_VALUES, Blocker.Kind.UNCONVERTIBLE_VALUES,
                    t.target().name(), c.name(), n, 0, "column " + name + ": " + rows(n, "holds", "hold") + " values that " + what
                            + " rejects (the copy would fail with " + error + "): fix those rows in the live "
                            + "database, or give the column a from: expression that converts them");
        } else {
            String affinity = Sql.affinity(c.type());
            String what = "TEXT".equals(affinity) ? "BLOB values" : "TEXT that is not a well-formed number, or BLOB";
            findings.warn(Risk.Kind.UNCONVERTIBLE_VALUES, t.target().name(), c.name(), n, "column " + name + ": "
                    + rows(n, "holds", "hold") + " values that " + affinity + " affinity cannot convert (" + what
                    + "); they are stored as they are");
        }
    }

    private void rounded(Planned t, Column c, long n) {
        findings.warn(Risk.Kind.LOSSY_CONVERSION, t.target().name(), c.name(), n, "column " + t.target().name()
                + "." + c.name() + ": " + rows(n, "holds", "hold") + " integers that REAL cannot represent exactly; they are "
                + "rounded to the nearest REAL");
    }

    // ---- CHECK constraints over the converted rows

    private void checks(Planned t) {
        for (dev.mig.schema.Check ch : t.target().checks()) {
            String sql = "SELECT count(*) FROM (" + t.rows().converted() + ") WHERE NOT (" + ch.expr() + ")";
            String subject = "CHECK (" + ch.expr() + ")";
            ask(t, sql, subject, n -> {
                if (n[0] > 0) {
                    findings.blockingRisk(Risk.Kind.CHECK_FAILURES, Blocker.Kind.CHECK_FAILURES, t.target().name(),
                            subject, n[0], 0, "table " + t.target().name() + ": " + rows(n[0], "fails", "fail") + " "
                                    + subject + ": fix those rows in the live database, or change the CHECK");
                }
            });
        }
    }

    // ---- duplicates under keys that the live table did not already guarantee

    private record Key(String label, List<String> columns, List<IndexTerm> terms, String where) {
    }

    private void keys(Planned t) {
        for (Key k : keysOf(t.target())) {
            if (!alreadyUnique(t, k)) {
                duplicates(t, k);
            }
        }
    }

    private List<Key> keysOf(Table target) {
        List<Key> keys = new ArrayList<>();
        if (target.primaryKey() != null && target.ids() != dev.mig.api.plan.IdPolicy.REMAP) {
            keys.add(columnsKey("PRIMARY KEY", target.keyColumns()));
        }
        for (UniqueKey u : target.uniques()) {
            keys.add(columnsKey("UNIQUE", u.columns()));
        }
        for (Index i : target.indexes()) {
            if (i.unique()) {
                boolean simple = i.where() == null && i.terms().stream().allMatch(x -> x.column() != null);
                List<String> cols = simple ? i.terms().stream().map(IndexTerm::column).toList() : null;
                keys.add(new Key("UNIQUE INDEX " + i.name(), cols, i.terms(), i.where()));
            }
        }
        return keys;
    }

    private static Key columnsKey(String label, List<String> columns) {
        return new Key(label + " (" + String.join(", ", columns) + ")", columns,
                columns.stream().map(IndexTerm::column).toList(), null);
    }

    /** The live table had a unique key over the same columns, copied unchanged in value and collation. */
    private boolean alreadyUnique(Planned t, Key k) {
        if (k.columns() == null) {
            return false;
        }
        List<String> liveCols = new ArrayList<>();
        for (String col : k.columns()) {
            ColumnPlan p = t.plan().columns().stream().filter(x -> Names.same(x.column(), col)).findFirst().orElse(null);
            Column c = t.target().column(col).orElse(null);
            Column s = p == null || p.sourceColumn() == null ? null : t.source().column(p.sourceColumn()).orElse(null);
            if (s == null || c == null || !(p.source() == ColumnPlan.Source.KEPT || p.source() == ColumnPlan.Source.RENAMED)
                    || !Sql.affinity(s.type()).equals(Sql.affinity(c.type()))
                    || !java.util.Objects.equals(s.collate(), c.collate())) {
                return false;
            }
            liveCols.add(Names.key(s.name()));
        }
        Set<String> wanted = Set.copyOf(liveCols);
        return uniqueKeys(t.source()).stream().anyMatch(wanted::equals);
    }

    static List<Set<String>> uniqueKeys(Table source) {
        List<Set<String>> keys = new ArrayList<>();
        if (source.primaryKey() != null) {
            keys.add(keySet(source.keyColumns()));
        }
        source.uniques().forEach(u -> keys.add(keySet(u.columns())));
        for (Index i : source.indexes()) {
            if (i.unique() && i.where() == null && i.terms().stream().allMatch(x -> x.column() != null && x.collate() == null)) {
                keys.add(keySet(i.terms().stream().map(IndexTerm::column).toList()));
            }
        }
        return keys;
    }

    static Set<String> keySet(List<String> columns) {
        return columns.stream().map(Names::key).collect(Collectors.toSet());
    }

    private void duplicates(Planned t, Key k) {
        List<String> group = new ArrayList<>();
        List<String> notNull = new ArrayList<>();
        for (IndexTerm term : k.terms()) {
            String expr = term.column() != null ? ident(term.column()) : "(" + term.expr() + ")";
            String collate = term.collate() != null ? term.collate() : term.column() == null ? null
                    : t.target().column(term.column()).map(Column::collate).orElse(null);
            group.add(collate == null ? expr : expr + " COLLATE " + ident(collate));
            notNull.add(expr + " IS NOT NULL");
        }
        if (k.where() != null) {
            notNull.add("(" + k.where() + ")");
        }
        String sql = "SELECT count(*), sum(n) FROM (SELECT count(*) AS n FROM (" + t.rows().converted() + ") WHERE "
                + String.join(" AND ", notNull) + " GROUP BY " + String.join(", ", group) + " HAVING count(*) > 1)";
        ask(t, sql, k.label(), n -> duplicatesFound(t, k, n));
    }

    private void duplicatesFound(Planned t, Key k, long[] n) {
        if (n[0] > 0) {
            findings.blockingRisk(Risk.Kind.DUPLICATE_KEYS, Blocker.Kind.DUPLICATE_KEYS, t.target().name(), k.label(),
                    n[1], n[0], "table " + t.target().name() + ": " + k.label() + " has " + n[0] + " group"
                            + (n[0] == 1 ? "" : "s") + " of duplicate values (" + n[1] + " rows): remove the "
                            + "duplicates in the live database, or drop the constraint");
        }
    }

    // ---- orphans under every foreign key: the live database may never have enforced them

    private void orphans(Planned child, ForeignKey fk) {
        Planned parent = byName.get(Names.key(fk.refTable()));
        List<String> parentCols = parentColumns(child, fk, parent);
        if (parentCols == null) {
            return;
        }
        if (parent.source() != null && parent.plan().rowCount() > 0 && !probeable(parent)) {
            return;
        }
        if (parent.plan().ids() == IdPolicy.REMAP && ForeignKeyRules.referencesPrimaryKey(fk, parent.target())) {
            ask(child, remappedOrphans(child, fk, parent), StructureDiff.fkText(fk), n -> reportOrphans(child, fk, parent, n));
            return;
        }
        List<String> lhs = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (int i = 0; i < fk.columns().size(); i++) {
            String v = ident(fk.columns().get(i));
            Column pc = parent.target().column(parentCols.get(i)).orElseThrow();
            String conv = "(" + AffinityRules.converted(v, pc.type()) + ")";
            lhs.add(pc.collate() == null ? conv : conv + " COLLATE " + ident(pc.collate()));
            where.add(v + " IS NOT NULL");
        }
        List<String> rhsNotNull = parentCols.stream().map(c -> ident(c) + " IS NOT NULL").toList();
        String sql = "SELECT count(*) FROM (" + child.rows().converted() + ") WHERE " + String.join(" AND ", where)
                + " AND (" + String.join(", ", lhs) + ") NOT IN (SELECT " + Sql.idents(parentCols) + " FROM ("
                + parent.rows().converted() + ") WHERE " + String.join(" AND ", rhsNotNull) + ")";
        ask(child, sql, StructureDiff.fkText(fk), n -> reportOrphans(child, fk, parent, n));
    }

    /**
     * Under a foreign key to a remapped parent the copy translates each value through its id mapping, which
     * holds the parent's live keys: a value is an orphan when no live parent key equals it exactly (the
     * unary plus compares without affinity, as the translation does).
     */
    private String remappedOrphans(Planned child, ForeignKey fk, Planned parent) {
        String v = ident(fk.columns().get(0));
        String parentKeys = parent.source() == null ? "SELECT NULL WHERE 0"
                : "SELECT +" + RowKey.of(parent.source()).terms(null) + " FROM " + ident(parent.source().name());
        String sql = "SELECT count(*) FROM (" + child.rows().raw() + ") WHERE " + v + " IS NOT NULL AND +" + v
                + " NOT IN (" + parentKeys + ")";
        return sql;
    }

    private void reportOrphans(Planned child, ForeignKey fk, Planned parent, long[] n) {
        String label = StructureDiff.fkText(fk);
        if (n[0] > 0) {
            boolean existed = StructureDiff.liveFkTexts(child.source(), names).stream()
                    .anyMatch(l -> Names.same(l, label));
            findings.blockingRisk(Risk.Kind.ORPHAN_ROWS, Blocker.Kind.ORPHAN_ROWS, child.target().name(), label, n[0], 0,
                    "table " + child.target().name() + ": " + rows(n[0], "has", "have") + " no parent row in " + parent.target()
                            .name() + " under " + (existed ? "the existing, unenforced " : "the new ") + label
                            + "; the new database enforces foreign keys, so the migration would fail its "
                            + "foreign_key_check: delete or fix those rows in the live database, or remove the "
                            + "foreign key");
        }
    }

    /** The parent's key columns; null when the foreign key is invalid (ForeignKeyRules reported it). */
    private static List<String> parentColumns(Planned child, ForeignKey fk, Planned parent) {
        return parent == null ? null : ForeignKeyRules.parentColumns(fk, parent.target());
    }

    private boolean probeable(Planned t) {
        return findings.blockers.stream().noneMatch(b -> Names.same(b.table(), t.target().name())
                && MAPPING_KINDS.contains(b.kind()));
    }

    /** Blockers that make a table's mapped rows unknowable: probing it would only repeat them. */
    static final Set<Blocker.Kind> MAPPING_KINDS = Set.of(Blocker.Kind.INVALID_FROM, Blocker.Kind.RENAME_SOURCE_MISSING,
            Blocker.Kind.RENAME_AMBIGUOUS, Blocker.Kind.CONFLICTING_DIRECTIVES);

    /**
     * Queues a probe of {@code t}; {@code found} gets its counts. A probe SQLite refuses becomes a blocker:
     * the declaration is not valid for the live columns.
     */
    private void ask(Planned t, String sql, String what, java.util.function.Consumer<long[]> found) {
        queue.ask(sql, found, sqliteSays -> findings.block(Blocker.Kind.PROBE_FAILED, t.target().name(), what,
                "table " + t.target().name() + ": cannot evaluate " + what + " over the live rows (SQLite says: "
                        + sqliteSays + "): fix the declaration so that it is valid for the columns of "
                        + t.target().name()));
    }

    private static String rows(long n, String singularVerb, String pluralVerb) {
        return n == 1 ? "1 row " + singularVerb : n + " rows " + pluralVerb;
    }
}
