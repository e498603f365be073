package dev.mig.plan;

import dev.mig.api.Progress;
import dev.mig.api.plan.Blocker;
import dev.mig.api.plan.Difference;
import dev.mig.api.plan.DroppedTable;
import dev.mig.api.plan.ForeignKeyHandling;
import dev.mig.api.plan.IdPolicy;
import dev.mig.api.plan.MigrationPlan;
import dev.mig.api.plan.TablePlan;
import dev.mig.schema.ForeignKey;
import dev.mig.schema.Names;
import dev.mig.schema.Schema;
import dev.mig.schema.SchemaHash;
import dev.mig.schema.Table;
import dev.mig.schema.introspect.LiveDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Diffs a declared schema against a live database and decides the migration (specs/planning.md).
 * Reads the live database only through read-only probes; never writes anything.
 */
public final class Planner {

    private final Schema declared;
    private final LiveDatabase live;
    private final LiveProbe probe;
    private final Findings findings = new Findings();
    private final NameMap names = new NameMap();
    private final Map<String, Long> liveRows = new HashMap<>();
    private final Progress progress;
    /** A second read-only connection to the live database, for probing on two at once; null: one. */
    private final LiveProbe second;

    private Planner(Schema declared, LiveDatabase live, Connection liveReadOnly, Connection secondReadOnly,
                    Progress progress) {
        this.declared = declared;
        this.live = live;
        this.progress = progress;
        this.probe = live == null ? null : new LiveProbe(liveReadOnly);
        this.second = live == null || secondReadOnly == null ? null : new LiveProbe(secondReadOnly);
    }

    /**
     * Plans the migration of {@code live} to {@code declared}.
     *
     * @param live         the live database as introspected; null when there is no source (fresh database)
     * @param liveReadOnly a read-only, autocommit connection to {@code live.file()}; null when {@code live} is null
     */
    public static MigrationPlan plan(Schema declared, LiveDatabase live, Connection liveReadOnly) {
        return plan(declared, live, liveReadOnly, null, Progress.NONE);
    }

    /**
     * As {@link #plan(Schema, LiveDatabase, Connection)}, probing the data on {@code secondReadOnly} too
     * (another read-only autocommit connection to the same file; null for one connection), and reporting
     * each read of the data as a step.
     */
    public static MigrationPlan plan(Schema declared, LiveDatabase live, Connection liveReadOnly,
                                     Connection secondReadOnly, Progress progress) {
        if (live != null && liveReadOnly == null) {
            throw new IllegalArgumentException("a live database needs its read-only connection");
        }
        return new Planner(declared, live, liveReadOnly, secondReadOnly, progress).run();
    }

    private MigrationPlan run() {
        ForeignKeyRules.validate(declared, findings);
        CutoverStatementCheck.run(declared, findings);
        List<TableMatcher.Match> matches = new ArrayList<>();
        List<DroppedTable> dropped = new ArrayList<>();
        if (live == null) {
            declared.tables().forEach(t -> matches.add(new TableMatcher.Match(t, null)));
        } else {
            live.unsupported().forEach(u -> findings.block(Blocker.Kind.UNSUPPORTED_OBJECT, null, null, "the live "
                    + "database holds something mig cannot migrate: " + u + " Its data would be lost: remove it "
                    + "from the live database (or export it) before migrating"));
            TableMatcher.Result r = progress.step("count rows",
                    () -> new TableMatcher(declared, live.schema(), findings, this::rows).match());
            matches.addAll(r.matches());
            r.dropped().forEach(t -> dropped.add(new DroppedTable(t.name(), rows(t.name()))));
        }
        CopyOrder.Result order = CopyOrder.of(declared.tables());
        Map<String, DataProbes.Planned> planned = planTables(inOrder(matches, order));
        List<TablePlan> tables = inCopyOrder(order, planned);
        dropped.forEach(d -> findings.diff(Difference.Kind.TABLE_DROPPED, d.table(), "table " + d.table()
                + " dropped (dropTables): " + d.rowCount() + (d.rowCount() == 1 ? " row" : " rows") + " discarded"));
        if (live != null) {
            ObjectDiff.viewsAndTriggers(declared, live.schema(), findings);
            ProbeQueue queue = new ProbeQueue();
            DataProbes probes = new DataProbes(planned, findings, queue, names);
            order.order().forEach(t -> probes.run(planned.get(Names.key(t.name()))));
            progress.step("probe the data (" + queue.size() + (queue.size() == 1 ? " query" : " queries")
                    + (second != null && queue.size() > 1 ? ", two at once" : "") + ")", () -> {
                queue.answerAll(probe, second);
                return null;
            });
            ReplayKeys keys = new ReplayKeys(findings, probe);
            progress.step("check replay keys", () -> {
                order.order().forEach(t -> keys.check(planned.get(Names.key(t.name()))));
                return null;
            });
        }
        ForeignKeyHandling fk = new ForeignKeyHandling(ForeignKeyHandling.MODE, order.selfReferencing(),
                order.cycles(), ForeignKeyHandling.NOTE);
        return new MigrationPlan(live == null ? null : live.file().toString(), declared.name(),
                SchemaHash.of(declared), live == null ? null : SchemaHash.of(live.schema()), live == null, tables,
                dropped, findings.differences, findings.objectDifferences, findings.risks, findings.blockers, fk,
                tables.stream().mapToLong(TablePlan::rowCount).sum(),
                tables.stream().mapToLong(TablePlan::approxBytes).sum(), live == null ? null : probe.journalMode());
    }

