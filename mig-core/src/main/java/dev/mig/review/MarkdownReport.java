package dev.mig.review;

import dev.mig.api.PlanReport;
import dev.mig.api.PlanReview;
import dev.mig.api.plan.Difference;
import dev.mig.api.plan.DroppedTable;
import dev.mig.api.plan.Finding;
import dev.mig.api.plan.MigrationPlan;
import dev.mig.api.plan.TablePlan;
import dev.mig.api.text.Format;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code mig plan --format markdown}: a pull-request comment a reviewer reads in ten seconds. The verdict
 * and the counts first, then the numbers that decide a go (copy size and time, the write pause), the
 * findings with their counts, the changes per table, and what to do. It starts with {@link #MARKER}, by
 * which the GitHub Action finds its own comment to update.
 */
public final class MarkdownReport {
    /** An HTML comment GitHub does not show: the comment's identity for tools that update it. */
    public static final String MARKER = "<!-- mig-plan -->";
    /** Findings listed in full; the rest are counted (a comment is not a log). */
    static final int MAX_FINDINGS = 50;

    private MarkdownReport() {
    }

    public static String render(PlanReview review) {
        PlanReport report = review.report();
        StringBuilder out = new StringBuilder(MARKER).append('\n');
        String name = report.plan() == null ? report.dir().getFileName() + "" : report.plan().schemaName();
        out.append("### mig plan: `").append(name).append("` is ").append(headline(review)).append("\n\n");
        if (report.plan() == null) {
            out.append(code(report.target())).append(" already holds this schema: nothing to migrate.\n\n");
            out.append(review.failOnText()).append('\n');
            return out.toString();
        }
        out.append("**").append(review.counts()).append("** · ").append(review.failOnText()).append("\n\n");
        numbers(review, out);
        findings(review.findings(), out);
        tables(report.plan(), out);
        whatToDo(review, out);
        if (!review.settings().levels().isEmpty()) {
            out.append("\nRules changed by this project: ").append(String.join(", ", review.settings().describe()))
                    .append(".\n");
        }
        return out.toString();
    }

    private static String headline(PlanReview review) {
        return switch (review.verdict()) {
            case "ready" -> "**ready to migrate**";
            case "blocked" -> "**blocked**";
            default -> "**current**";
        };
    }

    private static void numbers(PlanReview review, StringBuilder out) {
        PlanReport report = review.report();
        MigrationPlan plan = report.plan();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Source", plan.fresh() ? "none (a fresh database)" : report.source() == null
                ? "not found (see the refusal below)" : code(relative(report.source()))
                + (plan.sourceJournalMode() == null ? "" : " (" + plan.sourceJournalMode() + " journal)")});
        rows.add(new String[] {"New database", code(report.target().getFileName())});
        rows.add(new String[] {"To copy", plan.fresh() ? "nothing: the new database is created from schema.yaml"
                : Format.count(plan.totalRows(), "row", "rows") + ", about "
                + dev.mig.api.plan.DiskSpace.size(plan.totalBytes()) + " · " + review.estimate().copyText()
                + " (rate measured by mig bench)"});
        rows.add(new String[] {"Write pause", review.estimate().pause()});
        if (report.disk() != null) {
            rows.add(new String[] {"Disk", report.disk().describe()});
        }
        out.append("| | |\n|---|---|\n");
        rows.forEach(r -> out.append("| ").append(r[0]).append(" | ").append(cell(r[1])).append(" |\n"));
    }

    private static void findings(List<Finding> findings, StringBuilder out) {
        List<Finding> shown = findings.stream().filter(f -> f.level() != dev.mig.api.plan.Level.NOTICE).toList();
        long notices = findings.size() - shown.size();
        out.append("\n#### Findings\n\n");
        if (shown.isEmpty()) {
            out.append("No errors or warnings").append(notices > 0 ? "; " + Format.count(notices, "notice", "notices")
                    + " (the changes below)" : "").append(".\n");
            return;
        }
        out.append("| Level | Rule | Where | Rows | What |\n|---|---|---|--:|---|\n");
        for (Finding f : shown.subList(0, Math.min(MAX_FINDINGS, shown.size()))) {
            out.append("| ").append(f.level().word()).append(f.configured() ? " (set by project)" : "")
                    .append(" | ").append(f.code()).append(" | ").append(cell(where(f))).append(" | ")
                    .append(f.counted() ? Format.count(f.rows()) : "").append(" | ").append(cell(f.message()))
                    .append(" |\n");
        }
        if (shown.size() > MAX_FINDINGS) {
            out.append("\n").append(shown.size() - MAX_FINDINGS).append(" more: run `mig plan` for all.\n");
        }
        if (notices > 0) {
            out.append("\nAnd ").append(Format.count(notices, "notice", "notices")).append(": the changes below.\n");
        }
    }

    /** {@code orders.total}, {@code orders}, an index name, or {@code database} for the whole database. */
    static String where(Finding f) {
        if (f.object() != null) {
            return code(f.object());
        }
        if (f.table() == null) {
            return "database";
        }
        return code(f.column() == null ? f.table() : f.table() + "." + f.column());
    }

    private static void tables(MigrationPlan plan, StringBuilder out) {
        out.append("\n#### Changes per table\n\n| Table | Action | Rows | Changes |\n|---|---|--:|---|\n");
        for (TablePlan t : plan.tables()) {
            String name = t.sourceTable() != null && !t.sourceTable().equals(t.table())
                    ? code(t.sourceTable()) + " → " + code(t.table()) : code(t.table());
            out.append("| ").append(cell(name)).append(" | ").append(t.action().name().toLowerCase(Locale.ROOT))
                    .append(" | ").append(Format.count(t.rowCount())).append(" | ").append(cell(changes(plan, t)))
                    .append(" |\n");
        }
        for (DroppedTable d : plan.droppedTables()) {
            out.append("| ").append(cell(code(d.table()))).append(" | dropped | ").append(Format.count(d.rowCount()))
                    .append(" | discarded with its rows |\n");
        }
    }

    /** The table's differences in words ({@code items.name becomes NOT NULL}), or blank when it is only copied. */
    static String changes(MigrationPlan plan, TablePlan t) {
        List<String> parts = new ArrayList<>();
        for (Difference d : plan.differences()) {
            if (d.subject().equals(t.table()) || d.subject().startsWith(t.table() + ".")) {
                parts.add(d.message().replaceFirst("^(column|table) ", ""));
            }
        }
        return String.join("; ", parts);
    }

    private static void whatToDo(PlanReview review, StringBuilder out) {
        out.append("\n#### What to do\n\n");
        PlanReport report = review.report();
        if (report.refusal() != null) {
            out.append("- ").append(report.refusal().hint()).append('\n');
        }
        if (report.canMigrate()) {
            out.append("- Nothing blocks: after merging, run `mig migrate`, then `mig drain --cutover`.\n");
        } else if (review.blockersHiddenBySettings()) {
            out.append("- `mig migrate` refuses this plan: the project's rule settings lowered or turned off what "
                    + "blocks it (").append(String.join(", ", review.settings().describe())).append("), so this "
                    + "check passes, but the blockers stand: run `mig plan` to see them.\n");
        } else {
            out.append("- Fix each error above as its message says (the schema, or the rows in the live database), "
                    + "push, and this comment updates.\n");
        }
        if (review.findings().stream().anyMatch(f -> f.level() == dev.mig.api.plan.Level.WARNING)) {
            out.append("- Read the warnings: the copy goes ahead, but data is stored differently or discarded.\n");
        }
        out.append("- Every rule is explained in specs/rules.md (or `mig rules MIG101`).\n");
    }

    /** A path under the current directory (the repository, in CI) as relative; others as they are. */
    static Path relative(Path file) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }

    private static String code(Object text) {
        String s = String.valueOf(text);
        return s.contains("`") ? "``" + s + "``" : "`" + s + "`";
    }

    /** Text that stays inside one table cell: pipes escaped, line breaks as spaces. */
    static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", "").replace("\n", " ");
    }
}
