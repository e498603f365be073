package dev.mig.review;

import dev.mig.api.PlanReport;
import dev.mig.api.PlanReview;
import dev.mig.api.plan.Difference;
import dev.mig.api.plan.DroppedTable;
import dev.mig.api.plan.Finding;
import dev.mig.api.plan.Level;
import dev.mig.api.plan.MigrationPlan;
import dev.mig.api.plan.Rule;
import dev.mig.api.plan.TablePlan;
import dev.mig.api.text.Format;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        return render(review, null);
    }

    /** The comment, each rule code linked to its section at {@code rulesUrl} (specs/rules.md as published). */
    public static String render(PlanReview review, String rulesUrl) {
        PlanReport report = review.report();
        StringBuilder out = new StringBuilder(MARKER).append('\n');
        String file = report.target().getFileName().toString();
        String name = report.plan() == null ? file.replaceFirst("-[0-9a-f]{16}\\.sqlite$", "")
                : report.plan().schemaName();
        out.append("### mig plan: ").append(cell(code(name))).append(" is ").append(headline(review)).append("\n\n");
        if (report.plan() == null) {
            out.append(cell(code(file))).append(" already holds this schema: nothing to migrate.\n\n");
            out.append(review.failOnText()).append('\n');
            return out.toString();
        }
        out.append("**").append(review.counts()).append("** · ").append(review.failOnText()).append("\n\n");
        numbers(review, out);
        findings(review.findings(), rulesUrl, out);
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
                + Format.size(plan.totalBytes()) + " · " + review.estimate().copyText()
                + " (rate measured by mig bench)"});
        rows.add(new String[] {"Write pause", review.estimate().pause()});
        if (report.disk() != null) {
            rows.add(new String[] {"Disk", report.disk().describe()});
        }
        out.append("| | |\n|---|---|\n");
        rows.forEach(r -> out.append("| ").append(r[0]).append(" | ").append(cell(r[1])).append(" |\n"));
    }

    /** The notices that the table of changes per table shows: they are not listed again as findings. */
    private static final Set<Rule> TABLE_CHANGES = EnumSet.of(Rule.TABLE_ADDED, Rule.TABLE_RENAMED,
            Rule.KEYS_REMAPPED, Rule.TABLE_STORAGE, Rule.COLUMN_ADDED, Rule.COLUMN_RENAMED, Rule.COLUMN_COMPUTED,
            Rule.COLUMN_TYPE, Rule.COLUMN_NOT_NULL, Rule.COLUMN_ATTRIBUTES, Rule.CONSTRAINTS);

    private static void findings(List<Finding> findings, String rulesUrl, StringBuilder out) {
        List<Finding> shown = findings.stream()
                .filter(f -> f.level() != Level.NOTICE || !TABLE_CHANGES.contains(f.rule())).toList();
        long notices = findings.size() - shown.size();
        out.append("\n#### Findings\n\n");
        if (shown.isEmpty()) {
            out.append("Nothing beyond the changes below").append(notices > 0 ? " (" + Format.count(notices, "notice",
                    "notices") + ")" : "").append(".\n");
            return;
        }
        out.append("| Level | Rule | Where | Rows | What |\n|---|---|---|--:|---|\n");
        for (Finding f : shown.subList(0, Math.min(MAX_FINDINGS, shown.size()))) {
            out.append("| ").append(f.level().word()).append(f.configured() ? " (set by project)" : "")
                    .append(" | ").append(rule(f.rule(), rulesUrl)).append(" | ").append(cell(where(f))).append(" | ")
                    .append(f.counted() ? Format.count(f.rows()) : "").append(" | ").append(text(f.message()))
                    .append(" |\n");
        }
        if (shown.size() > MAX_FINDINGS) {
            out.append("\n").append(shown.size() - MAX_FINDINGS).append(" more: run `mig plan` for all.\n");
        }
        if (notices > 0) {
            out.append("\nAnd ").append(Format.count(notices, "notice", "notices")).append(": the changes per table below.\n");
        }
    }

    /** The code, linked to its section when the rules' page is published somewhere. */
    static String rule(Rule rule, String rulesUrl) {
        if (rulesUrl == null || rulesUrl.isBlank()) {
            return rule.code();
        }
        return "[" + rule.code() + "](" + rulesUrl.replaceFirst("#.*$", "") + "#" + RuleDocs.anchor(rule) + ")";
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
                    .append(" | ").append(Format.count(t.rowCount())).append(" | ").append(text(changes(plan, t)))
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
        boolean inProgress = report.targetExists() && report.refusal() == null;
        if (report.canMigrate() && report.plan().fresh()) {
            out.append("- Nothing blocks: after merging, `mig migrate` creates the new database from schema.yaml, "
                    + "ready (there is nothing to copy or drain).\n");
        } else if (report.canMigrate() && inProgress) {
            out.append("- A migration to this schema is in progress: `mig status` shows where it stands; `mig migrate` "
                    + "resumes a copy that stopped, then `mig drain --cutover`.\n");
        } else if (report.canMigrate()) {
            out.append("- Nothing blocks: after merging, run `mig migrate`, then `mig drain --cutover`.\n");
        } else if (review.blockersHiddenBySettings()) {
            out.append("- `mig migrate` refuses this plan: the project's rule settings lowered or turned off what "
                    + "blocks it (").append(String.join(", ", review.settings().describe())).append("), so this "
                    + "check passes, but the blockers stand: run `mig plan` to see them.\n");
        } else {
            out.append("- Fix each error above as its message says (the schema, or the rows in the live database), "
                    + "push, and this comment updates.\n");
        }
        if (report.canMigrate() && !review.passes()) {
            out.append("- Migrating could go ahead, but this check fails at --fail-on ").append(review.failOn().word())
                    .append(" on the findings above: change what they name, or the project's rule levels.\n");
        }
        if (review.findings().stream().anyMatch(f -> f.level() == Level.WARNING)) {
            out.append("- Read the warnings: each says what the migration changes or risks.\n");
        }
        out.append("- Every rule is explained in specs/rules.md (or `mig rules MIG101`).\n");
    }

    /** A path under the current directory (the repository, in CI) as relative; others as they are. */
    static Path relative(Path file) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }

    /** A code span that holds any text: a fence longer than any run of backticks inside, padded when needed. */
    static String code(Object value) {
        String s = String.valueOf(value).replace("\r", "").replace("\n", " ");
        int longest = 0;
        Matcher run = Pattern.compile("`+").matcher(s);
        while (run.find()) {
            longest = Math.max(longest, run.group().length());
        }
        String fence = "`".repeat(longest + 1);
        String pad = s.startsWith("`") || s.endsWith("`") ? " " : "";
        return fence + pad + s + pad + fence;
    }

    /** Code spans (or other finished Markdown) inside one table cell: pipes escaped, line breaks as spaces. */
    static String cell(String markdown) {
        return markdown.replace("|", "\\|").replace("\r", "").replace("\n", " ");
    }

    /**
     * Plain text in one table cell, shown as written: Markdown's and HTML's punctuation escaped (a name
     * such as {@code t<!--} would otherwise open an HTML comment that hides the rest of the comment).
     */
    static String text(String plain) {
        StringBuilder out = new StringBuilder();
        for (char c : plain.replace("\r", "").replace('\n', ' ').toCharArray()) {
            if ("\\`*_[]<>|#~!&".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