    /** Findings are reported table by table in copy order, the order the report lists tables in. */
    private static List<TableMatcher.Match> inOrder(List<TableMatcher.Match> matches, CopyOrder.Result order) {
        return order.order().stream().map(t -> matches.stream().filter(m -> m.target() == t).findFirst()
                .orElseThrow()).toList();
    }

    /** Column mappings first for every table, so the name map is complete before any comparison. */
    private Map<String, DataProbes.Planned> planTables(List<TableMatcher.Match> matches) {
        Map<String, ColumnMapper.Result> mapped = new LinkedHashMap<>();
        for (TableMatcher.Match m : matches) {
            if (m.source() != null) {
                names.table(m.source().name(), m.target().name());
                ColumnMapper.Result r = new ColumnMapper(m.target(), m.source(), findings, probe).map();
                r.columns().stream().filter(c -> c.sourceColumn() != null)
                        .forEach(c -> names.column(m.source().name(), c.sourceColumn(), c.column()));
                mapped.put(Names.key(m.target().name()), r);
            }
        }
        Map<String, DataProbes.Planned> planned = new HashMap<>();
        for (TableMatcher.Match m : matches) {
            planned.put(Names.key(m.target().name()), planTable(m, mapped.get(Names.key(m.target().name()))));
        }
        return planned;
    }

    private DataProbes.Planned planTable(TableMatcher.Match m, ColumnMapper.Result mapping) {
        Table t = m.target();
        remapRules(t);
        if (m.source() != null) {
            ambiguousRemapRefs(t, remapRefs(t));
        }
        if (m.source() == null) {
            findings.diff(Difference.Kind.TABLE_ADDED, t.name(), "table " + t.name() + " is new (created empty)");
            TablePlan plan = new TablePlan(t.name(), null, TablePlan.Action.CREATE, t.ids(), 0, 0,
                    TablePlan.SizeMethod.NONE, false, List.of(), List.of(), remapRefs(t), null);
            return new DataProbes.Planned(t, null, plan, new MappedRows(t, null, List.of()));
        }
        List<Difference> diffs = new StructureDiff(t, m.source(), mapping.columns(), mapping.dropped(), names).run();
        diffs.forEach(d -> findings.diff(d.kind(), d.subject(), d.message()));
        StructureDiff.indexes(t, m.source(), names).forEach(d -> findings.objectDiff(d.kind(), d.subject(), d.message()));
        long rowCount = rows(m.source().name());
        LiveProbe.Size size = probe.size(m.source().name(), m.source().columns().stream().map(c -> c.name()).toList(),
                rowCount);
        boolean keepRowid = m.source().rowidName().isPresent() && t.rowidName().isPresent()
                && t.ids() == IdPolicy.PRESERVE && !t.hasRowidAlias();
        TablePlan plan = new TablePlan(t.name(), m.source().name(), action(m, diffs), t.ids(), rowCount, size.bytes(),
                size.method(), keepRowid, mapping.columns(), mapping.dropped(), remapRefs(t), null);
        return new DataProbes.Planned(t, m.source(), plan, new MappedRows(t, m.source().name(), mapping.columns()));
    }

    private static TablePlan.Action action(TableMatcher.Match m, List<Difference> diffs) {
        boolean onlyRenamed = diffs.stream().allMatch(d -> d.kind() == Difference.Kind.TABLE_RENAMED);
        if (!onlyRenamed) {
            return TablePlan.Action.REBUILD;
        }
        return m.renamed() ? TablePlan.Action.RENAME : TablePlan.Action.KEEP;
    }

