package dev.mig.api.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
            out.add(finding(Rule.MIGRATE_REFUSES, null, null, null, -1, refusal));
        }
        plan.risks().forEach(r -> out.add(risk(r)));
        plan.blockers().stream().filter(b -> !Rule.repeatsRisk(b))
                .forEach(b -> out.add(finding(Rule.of(b), b.table(), b.column(), null, -1, b.message())));
        plan.differences().forEach(d -> out.add(difference(plan, d)));
        plan.objectDifferences().forEach(d -> out.add(finding(Rule.of(d), null, null, d.subject(), -1, d.message())));
        if (disk != null && disk.tight()) {
            out.add(finding(Rule.DISK_SPACE, null, null, null, -1, disk.warning()));
        }
        if (plan.sourceJournalMode() != null && !plan.sourceJournalMode().equals("wal")) {
            out.add(finding(Rule.JOURNAL_MODE, null, null, null, -1, journalMessage(plan.sourceJournalMode())));
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

    private static Finding risk(Risk r) {
        Rule rule = Rule.of(r);
        boolean counted = rule.dataDecides();
        return finding(rule, r.table(), r.subject(), null, counted ? r.rows() : -1, r.message());
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
        return finding(rule, table, column, null, rows, d.message());
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

    private static Finding finding(Rule rule, String table, String column, String object, long rows, String message) {
        return new Finding(rule, rule.defaultLevel(), table, column, object, rows, message);
    }
}
