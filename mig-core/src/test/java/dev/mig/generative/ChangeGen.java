package dev.mig.generative;

import dev.mig.generative.Model.Col;
import dev.mig.generative.Model.Kind;
import dev.mig.generative.Model.Table;
import dev.mig.generative.Model.Values;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The v2 change of a generated schema: table and column renames, dropped columns and tables, new columns
 * (default, NULL, computed by {@code from:}), type changes within an affinity, dropped UNIQUE constraints,
 * added indexes, {@code ids: remap}, a new empty table.
 */
final class ChangeGen {

    private final Random r;
    private final Model m;
    private final Names global;
    private final Map<Table, Names> columnNames;

    ChangeGen(Random r, Model m, Names global, Map<Table, Names> columnNames) {
        this.r = r;
        this.m = m;
        this.global = global;
        this.columnNames = columnNames;
    }

    void change() {
        for (Table t : m.tables) {
            changeTable(t);
        }
        Table first = m.tables.get(0);
        if (!first.droppedInV2) {
            Col c = new Col(columnNames.get(first).next("added"), "INTEGER", Values.INT);
            c.added = true;
            c.notNull = true;
            c.dflt = "7";
            first.cols.add(c); // at least one change, so that there is something to migrate
        }
        if (Gen.chance(r, 0.1)) {
            Table t = new Table(global.next("fresh"), Kind.INT_PK, false);
            Col id = new Col("id", "INTEGER", Values.INT);
            id.key = true;
            t.cols.add(id);
            t.cols.add(new Col("v", "TEXT", Values.TEXT));
            t.cols.forEach(c -> c.added = true);
            t.added = true;
            m.tables.add(t);
        }
    }

    private void changeTable(Table t) {
        Names cols = columnNames.get(t);
        if (droppable(t) && Gen.chance(r, 0.06)) {
            t.droppedInV2 = true;
            return;
        }
        if (Gen.chance(r, 0.25)) {
            t.newName = global.next("t");
        }
        if (t.kind == Kind.INT_PK && !t.autoincrement && Gen.chance(r, 0.35)) {
            t.remap = true;
            if (Switches.compositeFkToRemap.on() && Gen.chance(r, 0.5)) {
                compositeReference(t, cols);
            }
        }
        for (Col c : t.v1Cols()) {
            changeColumn(t, c, cols);
        }
        if (Gen.chance(r, 0.3)) {
            Col c = Gen.chance(r, 0.5) ? new Col(cols.next("n"), t.strict ? "INTEGER" : "INT", Values.INT)
                    : new Col(cols.next("n"), "TEXT", Values.TEXT);
            c.added = true;
            if (c.values == Values.INT) {
                c.notNull = true;
                c.dflt = "42";
            }
            t.cols.add(c);
        }
        if (Gen.chance(r, 0.25)) {
            computed(t, cols);
        }
        List<Col> indexable = t.v2Cols().stream().filter(c -> !c.key).toList();
        if (!indexable.isEmpty() && Gen.chance(r, 0.25)) {
            t.newIndexes.add(List.of(Gen.pick(r, indexable)));
        }
    }

    private void changeColumn(Table t, Col c, Names cols) {
        if (!c.generated() && Gen.chance(r, 0.12)) {
            c.newName = cols.next("r");
        }
        if (!c.pinned && !c.key && t.v2Cols().size() > 1 && Gen.chance(r, 0.1)) {
            c.dropped = true; // never the last column: a table needs one
            return;
        }
        if (c.unique && Gen.chance(r, 0.3)) {
            c.uniqueInV2 = false;
        }
        if (!c.pinned && !c.key && Gen.chance(r, 0.15)) {
            c.newType = sameAffinity(c.type, t.strict);
        }
    }

    private String sameAffinity(String type, boolean strict) {
        return switch (type) {
            case "INTEGER" -> strict ? "INT" : Gen.pick(r, List.of("INT", "BIGINT"));
            case "INT", "BIGINT" -> "INTEGER";
            case "TEXT" -> strict ? "TEXT" : "VARCHAR(80)";
            case "VARCHAR(30)", "CLOB" -> "TEXT";
            case "REAL" -> strict ? "REAL" : "DOUBLE";
            case "DOUBLE" -> "REAL";
            default -> type;
        };
    }

    /** A new column computed from the old row, or with item 8 on, from another table. */
    private void computed(Table t, Names cols) {
        List<Col> sources = t.v1Cols().stream().filter(c -> c.values == Values.INT || c.values == Values.TEXT).toList();
        if (sources.isEmpty()) {
            return;
        }
        Col src = Gen.pick(r, sources);
        Col c;
        if (Switches.fromSubquery.on() && !t.fks.isEmpty() && t.fks.get(0).cols.size() == 1) {
            Model.Fk fk = t.fks.get(0);
            c = new Col(cols.next("sub"), "TEXT", Values.TEXT);
            c.fromExpr = "(SELECT quote(p." + Gen.q(fk.parentCols.get(0).name) + ") FROM " + Gen.q(fk.parent.name)
                    + " AS p WHERE p." + Gen.q(fk.parentCols.get(0).name) + " = " + Gen.q(t.name) + "."
                    + Gen.q(fk.cols.get(0).name) + ")";
        } else if (src.values == Values.INT) {
            c = new Col(cols.next("f"), "INTEGER", Values.INT);
            c.fromExpr = "coalesce(" + Gen.q(src.name) + ", 0) % 1000 + 1"; // no overflow into REAL: see generatedExpr
        } else {
            c = new Col(cols.next("f"), "TEXT", Values.TEXT);
            c.fromExpr = "upper(" + Gen.q(src.name) + ")";
        }
        c.added = true;
        t.cols.add(c);
    }

    /** Item 4: a child refers to the remapped {@code t} by (key, code), UNIQUE in t. */
    private void compositeReference(Table t, Names cols) {
        Col code = new Col(cols.next("code"), "TEXT", Values.TEXT);
        code.notNull = true;
        code.dflt = "'x'";
        code.fixed = true;
        code.pinned = true;
        t.cols.add(code);
        Col key = t.keyCols().get(0);
        t.uniques.add(List.of(key, code));
        Table child = Gen.pick(r, m.v1Tables());
        Model.Fk fk = new Model.Fk(t, List.of(key, code), "CASCADE", "CASCADE");
        for (Col pc : fk.parentCols) {
            Col c = new Col(columnNames.get(child).next("ref_" + pc.name), pc.type, pc.values);
            c.pinned = true;
            c.fk = fk;
            fk.cols.add(c);
            child.cols.add(c);
        }
        child.fks.add(fk);
    }

    /** Nothing refers to the table: no foreign key of another table, no trigger. */
    private boolean droppable(Table t) {
        boolean referenced = m.tables.stream().anyMatch(o -> o != t && o.fks.stream().anyMatch(f -> f.parent == t));
        boolean triggered = m.triggers.stream().anyMatch(tr -> tr.on() == t || tr.audit() == t);
        return !referenced && !triggered;
    }
}