    /** New keys are handed out by SQLite, so a remapped table needs a single INTEGER PRIMARY KEY. */
    private void remapRules(Table t) {
        if (t.ids() != IdPolicy.REMAP) {
            return;
        }
        if (t.primaryKey() == null) {
            findings.block(Blocker.Kind.REMAP_NO_KEY, t.name(), null, "table " + t.name() + " has ids: remap but "
                    + "no primary key: declare a single INTEGER PRIMARY KEY, or use ids: preserve");
        } else if (t.keyColumns().size() > 1) {
            findings.block(Blocker.Kind.REMAP_COMPOSITE_KEY, t.name(), null, "table " + t.name() + " has ids: remap "
                    + "but a composite primary key (" + String.join(", ", t.keyColumns()) + "): composite keys "
                    + "cannot be remapped; use ids: preserve");
        } else if (!t.hasRowidAlias()) {
            findings.block(Blocker.Kind.REMAP_NOT_ROWID_ALIAS, t.name(), t.keyColumns().get(0), "table " + t.name()
                    + " has ids: remap but its key " + t.keyColumns().get(0) + " is not an INTEGER PRIMARY KEY "
                    + "(the rowid), so SQLite cannot hand out new keys: declare it INTEGER PRIMARY KEY, or use "
                    + "ids: preserve");
        }
    }

    /**
     * This table's columns that compare with a remapped parent's key, under any of its foreign keys: the
     * copy must translate them. In a composite foreign key ({@code (pid, pcode) REFERENCES parent (id, code)})
     * only the column facing the key is translated; the others compare with the parent's kept columns.
     */
    private List<TablePlan.RemapRef> remapRefs(Table child) {
        List<TablePlan.RemapRef> refs = new ArrayList<>();
        for (ForeignKey fk : child.foreignKeys()) {
            Table parent = declared.table(fk.refTable()).orElse(null);
            List<String> parentCols = parent == null ? null : ForeignKeyRules.parentColumns(fk, parent);
            if (parentCols == null || parent.ids() != IdPolicy.REMAP || parent.keyColumns().size() != 1) {
                continue;
            }
            String key = parent.keyColumns().get(0);
            for (int i = 0; i < parentCols.size(); i++) {
                TablePlan.RemapRef ref = new TablePlan.RemapRef(List.of(fk.columns().get(i)), parent.name(), key);
                if (Names.same(parentCols.get(i), key) && !refs.contains(ref)) {
                    refs.add(ref);
                }
            }
        }
        return refs;
    }

    /**
     * A translated column holds its remapped parent's new keys after the copy; under any other foreign key
     * that compares it with something else (another table, or a column that keeps its values) no value
     * could satisfy both, and the copy would break that key.
     */
    private void ambiguousRemapRefs(Table child, List<TablePlan.RemapRef> refs) {
        for (TablePlan.RemapRef ref : refs) {
            String column = ref.columns().get(0);
            for (ForeignKey fk : child.foreignKeys()) {
                Table parent = declared.table(fk.refTable()).orElse(null);
                List<String> parentCols = parent == null ? null : ForeignKeyRules.parentColumns(fk, parent);
                for (int i = 0; parentCols != null && i < parentCols.size(); i++) {
                    boolean sameKey = Names.same(parent.name(), ref.refTable()) && Names.same(parentCols.get(i),
                            ref.refColumn());
                    if (Names.same(fk.columns().get(i), column) && !sameKey) {
                        findings.block(Blocker.Kind.REMAP_AMBIGUOUS_REFERENCE, child.name(), column, "table "
                                + child.name() + ": column " + column + " will hold the new keys of "
                                + ref.refTable() + " (ids: remap), but " + StructureDiff.fkText(fk)
                                + " compares it with " + parent.name() + "." + parentCols.get(i) + ", which does not "
                                + "get those keys, so the copy would break that foreign key: give the column one "
                                + "parent, or use ids: preserve on " + ref.refTable());
                        return;
                    }
                }
            }
        }
    }

    private List<TablePlan> inCopyOrder(CopyOrder.Result order, Map<String, DataProbes.Planned> planned) {
        List<TablePlan> out = new ArrayList<>();
        for (Table t : order.order()) {
            TablePlan p = planned.get(Names.key(t.name())).plan();
            String note = fkNote(t, order);
            out.add(note == null ? p : new TablePlan(p.table(), p.sourceTable(), p.action(), p.ids(), p.rowCount(),
                    p.approxBytes(), p.sizeMethod(), p.keepRowid(), p.columns(), p.droppedColumns(),
                    p.remappedForeignKeys(), note));
        }
        return out;
    }

    private static String fkNote(Table t, CopyOrder.Result order) {
        List<String> notes = new ArrayList<>();
        if (Names.contains(order.selfReferencing(), t.name())) {
            notes.add("references itself");
        }
        order.cycles().stream().filter(c -> Names.contains(c, t.name())).findFirst()
                .ifPresent(c -> notes.add("is in a foreign-key cycle of " + String.join(", ", c)));
        if (notes.isEmpty()) {
            return null;
        }
        return String.join(" and ", notes) + ": copied with foreign keys unenforced, in any order, then proven by "
                + "foreign_key_check before cutover";
    }

    private long rows(String liveTable) {
        return liveRows.computeIfAbsent(Names.key(liveTable), k -> probe.rowCount(liveTable));
    }
}
