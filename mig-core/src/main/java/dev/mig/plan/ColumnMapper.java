package dev.mig.plan;

import static dev.mig.sql.Sql.ident;

import dev.mig.api.plan.Blocker;
import dev.mig.api.plan.ColumnPlan;
import dev.mig.api.plan.Risk;
import dev.mig.schema.Column;
import dev.mig.schema.Names;
import dev.mig.schema.Table;
import dev.mig.sql.Sql;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides where every column of a rebuilt table gets its value, in this order: generated (not copied),
 * {@code from:} expression, {@code renamedFrom}, same-named live column, DEFAULT, NULL; else a blocker.
 * Every live column must be used or named in {@code dropColumns}.
 */
final class ColumnMapper {

    record Result(List<ColumnPlan> columns, List<String> dropped) {
    }

    private final Table target;
    private final Table source;
    private final Findings findings;
    private final LiveProbe probe;
    private final Map<String, List<String>> claims = new LinkedHashMap<>();

    ColumnMapper(Table target, Table source, Findings findings, LiveProbe probe) {
        this.target = target;
        this.source = source;
        this.findings = findings;
        this.probe = probe;
    }

    Result map() {
        List<ColumnPlan> plans = new ArrayList<>();
        for (Column c : target.columns()) {
            plans.add(plan(c));
        }
        refuseDoubleClaims();
        List<String> dropped = dropped();
        refuseUnclaimed(dropped, newColumns(plans));
        return new Result(plans, dropped);
    }

