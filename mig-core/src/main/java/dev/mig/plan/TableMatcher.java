package dev.mig.plan;

import dev.mig.api.plan.Blocker;
import dev.mig.api.plan.Risk;
import dev.mig.schema.Names;
import dev.mig.schema.Schema;
import dev.mig.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Pairs every declared table with the live table its rows come from: by name, or by {@code renamedFrom}.
 * Never guesses: a live table nobody claims and nobody drops blocks the plan.
 */
final class TableMatcher {

    /** A declared table and its live source (null: new, empty table). */
    record Match(Table target, Table source) {
        boolean renamed() {
            return source != null && !Names.same(source.name(), target.name());
        }
    }

    /** The matches in declaration order, and the live tables dropped with consent. */
    record Result(List<Match> matches, List<Table> dropped) {
    }

    private final Schema declared;
    private final Schema live;
    private final Findings findings;
    private final ToLongFunction<String> liveRows;

    TableMatcher(Schema declared, Schema live, Findings findings, ToLongFunction<String> liveRows) {
        this.declared = declared;
        this.live = live;
        this.findings = findings;
        this.liveRows = liveRows;
    }

    Result match() {
        Map<String, List<String>> claims = new LinkedHashMap<>();
        List<Match> matches = new ArrayList<>();
        for (Table t : declared.tables()) {
            Table source = sourceOf(t, claims);
            matches.add(new Match(t, source));
        }
        matches = refuseDoubleClaims(matches, claims);
        List<Table> dropped = dropped(claims);
        refuseUnclaimed(claims, dropped);
        return new Result(matches, dropped);
    }

    private Table sourceOf(Table t, Map<String, List<String>> claims) {
        Table byName = live.table(t.name()).orElse(null);
        if (t.renamedFrom() == null || Names.same(t.renamedFrom(), t.name())) {
            claim(claims, byName, t);
            return byName;
        }
        Table byRename = live.table(t.renamedFrom()).orElse(null);
        claim(claims, byName, t);
        claim(claims, byRename, t);
        if (byName != null && byRename != null) {
            findings.block(Blocker.Kind.RENAME_AMBIGUOUS, t.name(), null, "table " + t.name()
                    + " is declared with renamedFrom: " + t.renamedFrom() + ", but the live database has both "
                    + t.name() + " and " + t.renamedFrom() + ": mig will not guess which one holds the rows; "
                    + "remove renamedFrom to keep the live " + t.name() + " (and declare or drop "
                    + t.renamedFrom() + "), or rename the declared table");
            return null;
        }
        if (byRename != null) {
            return byRename;
        }
        if (byName != null) {
            findings.warn(Risk.Kind.STALE_RENAME, t.name(), null, 0, "table " + t.name() + ": renamedFrom: "
                    + t.renamedFrom() + " names no live table; " + t.name()
                    + " is matched by its own name (remove the stale renamedFrom)");
            return byName;
        }
        findings.block(Blocker.Kind.RENAME_SOURCE_MISSING, t.name(), null, "table " + t.name()
                + " is declared with renamedFrom: " + t.renamedFrom() + ", but the live database has no table "
                + t.renamedFrom() + ": fix the name in renamedFrom, or remove it to create " + t.name() + " empty");
        return null;
    }

    private static void claim(Map<String, List<String>> claims, Table liveTable, Table by) {
        if (liveTable != null) {
            List<String> list = claims.computeIfAbsent(Names.key(liveTable.name()), k -> new ArrayList<>());
            if (!list.contains(by.name())) {
                list.add(by.name());
            }
        }
    }

    /** A live table can become only one declared table: claimed twice, none of the claimants gets it. */
    private List<Match> refuseDoubleClaims(List<Match> matches, Map<String, List<String>> claims) {
        List<Match> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : claims.entrySet()) {
            if (e.getValue().size() > 1) {
                String liveName = live.table(e.getKey()).orElseThrow().name();
                findings.block(Blocker.Kind.CLAIMED_TWICE, liveName, null, "live table " + liveName
                        + " is claimed by the declared tables " + String.join(" and ", e.getValue())
                        + " (by name or renamedFrom): a live table can become only one declared table; "
                        + "keep the name or renamedFrom in one of them");
            }
        }
        for (Match m : matches) {
            boolean contested = m.source() != null && claims.get(Names.key(m.source().name())).size() > 1;
            out.add(contested ? new Match(m.target(), null) : m);
        }
        return out;
    }

    private List<Table> dropped(Map<String, List<String>> claims) {
        List<Table> dropped = new ArrayList<>();
        for (String name : declared.dropTables()) {
            Table t = live.table(name).orElse(null);
            if (t == null) {
                findings.warn(Risk.Kind.DROP_UNKNOWN, name, null, 0, "dropTables names " + name
                        + ", which is not a table in the live database: nothing to drop (remove it from dropTables)");
            } else if (claims.containsKey(Names.key(t.name()))) {
                findings.block(Blocker.Kind.DROP_CONFLICT, t.name(), null, "table " + t.name()
                        + " is in dropTables but is also declared (by name or renamedFrom): remove it from "
                        + "dropTables to keep its rows, or remove the declaration to discard them");
            } else if (dropped.stream().noneMatch(d -> Names.same(d.name(), t.name()))) {
                dropped.add(t);
            }
        }
        return dropped;
    }

    private void refuseUnclaimed(Map<String, List<String>> claims, List<Table> dropped) {
        for (Table t : live.tables()) {
            boolean claimed = claims.containsKey(Names.key(t.name()));
            boolean isDropped = dropped.stream().anyMatch(d -> Names.same(d.name(), t.name()));
            if (!claimed && !isDropped) {
                long rows = liveRows.applyAsLong(t.name());
                findings.block(Blocker.Kind.TABLE_NOT_DECLARED, t.name(), null, "live table " + t.name() + " ("
                        + rows + (rows == 1 ? " row" : " rows") + ") is not in the declared schema: declare it, "
                        + "list it in dropTables to discard its rows, or name it in renamedFrom of the table "
                        + "that replaces it");
            }
        }
    }
}
