package dev.mig.plan;

import dev.mig.schema.ForeignKey;
import dev.mig.schema.Names;
import dev.mig.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders tables parents-first by their foreign keys. Stable: among tables whose parents are all placed,
 * the earliest declared goes first. A cycle has no parents-first order; it is broken at its earliest
 * declared table and reported (the copy does not depend on the order, see {@link ForeignKeyHandling}).
 */
final class CopyOrder {

    record Result(List<Table> order, List<String> selfReferencing, List<List<String>> cycles) {
    }

    private final List<Table> tables;
    private final boolean[][] parentOf;

    private CopyOrder(List<Table> tables) {
        this.tables = tables;
        int n = tables.size();
        parentOf = new boolean[n][n];
        for (int child = 0; child < n; child++) {
            for (ForeignKey fk : tables.get(child).foreignKeys()) {
                int parent = indexOf(fk.refTable());
                if (parent >= 0 && parent != child) {
                    parentOf[parent][child] = true;
                }
            }
        }
    }

    static Result of(List<Table> tables) {
        CopyOrder o = new CopyOrder(tables);
        List<Table> order = o.order();
        List<String> selfRefs = order.stream().filter(CopyOrder::referencesItself).map(Table::name).toList();
        return new Result(order, selfRefs, o.cycles());
    }

    private List<Table> order() {
        int n = tables.size();
        boolean[] placed = new boolean[n];
        List<Table> out = new ArrayList<>();
        while (out.size() < n) {
            int next = firstReady(placed);
            if (next < 0) {
                next = firstUnplaced(placed);
            }
            placed[next] = true;
            out.add(tables.get(next));
        }
        return out;
    }

    private int firstReady(boolean[] placed) {
        for (int i = 0; i < tables.size(); i++) {
            if (!placed[i] && parentsPlaced(i, placed)) {
                return i;
            }
        }
        return -1;
    }

    private boolean parentsPlaced(int child, boolean[] placed) {
        for (int p = 0; p < tables.size(); p++) {
            if (parentOf[p][child] && !placed[p]) {
                return false;
            }
        }
        return true;
    }

    private static int firstUnplaced(boolean[] placed) {
        for (int i = 0; i < placed.length; i++) {
            if (!placed[i]) {
                return i;
            }
        }
        throw new IllegalStateException("no table left to place");
    }

    /** Groups of two or more tables that reach each other through foreign keys, in declaration order. */
    private List<List<String>> cycles() {
        int n = tables.size();
        boolean[][] reach = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            reach[i] = parentOf[i].clone();
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    reach[i][j] |= reach[i][k] && reach[k][j];
                }
            }
        }
        List<List<String>> cycles = new ArrayList<>();
        boolean[] grouped = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (grouped[i] || !reach[i][i]) {
                continue;
            }
            List<String> group = new ArrayList<>();
            for (int j = i; j < n; j++) {
                if (j == i || reach[i][j] && reach[j][i]) {
                    grouped[j] = true;
                    group.add(tables.get(j).name());
                }
            }
            cycles.add(group);
        }
        return cycles;
    }

    private int indexOf(String name) {
        for (int i = 0; i < tables.size(); i++) {
            if (Names.same(tables.get(i).name(), name)) {
                return i;
            }
        }
        return -1;
    }

    static boolean referencesItself(Table t) {
        return t.foreignKeys().stream().anyMatch(fk -> Names.same(fk.refTable(), t.name()));
    }
}