    /** Declared columns that take no live column's values: filled with NULL or their default. */
    private List<Column> newColumns(List<ColumnPlan> plans) {
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            ColumnPlan.Source source = plans.get(i).source();
            if (source == ColumnPlan.Source.NULL || source == ColumnPlan.Source.DEFAULTED) {
                out.add(target.columns().get(i));
            }
        }
        return out;
    }

    private ColumnPlan plan(Column c) {
        Column byName = source.column(c.name()).orElse(null);
        if (c.isGenerated()) {
            return generated(c, byName);
        }
        if (c.from() != null) {
            return computed(c, byName);
        }
        if (c.renamedFrom() != null && !Names.same(c.renamedFrom(), c.name())) {
            return renamed(c, byName);
        }
        if (byName != null) {
            return copied(c, byName, ColumnPlan.Source.KEPT);
        }
        return filledIn(c);
    }

    private ColumnPlan generated(Column c, Column byName) {
        if (c.from() != null || c.renamedFrom() != null) {
            findings.block(Blocker.Kind.CONFLICTING_DIRECTIVES, target.name(), c.name(), "column " + qualified(c)
                    + " is generated, so its value cannot come from from: or renamedFrom: remove them");
        }
        claim(byName, c);
        if (byName != null && !byName.isGenerated()) {
            long values = probe.longs("SELECT count(" + ident(byName.name()) + ") FROM " + ident(source.name()))[0];
            if (values > 0) {
                findings.warn(Risk.Kind.GENERATED_REPLACES_DATA, target.name(), c.name(), values, "column "
                        + qualified(c) + " becomes generated: its " + values
                        + " stored non-NULL values are replaced by the generated expression");
            }
        }
        return new ColumnPlan(c.name(), ColumnPlan.Source.GENERATED, null, null, null);
    }

    /** The same-named live column is consumed by a from: expression: the user rewrote its value on purpose. */
    private ColumnPlan computed(Column c, Column byName) {
        if (c.renamedFrom() != null) {
            findings.block(Blocker.Kind.CONFLICTING_DIRECTIVES, target.name(), c.name(), "column " + qualified(c)
                    + " has both renamedFrom and from: keep one (from: " + ident(c.renamedFrom())
                    + " does what renamedFrom does)");
        }
        claim(byName, c);
        Optional<String> error = probe.exprError(c.from(), source.name());
        error.ifPresent(err -> findings.block(Blocker.Kind.INVALID_FROM,
                target.name(), c.name(), "column " + qualified(c) + ": from: " + c.from()
                        + " is not a valid expression over live table " + source.name() + " (SQLite says: " + err
                        + "): fix the expression; it may use the columns of " + source.name()));
        if (error.isEmpty()) {
            refuseUnrepeatableHot(c, FromDependencies.of(c.from()));
        }
        return new ColumnPlan(c.name(), ColumnPlan.Source.COMPUTED, null, c.from(), null);
    }

    /**
     * A hot migration recomputes a from: value only when its own row changes, and verify recomputes it
     * to compare: a value that reads other rows, or the clock or a random source, cannot follow that.
     */
    private void refuseUnrepeatableHot(Column c, FromDependencies deps) {
        String offline = "'mig migrate --offline' while nothing writes (it computes each value once, from data "
                + "that no longer changes)";
        if (deps.readsOtherRows()) {
            String tables = Sql.displays(deps.tablesRead());
            String what = tables.isEmpty() ? "other rows (a subquery)"
                    : (deps.tablesRead().size() == 1 ? "table " : "tables ") + tables;
            findings.block(Blocker.Kind.FROM_READS_OTHER_ROWS, target.name(), c.name(), "column " + qualified(c)
                    + ": from: reads " + what + ", not only its own row of " + source.name() + ": a hot migration "
                    + "computes the value when that row is copied or written, so a later write to "
                    + (tables.isEmpty() ? "those rows" : tables) + " would leave it stale. Migrate with " + offline
                    + ", or compute the value from the columns of " + source.name() + " alone");
        }
        if (!deps.volatileCalls().isEmpty()) {
            findings.block(Blocker.Kind.FROM_NOT_REPEATABLE, target.name(), c.name(), "column " + qualified(c)
                    + ": from: calls " + String.join(", ", deps.volatileCalls()) + ", whose value differs at each "
                    + "call: a hot migration's verify recomputes it to compare and would never find the rows "
                    + "equal. Migrate with " + offline + ", or give the column a default: instead of from: (each "
                    + "row then gets the value when it is written)");
        }
    }

    private ColumnPlan renamed(Column c, Column byName) {
        Column byRename = source.column(c.renamedFrom()).orElse(null);
        claim(byName, c);
        claim(byRename, c);
        if (byName != null && byRename != null) {
            findings.block(Blocker.Kind.RENAME_AMBIGUOUS, target.name(), c.name(), "column " + qualified(c)
                    + " is declared with renamedFrom: " + c.renamedFrom() + ", but live table " + source.name()
                    + " has both " + c.name() + " and " + c.renamedFrom() + ": mig will not guess which one to copy; "
                    + "remove renamedFrom to keep " + c.name() + " (and drop " + c.renamedFrom()
                    + " with dropColumns), or use from: to say how to combine them");
            return new ColumnPlan(c.name(), ColumnPlan.Source.RENAMED, byRename.name(), ident(byRename.name()),
                    typeChange(byRename, c));
        }
        if (byRename != null) {
            return copied(c, byRename, ColumnPlan.Source.RENAMED);
        }
        if (byName != null) {
            findings.warn(Risk.Kind.STALE_RENAME, target.name(), c.name(), 0, "column " + qualified(c)
                    + ": renamedFrom: " + c.renamedFrom() + " names no live column; " + c.name()
                    + " is matched by its own name (remove the stale renamedFrom)");
            return copied(c, byName, ColumnPlan.Source.KEPT);
        }
        findings.block(Blocker.Kind.RENAME_SOURCE_MISSING, target.name(), c.name(), "column " + qualified(c)
                + " is declared with renamedFrom: " + c.renamedFrom() + ", but live table " + source.name()
                + " has no column " + c.renamedFrom() + ": fix the name in renamedFrom, or remove it to add "
                + c.name() + " as a new column");
        return new ColumnPlan(c.name(), ColumnPlan.Source.RENAMED, c.renamedFrom(), null, null);
    }

    private ColumnPlan copied(Column c, Column from, ColumnPlan.Source kind) {
        claim(from, c);
        return new ColumnPlan(c.name(), kind, from.name(), ident(from.name()), typeChange(from, c));
    }

    private ColumnPlan filledIn(Column c) {
        if (c.defaultExpr() != null) {
            return new ColumnPlan(c.name(), ColumnPlan.Source.DEFAULTED, null, null, null);
        }
        if (!c.notNull() || target.hasRowidAlias() && Names.same(target.keyColumns().get(0), c.name())) {
            return new ColumnPlan(c.name(), ColumnPlan.Source.NULL, null, null, null);
        }
        findings.block(Blocker.Kind.NO_VALUE_SOURCE, target.name(), c.name(), "column " + qualified(c)
                + " is new, NOT NULL and has no default: add a default, make it nullable, or give it a `from:` "
                + "expression");
        return new ColumnPlan(c.name(), ColumnPlan.Source.NULL, null, null, null);
    }

    private ColumnPlan.TypeChange typeChange(Column from, Column to) {
        if (from.type().equals(to.type()) && source.strict() == target.strict()) {
            return null;
        }
        return new ColumnPlan.TypeChange(from.type(), Sql.affinity(from.type()), source.strict(), to.type(),
                Sql.affinity(to.type()), target.strict());
    }

    private void claim(Column live, Column by) {
        if (live != null) {
            List<String> list = claims.computeIfAbsent(Names.key(live.name()), k -> new ArrayList<>());
            if (!list.contains(by.name())) {
                list.add(by.name());
            }
        }
    }

    private void refuseDoubleClaims() {
        for (Map.Entry<String, List<String>> e : claims.entrySet()) {
            if (e.getValue().size() > 1) {
                String live = source.column(e.getKey()).orElseThrow().name();
                findings.block(Blocker.Kind.CLAIMED_TWICE, target.name(), live, "live column " + source.name() + "."
                        + live + " is claimed by the declared columns " + String.join(" and ", e.getValue())
                        + " of " + target.name() + " (by name, renamedFrom or from): it can become only one "
                        + "column; keep the name or renamedFrom in one of them, or use from: for the other");
            }
        }
    }

    private List<String> dropped() {
        List<String> dropped = new ArrayList<>();
        for (String name : target.dropColumns()) {
            Column live = source.column(name).orElse(null);
            if (live == null) {
                findings.warn(Risk.Kind.DROP_UNKNOWN, target.name(), name, 0, "dropColumns of " + target.name()
                        + " names " + name + ", which is not a column of live table " + source.name()
                        + ": nothing to drop (remove it from dropColumns)");
            } else if (claims.containsKey(Names.key(live.name()))) {
                findings.block(Blocker.Kind.DROP_CONFLICT, target.name(), live.name(), "column " + source.name()
                        + "." + live.name() + " is in dropColumns of " + target.name() + " but is also used (by "
                        + "name, renamedFrom or from): remove it from dropColumns, or remove the column");
            } else if (!Names.contains(dropped, live.name())) {
                dropped.add(live.name());
            }
        }
        return dropped;
    }

    private void refuseUnclaimed(List<String> dropped, List<Column> newColumns) {
        List<Column> unclaimed = source.columns().stream()
                .filter(c -> !claims.containsKey(Names.key(c.name())) && !Names.contains(dropped, c.name())).toList();
        for (Column c : unclaimed) {
            findings.block(Blocker.Kind.COLUMN_NOT_DECLARED, target.name(), c.name(), "live column "
                    + source.name() + "." + c.name() + " is not in the declared table " + target.name()
                    + ": declare it, list it in dropColumns of " + target.name() + " to discard its values, "
                    + "or name it in renamedFrom of the column that replaces it" + renameHint(c, unclaimed, newColumns));
        }
    }

    /**
     * When exactly one unclaimed live column and exactly one new declared column have this column's
     * declared type, the pair looks like a rename the schema does not say: name it, as a question. Two
     * candidates of a type are left alone: a hint must never be a guess.
     */
    private static String renameHint(Column live, List<Column> unclaimed, List<Column> newColumns) {
        List<Column> sameTypeLive = unclaimed.stream().filter(u -> u.type().equalsIgnoreCase(live.type())).toList();
        List<Column> sameTypeNew = newColumns.stream().filter(n -> n.type().equalsIgnoreCase(live.type())).toList();
        if (sameTypeLive.size() != 1 || sameTypeNew.size() != 1) {
            return "";
        }
        return " (did you mean renamedFrom: " + live.name() + " on column " + sameTypeNew.get(0).name() + "?)";
    }

    private String qualified(Column c) {
        return target.name() + "." + c.name();
    }
}
