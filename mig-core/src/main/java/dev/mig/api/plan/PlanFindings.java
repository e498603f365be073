package dev.mig.api.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything a plan found, each under its {@link Rule} at the rule's default level, most serious first
 * (in the order the planner found them within a level). A blocker that repeats a blocking risk appears
 * once, with the risk's counts.
 */
public final class PlanFindings {
    private PlanFindings() {
    }

    /**
     * @param disk    the disk probe's answer, or null
     * @param refusal why migrate would refuse whatever the plan says, or null
     */
    public static List<Finding> of(MigrationPlan plan, DiskSpace disk, String refusal) {
        List<Finding> out = new ArrayList<>();
        if (refusal != null) {
            out.add(finding(Rule.MIGRATE_REFUSES, null, null, null, null, -1, refusal));
        }
        plan.risks().forEach(r -> out.add(risk(plan, r)));
        plan.blockers().stream().filter(b -> !Rule.repeatsRisk(b))
                .forEach(b -> out.add(subject(plan, Rule.of(b), b.table(), b.column(), -1, b.message())));
        plan.differences().forEach(d -> out.add(difference(plan, d)));
        plan.objectDifferences().forEach(d -> out.add(finding(Rule.of(d), null, null, null, d.subject(), -1,
                d.message())));
        if (disk != null && disk.tight()) {
            out.add(finding(Rule.DISK_SPACE, null, null, null, null, -1, disk.warning()));
        }
        if (plan.sourceJournalMode() != null && !plan.sourceJournalMode().equals("wal")) {
            out.add(finding(Rule.JOURNAL_MODE, null, null, null, null, -1,
                    journalMessage(plan.sourceJournalMode())));
        }
        out.sort(Comparator.comparing(Finding::level));
        return List.copyOf(out);
    }

    static String journalMessage(String mode) {
        return "the source is in " + mode + " journal mode, not WAL: verify can only run while writes are paused, "
                + "so drain verifies inside the write pause, which that lengthens (about four times the copy's "
                + "time), and refuses --cutover when it would not fit --max-pause. WAL (PRAGMA journal_mode=WAL) "
                + "lets drain verify while the application writes";
    }

    private static Finding risk(MigrationPlan plan, Risk r) {
        Rule rule = Rule.of(r);
        return subject(plan, rule, r.table(), r.subject(), rule.dataDecides() ? r.rows() : -1, r.message());
    }

    /**
     * A risk's or blocker's subject is a column, or a key or constraint as the message names it
     * ({@code UNIQUE (email)}): then its column is the first of the table's columns the label names, so
     * that a report can point at that column's line.
     */
    private static Finding subject(MigrationPlan plan, Rule rule, String table, String subject, long rows,
                                   String message) {
        if (subject != null && subject.startsWith(UNIQUE_INDEX)) {
            return finding(rule, table, null, subject, subject.substring(UNIQUE_INDEX.length()), rows, message);
        }
        if (subject == null || subject.indexOf('(') < 0) {
            return finding(rule, table, subject, null, null, rows, message);
        }
        return finding(rule, table, firstColumnNamed(plan.table(table), subject), subject, null, rows, message);
    }

    /** How the probes name a unique index's key: then the finding concerns that index. */
    private static final String UNIQUE_INDEX = "UNIQUE INDEX ";

    private static final Pattern NAME = Pattern.compile("\"((?:[^\"]|\"\")+)\"|`([^`]+)`|\\[([^\\]]+)]|([A-Za-z_][A-Za-z0-9_$]*)");

    private static String firstColumnNamed(TablePlan table, String label) {
        if (table == null) {
            return null;
        }
        Matcher m = NAME.matcher(label.substring(label.indexOf('(')));
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1).replace("\"\"", "\"")
                    : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            for (ColumnPlan c : table.columns()) {
                if (c.column().equalsIgnoreCase(name)) {
                    return c.column();
                }
            }
        }
        return null;
    }

    private static Finding difference(MigrationPlan plan, Difference d) {
        Rule rule = Rule.of(d);
        String table = tableOf(plan, d.subject());
        String column = table.length() < d.subject().length() ? d.subject().substring(table.length() + 1) : null;
        long rows = -1;
        if (d.kind() == Difference.Kind.TABLE_DROPPED) {
            rows = plan.droppedTables().stream().filter(t -> t.table().equals(table)).mapToLong(DroppedTable::rowCount)
                    .findFirst().orElse(-1);
        }
        return finding(rule, table, column, null, null, rows, d.message());
    }

    /** The table a {@code table} or {@code table.column} subject names: the longest table name it starts with. */
    private static String tableOf(MigrationPlan plan, String subject) {
        String best = null;
        for (TablePlan t : plan.tables()) {
            String name = t.table();
            if ((subject.equals(name) || subject.startsWith(name + ".")) && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        return best != null ? best : subject;
    }

    private static Finding finding(Rule rule, String table, String column, String constraint, String object, long rows,
                                   String message) {
        return new Finding(rule, rule.defaultLevel(), table, column, constraint, object, rows, message);
    }
}
