package dev.mig.generative;

import dev.mig.generative.Model.Col;
import dev.mig.generative.Model.Fk;
import dev.mig.generative.Model.Kind;
import dev.mig.generative.Model.Table;
import dev.mig.generative.Model.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The application's transactions, generated in advance: inserts, updates, deletes, REPLACE on the key and
 * on UNIQUE columns, UPDATE OR REPLACE, upserts (some moving the key), INSERT OR IGNORE, key moves and
 * swaps, delete and reinsert, parent and child in one transaction, large BLOBs, savepoints, rollbacks.
 */
final class WorkloadGen {

    /** One transaction as the writer runs it. {@code avoidCopy}: skipped while migrate copies (item 2). */
    record Tx(int id, String begin, List<String> stmts, String end, boolean avoidCopy) {
    }

    private final Random r;
    private final Model m;
    private final Rows rows;
    private boolean avoidCopy;

    WorkloadGen(Random r, Model m, Rows rows) {
        this.r = r;
        this.m = m;
        this.rows = rows;
    }

    /** The initial rows, as single statements (the loader skips the ones that fail). */
    List<String> initial(Table t, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> key = rows.newKey(t);
            out.add(Rows.insert("INSERT", t, key, rows.data(t)));
            rows.added(t, key);
        }
        return out;
    }

    List<Tx> transactions(int n) {
        List<Table> tables = m.v1Tables();
        List<Tx> out = new ArrayList<>();
        for (int id = 1; id <= n; id++) {
            avoidCopy = false;
            List<String> stmts = new ArrayList<>();
            if (Switches.vacuum.on() && Gen.chance(r, 0.002)) {
                out.add(new Tx(id, "", List.of("VACUUM"), "", false));
                continue;
            }
            int ops = 1 + r.nextInt(3);
            for (int i = 0; i < ops; i++) {
                List<String> op = op(Gen.pick(r, tables));
                if (Gen.chance(r, 0.08)) {
                    stmts.add("SAVEPOINT sp");
                    stmts.addAll(op);
                    stmts.add("ROLLBACK TO sp");
                    stmts.add("RELEASE sp");
                } else {
                    stmts.addAll(op);
                }
            }
            out.add(new Tx(id, Gen.pick(r, List.of("BEGIN", "BEGIN IMMEDIATE", "BEGIN DEFERRED")), stmts,
                    Gen.chance(r, 0.08) ? "ROLLBACK" : "COMMIT", avoidCopy));
        }
        return out;
    }

    private List<String> op(Table t) {
        boolean rewrites = !t.kind.hiddenRowid() || Switches.rowidRewrites.on();
        List<String> key = rows.existingKey(t);
        Col unique = t.writable().stream().filter(c -> c.unique).findFirst().orElse(null);
        int dice = r.nextInt(100);
        if (key == null || dice < 30) {
            return List.of(insertNew(t));
        }
        if (dice < 50) {
            return update(t, key);
        }
        if (dice < 58) {
            rows.removed(t, key);
            return List.of("DELETE FROM " + Gen.q(t.name) + " WHERE " + Rows.where(t, key));
        }
        // writing a key the table may no longer hold re-inserts it: under a new rowid, which item 3 is about
        if (dice < 62 && rewrites) {
            return List.of(Rows.insert("INSERT OR IGNORE", t, key, rows.data(t, true)));
        }
        if (dice < 66 && rewrites) {
            return List.of(Rows.insert(Gen.pick(r, List.of("REPLACE", "INSERT OR REPLACE")), t, key, replacing(t)));
        }
        if (dice < 71 && unique != null && rewrites) {
            return List.of(replaceOnUnique(t, unique));
        }
        if (dice < 74 && unique != null && rewrites) {
            return List.of("UPDATE OR REPLACE " + Gen.q(t.name) + " SET " + Gen.q(unique.name) + " = "
                    + collidingValue(t, unique) + " WHERE " + Rows.where(t, key));
        }
        if (dice < 79 && t.kind != Kind.NO_PK && rewrites) {
            return List.of(upsert(t, key, unique, rewrites));
        }
        if (dice < 84 && rewrites) {
            return moveKey(t, key);
        }
        if (dice < 86 && rewrites) {
            return swapKeys(t, key);
        }
        if (dice < 89 && rewrites) {
            keyChange(t);
            return List.of("DELETE FROM " + Gen.q(t.name) + " WHERE " + Rows.where(t, key),
                    Rows.insert("INSERT", t, key, rows.data(t)));
        }
        if (dice < 94 || (dice < 97 && t.fks.stream().anyMatch(f -> f.parent.remap))) {
            return parentAndChild(t);
        }
        if (dice < 95) {
            return bigBlob(t, key);
        }
        return update(t, key);
    }

    private String insertNew(Table t) {
        keyChange(t);
        List<String> key = rows.newKey(t);
        boolean numbered = (t.kind == Kind.INT_PK || t.kind == Kind.NO_PK) && Gen.chance(r, 0.4);
        rows.added(t, key);
        return Rows.insert(Gen.chance(r, 0.15) ? "INSERT OR IGNORE" : "INSERT", t, numbered ? null : key, rows.data(t));
    }

    private List<String> update(Table t, List<String> key) {
        Map<Col, String> all = rows.data(t);
        Map<Col, String> some = new LinkedHashMap<>();
        all.forEach((c, v) -> {
            if (some.isEmpty() || Gen.chance(r, 0.3)) {
                some.put(c, v);
            }
        });
        if (some.isEmpty()) {
            return List.of(insertNew(t));
        }
        return List.of("UPDATE " + Gen.q(t.name) + " SET " + Rows.set(some) + " WHERE " + Rows.where(t, key));
    }

    /** A new row whose UNIQUE value another row holds: REPLACE deletes that row silently. */
    private String replaceOnUnique(Table t, Col unique) {
        keyChange(t);
        List<String> key = rows.newKey(t);
        rows.added(t, key);
        return Rows.insert("INSERT OR REPLACE", t, key, replacing(t));
    }

    /**
     * A REPLACE's row. Its references into a cycle through its own table are NULL (when they may be):
     * SQLite lets a REPLACE whose deletion reaches that cycle store a reference to a missing row, foreign
     * keys on or not, and mig rightly refuses to migrate such orphans.
     */
    private Map<Col, String> replacing(Table t) {
        Map<Col, String> row = rows.data(t, true);
        for (Fk fk : t.fks) {
            if (reaches(fk.parent, t, new java.util.HashSet<>()) && !fk.cols.get(0).notNull) {
                fk.cols.forEach(c -> row.put(c, "NULL"));
            }
        }
        return row;
    }

    /** {@code from} is {@code to}, or refers to it through foreign keys. */
    private static boolean reaches(Table from, Table to, java.util.Set<Table> seen) {
        if (from == to) {
            return true;
        }
        return seen.add(from) && from.fks.stream().anyMatch(f -> reaches(f.parent, to, seen));
    }

    private String collidingValue(Table t, Col unique) {
        return rows.data(t, true).get(unique);
    }

    /** An upsert on the key; with a UNIQUE column, sometimes on it, moving the conflicting row's key. */
    private String upsert(Table t, List<String> key, Col unique, boolean rewrites) {
        Map<Col, String> data = rows.data(t, true);
        String insert = Rows.insert("INSERT", t, key, data);
        if (unique != null && rewrites && Gen.chance(r, 0.4) && t.keyCols().size() == 1) {
            keyChange(t);
            List<String> moved = rows.newKey(t);
            rows.added(t, moved);
            return insert + " ON CONFLICT (" + Gen.q(unique.name) + ") DO UPDATE SET " + Gen.q(t.keyCols().get(0).name)
                    + " = " + moved.get(0);
        }
        Col c = data.keySet().stream().filter(x -> x.fk == null).findFirst().orElse(null);
        String action = c == null ? "NOTHING" : "UPDATE SET " + Gen.q(c.name) + " = excluded." + Gen.q(c.name);
        return insert + " ON CONFLICT (" + Rows.keyNames(t) + ") DO " + action;
    }

    private List<String> moveKey(Table t, List<String> key) {
        keyChange(t);
        List<String> to = rows.newKey(t);
        rows.removed(t, key);
        rows.added(t, to);
        return List.of("UPDATE " + Gen.q(t.name) + " SET " + setKey(t, to) + " WHERE " + Rows.where(t, key));
    }

    /** Two rows exchange keys through a third, unused key, in one transaction. */
    private List<String> swapKeys(Table t, List<String> a) {
        List<String> b = rows.existingKey(t);
        if (b == null || b.equals(a)) {
            return moveKey(t, a);
        }
        keyChange(t);
        List<String> tmp = rows.newKey(t);
        String table = Gen.q(t.name);
        return List.of("UPDATE " + table + " SET " + setKey(t, tmp) + " WHERE " + Rows.where(t, a),
                "UPDATE " + table + " SET " + setKey(t, a) + " WHERE " + Rows.where(t, b),
                "UPDATE " + table + " SET " + setKey(t, b) + " WHERE " + Rows.where(t, tmp));
    }

    private static String setKey(Table t, List<String> key) {
        if (t.kind == Kind.NO_PK) {
            return "rowid = " + key.get(0);
        }
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            terms.add(Gen.q(t.keyCols().get(i).name) + " = " + key.get(i));
        }
        return String.join(", ", terms);
    }

    /** A new parent (numbered by SQLite) and a child pointing at it through last_insert_rowid(). */
    private List<String> parentAndChild(Table child) {
        // a remapped parent first: its new rows need new keys while the copy runs (item 2)
        Fk fk = child.fks.stream().filter(f -> f.parent.kind == Kind.INT_PK)
                .min(java.util.Comparator.comparing(f -> !f.parent.remap)).orElse(null);
        if (fk == null) {
            return List.of(insertNew(child));
        }
        keyChange(fk.parent);
        keyChange(child);
        String parent = Rows.insert("INSERT", fk.parent, null, rows.data(fk.parent));
        Map<Col, String> data = rows.data(child);
        data.put(fk.cols.get(0), "last_insert_rowid()");
        List<String> key = rows.newKey(child);
        rows.added(child, key);
        boolean numbered = child.kind == Kind.INT_PK || child.kind == Kind.NO_PK;
        return List.of(parent, Rows.insert("INSERT", child, numbered ? null : key, data));
    }

    /** Rarely: a BLOB of 1 to 3 MB. */
    private List<String> bigBlob(Table t, List<String> key) {
        Col c = t.writable().stream().filter(x -> !x.key && x.fk == null && !x.unique
                && (x.values == Values.BLOB || x.values == Values.ANY)).findFirst().orElse(null);
        if (c == null || !Gen.chance(r, 0.3)) {
            return update(t, key);
        }
        return List.of("UPDATE " + Gen.q(t.name) + " SET " + Gen.q(c.name) + " = zeroblob(" + (1 + r.nextInt(3)) * 1_000_000
                + ") WHERE " + Rows.where(t, key));
    }

    /** New keys in a remapped table wait for the copy to end, unless item 2's fix is in. */
    private void keyChange(Table t) {
        if (t.remap && !Switches.remapWritesDuringCopy.on()) {
            avoidCopy = true;
        }
    }
}
