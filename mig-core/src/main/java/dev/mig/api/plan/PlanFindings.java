package dev.mig.api.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything a plan found, each under its {@link Rule} at the rule's default level, most serious first
 * (in the order the planner found them within a level). A blocker that repeats a blocking risk appears
 * once, with the risk's counts. A finding about a key or constraint names it and its first column.
 */
public final class PlanFindings {
    /** How the probes name a unique index's key: then the finding concerns that index. */
    private static final String UNIQUE_INDEX = "UNIQUE INDEX ";
    private static final Pattern NAME = Pattern.compile(
            "\"((?:[^\"]|\"\")+)\"|`([^`]+)`|\\[([^\\]]+)]|([A-Za-z_][A-Za-z0-9_$]*)");
    /** How a constraint difference names what changes: {@code table t adds CHECK (x > 0)}. */
    private static final Pattern CONSTRAINT_CHANGE = Pattern.compile("^table .*? (?:adds|removes) (.+)$");

    private PlanFindings() {
    }

    /**
     * @param disk    the disk probe's answer, or null
     * @param refusal why migrate would refuse whatever the plan says, or null
     */
    public static List<Finding> of(MigrationPlan plan, DiskSpace disk, String refusal) {
        List<Finding> out = new ArrayList<>();
        if (refusal != null) {
            out.add(finding(Rule.MIGRATE_REFUSES, Rule.MIGRATE_REFUSES.name(), null, null, null, null, -1, refusal));
        }
        for (Risk r : plan.risks()) {
            Rule rule = Rule.of(r);
            out.add(subject(plan, rule, r.kind().name(), r.table(), r.subject(), rule.dataDecides() ? r.rows() : -1,
                    r.message()));
        }
        plan.blockers().stream().filter(b -> !Rule.repeatsRisk(b)).forEach(b -> out.add(subject(plan, Rule.of(b),
                b.kind().name(), b.table(), b.column(), -1, b.message())));
        plan.differences().forEach(d -> out.add(difference(plan, d)));
        plan.objectDifferences().forEach(d -> out.add(finding(Rule.of(d), d.kind().name(), null, null, null,
                d.subject(), -1, d.message())));
        if (disk != null && disk.tight()) {
            out.add(finding(Rule.DISK_SPACE, Rule.DISK_SPACE.name(), null, null, null, null, -1, disk.warning()));
        }
        if (plan.sourceJournalMode() != null && !plan.sourceJournalMode().equals("wal")) {
            out.add(finding(Rule.JOURNAL_MODE, Rule.JOURNAL_MODE.name(), null, null, null, null, -1,
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

    /**
     * A risk's or blocker's subject is a column of the table, a unique index's key, or a key or constraint
     * as the message names it ({@code UNIQUE (email)}): then its column is the first of the table's columns
     * the label names, so that a report can point at that column's line.
     */
    private static Finding subject(MigrationPlan plan, Rule rule, String kind, String table, String subject,
                                   long rows, String message) {
        TablePlan tablePlan = table == null ? null : plan.table(table);
        String column = subject == null ? null : columnOf(tablePlan, subject);
        if (subject == null || column != null) {
            return finding(rule, kind, table, column, null, null, rows, message);
        }
        if (subject.startsWith(UNIQUE_INDEX)) {
            return finding(rule, kind, table, null, subject, subject.substring(UNIQUE_INDEX.length()), rows, message);
        }
        if (subject.indexOf('(') >= 0) {
            return finding(rule, kind, table, firstColumnNamed(tablePlan, subject), subject, null, rows, message);
        }
        // A live column the new table does not have (not declared, dropped), or a key's columns "a, b".
        return finding(rule, kind, table, subject, null, null, rows, message);
    }

    private static Finding difference(MigrationPlan plan, Difference d) {
        Rule rule = Rule.of(d);
        String table = tableOf(plan, d.subject());
        String column = table.length() < d.subject().length() ? d.subject().substring(table.length() + 1) : null;
        String constraint = null;
        Matcher change = CONSTRAINT_CHANGE.matcher(d.message());
        if (rule == Rule.CONSTRAINTS && column == null && change.matches()) {
            constraint = change.group(1);
            column = firstColumnNamed(plan.table(table), constraint);
        }
        long rows = -1;
        if (d.kind() == Difference.Kind.TABLE_DROPPED) {
            rows = plan.droppedTables().stream().filter(t -> t.table().equals(table)).mapToLong(DroppedTable::rowCount)
                    .findFirst().orElse(-1);
        }
        return finding(rule, d.kind().name(), table, column, constraint, null, rows, d.message());
    }

    /** The table's column named {@code name} (as SQLite compares names), or null. */
    private static String columnOf(TablePlan table, String name) {
        if (table == null) {
            return null;
        }
        return table.columns().stream().map(ColumnPlan::column).filter(c -> c.equalsIgnoreCase(name)).findFirst()
                .orElse(null);
    }

    private static String firstColumnNamed(TablePlan table, String label) {
        if (table == null || label.indexOf('(') < 0) {
            return null;
        }
        Matcher m = NAME.matcher(label.substring(label.indexOf('(')));
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1).replace("\"\"", "\"")
                    : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            String column = columnOf(table, name);
            if (column != null) {
                return column;
            }
        }
        return null;
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

    private static Finding finding(Rule rule, String kind, String table, String column, String constraint,
                                   String object, long rows, String message) {
        return new Finding(rule, kind, rule.defaultLevel(), table, column, constraint, object, rows, message);
    }
}
