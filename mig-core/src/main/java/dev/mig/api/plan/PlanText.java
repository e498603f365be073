package dev.mig.api.plan;

import dev.mig.api.text.Format;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain-text report {@code mig plan} prints. Deterministic (same plan, same text) and aligned, so it
 * can be compared with a golden file; it ends with {@code Can migrate: yes} or {@code Can migrate: no}
 * followed by the blockers. Every risk, difference and blocker carries its {@link Rule} code.
 */
public final class PlanText {
    private PlanText() {
    }

    public static String render(MigrationPlan plan) {
        return render(plan, null);
    }

    /** The report, with the new database's path in the header when {@code targetFile} is non-null. */
    public static String render(MigrationPlan plan, String targetFile) {
        return render(plan, targetFile, null);
    }

    /**
     * The report; when {@code refusal} is non-null, migrate would refuse whatever the plan says (the
     * existing target file), so the verdict is no, with that reason first.
     */
    public static String render(MigrationPlan plan, String targetFile, String refusal) {
        return render(plan, targetFile, refusal, null);
    }

    /**
     * The report as {@code mig plan} prints it: as {@link #render(MigrationPlan, String, String)}, with a
     * {@code Disk:} line in the header when {@code disk} is non-null, and a warning among the risks when
     * it is tight.
     */
    public static String render(MigrationPlan plan, String targetFile, String refusal, DiskSpace disk) {
        StringBuilder out = new StringBuilder();
        header(plan, targetFile, disk, out);
        copyOrder(plan, out);
        tables(plan, out);
        if (!plan.droppedTables().isEmpty()) {
            section(out, "Dropped tables");
            rows(out, plan.droppedTables().stream().map(d -> new String[] {d.table(), count(d.rowCount(), "row")})
                    .toList());
        }
        differences(out, "Differences", plan.differences());
        differences(out, "Index, view and trigger differences", plan.objectDifferences());
        List<String[]> risks = new ArrayList<>(plan.risks().stream()
                .map(r -> new String[] {r.severity().name(), Rule.of(r).code(), r.kind().name(), r.message()}).toList());
        if (disk != null && disk.tight()) {
            risks.add(new String[] {Risk.Severity.WARNING.name(), Rule.DISK_SPACE.code(), "DISK_SPACE", disk.warning()});
        }
        if (plan.sourceJournalMode() != null && !plan.sourceJournalMode().equals("wal")) {
            risks.add(new String[] {Risk.Severity.WARNING.name(), Rule.JOURNAL_MODE.code(), "JOURNAL_MODE",
                    PlanFindings.journalMessage(plan.sourceJournalMode())});
        }
        if (!risks.isEmpty()) {
            section(out, "Risks");
            rows(out, risks);
        }
        footer(plan, refusal, out);
        return out.toString();
    }

    private static void header(MigrationPlan plan, String targetFile, DiskSpace disk, StringBuilder out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Schema:", plan.schemaName()});
        rows.add(new String[] {"Source:", plan.fresh() ? "(none: fresh database)" : plan.sourceFile()});
        if (targetFile != null) {
            rows.add(new String[] {"New database:", targetFile});
        }
        rows.add(new String[] {"Source hash:", plan.sourceHash() == null ? "-" : plan.sourceHash()});
        rows.add(new String[] {"Target hash:", plan.targetHash()});
        rows.add(new String[] {"To copy:", count(plan.totalRows(), "row") + ", about " + Format.size(plan.totalBytes())});
        rows.add(new String[] {"Changes:", plan.noChanges() ? "none (structure identical)" : "yes"});
        if (disk != null) {
            rows.add(new String[] {"Disk:", disk.describe()});
        }
        out.append("Migration plan\n");
        rows(out, rows);
    }

    private static void copyOrder(MigrationPlan plan, StringBuilder out) {
        section(out, "Copy order");
        List<String[]> rows = new ArrayList<>();
        int i = 1;
        for (TablePlan t : plan.tables()) {
            rows.add(new String[] {i++ + ".", t.table(), t.action().name(), count(t.rowCount(), "row"),
                    Format.size(t.approxBytes()), t.sizeMethod().name().toLowerCase(java.util.Locale.ROOT)});
        }
        rows(out, rows);
    }

    private static void tables(MigrationPlan plan, StringBuilder out) {
        for (TablePlan t : plan.tables()) {
            if (t.sourceTable() == null) {
                continue;
            }
            String from = t.sourceTable().equals(t.table()) ? "" : " <- " + t.sourceTable();
            section(out, "Table " + t.table() + from + " (" + t.action() + ", ids " + t.ids().name()
                    .toLowerCase(java.util.Locale.ROOT) + (t.keepRowid() ? ", rowid kept" : "") + ")");
            List<String[]> rows = new ArrayList<>();
            for (ColumnPlan c : t.columns()) {
                rows.add(new String[] {c.column(), c.source().name().toLowerCase(java.util.Locale.ROOT),
                        c.sourceExpr() == null ? "" : c.sourceExpr(), typeText(c.typeChange())});
            }
            t.droppedColumns().forEach(d -> rows.add(new String[] {d, "dropped", "", ""}));
            rows(out, rows);
            for (TablePlan.RemapRef r : t.remappedForeignKeys()) {
                out.append("  translates (").append(String.join(", ", r.columns())).append(") -> ")
                        .append(r.refTable()).append('.').append(r.refColumn()).append(" (remapped)\n");
            }
            if (t.fkNote() != null) {
                out.append("  note: ").append(t.fkNote()).append('\n');
            }
        }
    }

    private static String typeText(ColumnPlan.TypeChange c) {
        if (c == null) {
            return "";
        }
        return "type " + side(c.fromType(), c.fromAffinity(), c.fromStrict()) + " -> "
                + side(c.toType(), c.toAffinity(), c.toStrict());
    }

    private static String side(String type, String affinity, boolean strict) {
        return (type.isEmpty() ? "(none)" : type) + (strict ? " STRICT" : " (" + affinity + ")");
    }

    private static void differences(StringBuilder out, String title, List<Difference> diffs) {
        if (!diffs.isEmpty()) {
            section(out, title);
            rows(out, diffs.stream().map(d -> new String[] {Rule.of(d).code(), d.kind().name(), d.message()}).toList());
        }
    }

    private static void footer(MigrationPlan plan, String refusal, StringBuilder out) {
        ForeignKeyHandling fk = plan.foreignKeys();
        if (!fk.selfReferencing().isEmpty() || !fk.cycles().isEmpty()) {
            section(out, "Foreign keys");
            out.append("  ").append(fk.note()).append('\n');
        }
        out.append('\n').append("Can migrate: ").append(plan.canMigrate() && refusal == null ? "yes" : "no").append('\n');
        if (refusal != null) {
            out.append("  - ").append(Rule.MIGRATE_REFUSES.code()).append(' ').append(refusal).append('\n');
        }
        plan.blockers().forEach(b -> out.append("  - ").append(Rule.of(b).code()).append(' ').append(b.message())
                .append('\n'));
    }

    private static void section(StringBuilder out, String title) {
        out.append('\n').append(title).append('\n');
    }

    /** Rows of cells, each column padded to its widest cell, indented by two spaces, no trailing blanks. */
    private static void rows(StringBuilder out, List<String[]> rows) {
        int cols = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < r.length; i++) {
                line.append(i == r.length - 1 ? r[i] : pad(r[i], width[i] + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static String count(long n, String noun) {
        return Format.count(n, noun, noun + "s");
    }
}
