package dev.mig.generative;

import dev.mig.generative.Model.Col;
import dev.mig.generative.Model.Fk;
import dev.mig.generative.Model.Kind;
import dev.mig.generative.Model.Table;
import dev.mig.generative.Model.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SQL of the generated schema: the v1 tables and triggers as the application created them, and the v2
 * tables as the oracle's expected database holds them (keys, types, defaults, generated columns; no
 * UNIQUE or foreign keys: the oracle only needs the values).
 */
final class Ddl {

    private Ddl() {
    }

    static List<String> v1(Model m) {
        List<String> sql = new ArrayList<>();
        for (Table t : m.v1Tables()) {
            sql.add(create(t, false));
        }
        for (Trigger tr : m.triggers) {
            sql.add(trigger(tr, false));
        }
        return sql;
    }

    static String create(Table t, boolean v2) {
        List<String> defs = new ArrayList<>();
        for (Col c : v2 ? t.v2Cols() : t.v1Cols()) {
            defs.add(column(t, c, v2));
        }
        List<Col> keys = t.keyCols();
        if (t.kind != Kind.INT_PK && !keys.isEmpty()) {
            defs.add("PRIMARY KEY (" + names(keys, v2) + ")");
        }
        for (List<Col> u : t.uniques) {
            defs.add("UNIQUE (" + names(u, v2) + ")");
        }
        if (!v2) {
            for (Fk fk : t.fks) {
                defs.add("FOREIGN KEY (" + names(fk.cols, false) + ") REFERENCES " + Gen.q(fk.parent.name) + " ("
                        + names(fk.parentCols, false) + ") ON DELETE " + fk.onDelete + " ON UPDATE " + fk.onUpdate);
            }
        }
        List<String> options = new ArrayList<>();
        if (t.kind.withoutRowid()) {
            options.add("WITHOUT ROWID");
        }
        if (t.strict) {
            options.add("STRICT");
        }
        return "CREATE TABLE " + Gen.q(v2 ? t.newName : t.name) + " (" + String.join(", ", defs) + ")"
                + String.join(", ", options).transform(o -> o.isEmpty() ? "" : " " + o);
    }

    private static String column(Table t, Col c, boolean v2) {
        StringBuilder s = new StringBuilder(Gen.q(v2 ? c.newName : c.name));
        String type = v2 ? c.newType : c.type;
        if (!type.isEmpty()) {
            s.append(' ').append(type);
        }
        if (c.key && t.kind == Kind.INT_PK) {
            s.append(" PRIMARY KEY").append(t.autoincrement && !v2 ? " AUTOINCREMENT" : "");
        }
        if (c.notNull && !v2) {
            s.append(" NOT NULL");
        }
        if (c.dflt != null) {
            s.append(" DEFAULT ").append(c.dflt.startsWith("-") ? "(" + c.dflt + ")" : c.dflt);
        }
        if (c.unique && !v2) {
            s.append(" UNIQUE");
        }
        if (c.generated()) {
            s.append(" GENERATED ALWAYS AS (").append(c.generatedExpr(v2)).append(c.stored ? ") STORED" : ") VIRTUAL");
        }
        return s.toString();
    }

    static String trigger(Trigger tr, boolean v2) {
        Table on = tr.on();
        String row = tr.event().equals("INSERT") ? "NEW." : "OLD.";
        List<Col> keys = on.keyCols();
        String key = keys.isEmpty() ? row + "rowid" : "quote(" + row + Gen.q(v2 ? keys.get(0).newName : keys.get(0).name) + ")";
        List<Col> auditCols = tr.audit().cols.subList(1, 3);
        return "CREATE TRIGGER " + tr.name() + " AFTER " + tr.event() + " ON " + Gen.q(v2 ? on.newName : on.name)
                + " BEGIN INSERT INTO " + Gen.q(v2 ? tr.audit().newName : tr.audit().name) + " ("
                + names(auditCols, v2) + ") VALUES (" + Gen.lit(v2 ? on.newName : on.name) + ", " + key + "); END";
    }

    static String names(List<Col> cols, boolean v2) {
        return cols.stream().map(c -> Gen.q(v2 ? c.newName : c.name)).collect(Collectors.joining(", "));
    }
}
