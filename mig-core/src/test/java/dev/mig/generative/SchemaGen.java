package dev.mig.generative;

import dev.mig.generative.Model.Col;
import dev.mig.generative.Model.Fk;
import dev.mig.generative.Model.Kind;
import dev.mig.generative.Model.Table;
import dev.mig.generative.Model.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Generates the v1 schema (tables, keys, foreign keys, triggers) and its v2 change from one Random. */
final class SchemaGen {

    private final Random r;
    private final Model m = new Model();
    private final Names global;
    private final Map<Table, Names> columnNames = new HashMap<>();

    private SchemaGen(Random r) {
        this.r = r;
        this.global = new Names(r, 0.3);
    }

    static Model generate(Random r) {
        return new SchemaGen(r).build();
    }

    private Model build() {
        m.journalMode = Gen.chance(r, 0.75) ? "wal" : "delete";
        int n = Gen.chance(r, 0.04) ? 40 + r.nextInt(111) : 2 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            m.tables.add(table());
        }
        for (Table t : List.copyOf(m.tables)) {
            int fks = Gen.chance(r, 0.5) ? 1 + r.nextInt(2) : 0;
            for (int i = 0; i < fks; i++) {
                foreignKey(t);
            }
        }
        if (Gen.chance(r, 0.35)) {
            triggers();
        }
        new ChangeGen(r, m, global, columnNames).change();
        return m;
    }

    private Table table() {
        Kind kind = Gen.pick(r, List.of(Kind.INT_PK, Kind.INT_PK, Kind.INT_PK, Kind.NO_PK, Kind.TEXT_PK,
                Kind.COMPOSITE_PK, Kind.WOR_TEXT, Kind.WOR_COMPOSITE));
        Table t = new Table(global.next("t"), kind, Gen.chance(r, 0.25));
        Names cols = new Names(r, 0.25);
        columnNames.put(t, cols);
        switch (kind) {
            case INT_PK -> {
                key(t, cols.next("id"), "INTEGER", Values.INT);
                t.autoincrement = Gen.chance(r, 0.25);
            }
            case TEXT_PK, WOR_TEXT -> key(t, cols.next("k"), "TEXT", Values.TEXT);
            case COMPOSITE_PK, WOR_COMPOSITE -> {
                key(t, cols.next("a"), "INTEGER", Values.INT);
                key(t, cols.next("b"), "TEXT", Values.TEXT);
            }
            case NO_PK -> { }
        }
        boolean wide = Switches.wideTables.on() && Gen.chance(r, 0.08);
        int data = wide ? 120 + r.nextInt(130) : 1 + r.nextInt(5);
        for (int i = 0; i < data; i++) {
            t.cols.add(dataColumn(t, wide ? "c" + i : cols.next("c")));
        }
        List<Col> ints = t.cols.stream().filter(c -> !c.key && c.values == Values.INT).toList();
        if (!ints.isEmpty() && Gen.chance(r, 0.2)) {
            Col g = new Col(cols.next("g"), "INTEGER", Values.INT);
            g.generatedFrom = Gen.pick(r, ints);
            g.generatedFrom.pinned = true;
            g.stored = r.nextBoolean();
            g.pinned = true;
            t.cols.add(g);
        }
        return t;
    }

    private static void key(Table t, String name, String type, Values values) {
        Col c = new Col(name, type, values);
        c.key = true;
        c.notNull = t.kind != Kind.INT_PK; // an INTEGER PRIMARY KEY numbers NULLs itself
        c.pinned = true;
        t.cols.add(c);
    }

    private Col dataColumn(Table t, String name) {
        Values v = Gen.pick(r, List.of(Values.INT, Values.INT, Values.TEXT, Values.TEXT, Values.REAL, Values.BLOB,
                Values.ANY));
        Col c = new Col(name, type(v, t.strict), v);
        if ((v == Values.INT || v == Values.TEXT) && Gen.chance(r, 0.25)) {
            c.unique = true;
            c.uniqueInV2 = true;
        } else if (v != Values.ANY && Gen.chance(r, 0.2)) {
            c.notNull = true;
            c.dflt = v == Values.TEXT ? "'none'" : v == Values.BLOB ? "X'00'" : "0";
        } else if (v == Values.INT && Gen.chance(r, 0.15)) {
            c.dflt = "-1";
        }
        return c;
    }

    private String type(Values v, boolean strict) {
        return switch (v) {
            case INT -> strict ? Gen.pick(r, List.of("INTEGER", "INT")) : Gen.pick(r, List.of("INTEGER", "INT", "BIGINT"));
            case TEXT -> strict ? "TEXT" : Gen.pick(r, List.of("TEXT", "VARCHAR(30)", "CLOB"));
            case REAL -> strict || r.nextBoolean() ? "REAL" : "DOUBLE";
            case BLOB -> "BLOB";
            case ANY -> strict ? "ANY" : "";
        };
    }

    /** A foreign key of {@code t} to any keyed table: earlier (maybe NOT NULL), later (a cycle) or itself. */
    private void foreignKey(Table t) {
        List<Table> parents = m.tables.stream().filter(p -> p.kind != Kind.NO_PK).toList();
        if (parents.isEmpty()) {
            return;
        }
        Table p = Gen.pick(r, parents);
        // NOT NULL only towards an earlier table, whose rows exist when this one's are inserted
        boolean required = m.tables.indexOf(p) < m.tables.indexOf(t) && Gen.chance(r, 0.3);
        Fk fk = new Fk(p, p.keyCols(), required ? "CASCADE"
                : Gen.pick(r, List.of("CASCADE", "CASCADE", "SET NULL", "NO ACTION", "RESTRICT")),
                Gen.pick(r, List.of("CASCADE", "NO ACTION")));
        for (Col pc : p.keyCols()) {
            Col c = new Col(columnNames.get(t).next("p_" + pc.name), pc.type, pc.values);
            c.notNull = required;
            c.pinned = true;
            c.fk = fk;
            fk.cols.add(c);
            t.cols.add(c);
        }
        t.fks.add(fk);
    }

    /** An audit table written by application triggers on one or two other tables. */
    private void triggers() {
        List<Table> targets = new ArrayList<>(m.tables);
        Table audit = new Table(global.next("audit"), Kind.INT_PK, false);
        Names cols = new Names(r, 0.25);
        columnNames.put(audit, cols);
        key(audit, cols.next("id"), "INTEGER", Values.INT);
        audit.autoincrement = true;
        for (String name : List.of("tname", "k")) {
            Col c = new Col(cols.next(name), "TEXT", Values.TEXT);
            c.pinned = true;
            audit.cols.add(c);
        }
        m.tables.add(audit);
        int n = 1 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
            m.triggers.add(new Model.Trigger("trg_audit_" + i, Gen.pick(r, List.of("INSERT", "DELETE")),
                    Gen.pick(r, targets), audit));
        }
    }
}
