package dev.mig.generative;

import dev.mig.generative.Model.Col;
import dev.mig.generative.Model.Fk;
import dev.mig.generative.Model.Kind;
import dev.mig.generative.Model.Table;
import dev.mig.generative.Model.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Row values and keys for generated statements, with an approximate model of the keys each table holds
 * (approximate because a statement may fail at run time; then it only makes later statements miss).
 * Every value is a deterministic SQL literal: the oracle replays the same text on another SQLite version.
 */
final class Rows {

    private static final List<String> TEXTS = List.of("", "plain", "it's", "quo\"te", "naïve 日本 😀", "{\"a\": [1]}",
            "'); DROP TABLE x; --", "line\nbreak", "  spaced  ", "NULL", "0", "12.5");
    private final Random r;
    private final Map<Table, List<List<String>>> keys = new HashMap<>();
    private final Map<Table, Long> counters = new HashMap<>();

    Rows(Random r) {
        this.r = r;
    }

    List<List<String>> keys(Table t) {
        return keys.computeIfAbsent(t, x -> new ArrayList<>());
    }

    /** A key the table probably holds, or null when it holds none. */
    List<String> existingKey(Table t) {
        List<List<String>> ks = keys(t);
        return ks.isEmpty() ? null : Gen.pick(r, ks);
    }

    /** A key the table has never held (the rowid of a table without primary key: the next one). */
    List<String> newKey(Table t) {
        long n = counters.merge(t, 1L + r.nextInt(3), Long::sum);
        return switch (t.kind) {
            case INT_PK, NO_PK -> List.of(Long.toString(n));
            case TEXT_PK, WOR_TEXT -> List.of(Gen.lit("k" + n + (Gen.chance(r, 0.2) ? Gen.pick(r, TEXTS) : "")));
            case COMPOSITE_PK, WOR_COMPOSITE -> List.of(Long.toString(n), Gen.lit("b" + r.nextInt(3)));
        };
    }

    void added(Table t, List<String> key) {
        keys(t).add(key);
    }

    void removed(Table t, List<String> key) {
        keys(t).remove(key);
    }

    /** {@code "a" = 1 AND "b" = 'x'}, or {@code rowid = 3} for a table without primary key. */
    static String where(Table t, List<String> key) {
        if (t.kind == Kind.NO_PK) {
            return "rowid = " + key.get(0);
        }
        List<Col> kc = t.keyCols();
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < kc.size(); i++) {
            terms.add(Gen.q(kc.get(i).name) + " = " + key.get(i));
        }
        return String.join(" AND ", terms);
    }

    /** The key columns of an INSERT: the rowid's for a table without primary key. */
    static String keyNames(Table t) {
        return t.kind == Kind.NO_PK ? "rowid" : Ddl.names(t.keyCols(), false);
    }

    /** Values for every writable non-key column, foreign keys from the parents' keys. */
    Map<Col, String> data(Table t) {
        return data(t, false);
    }

    /** With {@code collide}, UNIQUE values come from a small set, so that they meet the other rows' values. */
    Map<Col, String> data(Table t, boolean collide) {
        Map<Col, String> row = new LinkedHashMap<>();
        for (Fk fk : t.fks) {
            List<String> pk = Gen.chance(r, 0.2) && !fk.cols.get(0).notNull ? null : existingKey(fk.parent);
            for (int i = 0; i < fk.cols.size(); i++) {
                // a composite reference to a key and a fixed column: the latter holds its default, 'x'
                row.put(fk.cols.get(i), pk == null ? "NULL" : i < pk.size() ? pk.get(i) : Gen.lit("x"));
            }
        }
        for (Col c : t.writable()) {
            if (!c.key && c.fk == null) {
                row.put(c, value(t, c, collide));
            }
        }
        return row;
    }

    String value(Table t, Col c, boolean collide) {
        if (!c.notNull && Gen.chance(r, 0.1)) {
            return "NULL";
        }
        if (c.unique) {
            int n = collide ? r.nextInt(300) : 300 + r.nextInt(1_000_000);
            return c.values == Values.INT ? Integer.toString(n) : Gen.lit("u" + n);
        }
        Values v = c.values;
        if (v == Values.ANY || (!t.strict && Gen.chance(r, 0.05))) {
            v = Gen.pick(r, List.of(Values.INT, Values.TEXT, Values.REAL, Values.BLOB)); // any class, or a wrong one
        }
        return switch (v) {
            case INT -> Gen.chance(r, 0.05) ? Gen.pick(r, List.of("9223372036854775807", "-9223372036854775808", "0"))
                    : Integer.toString(r.nextInt(2000) - 50);
            case TEXT -> Gen.lit(Gen.pick(r, TEXTS) + r.nextInt(100));
            // multiples of 1/8: exact in binary, so every SQLite version reads the literal alike
            case REAL -> Gen.chance(r, 0.05) ? "-0.0" : Double.toString((r.nextInt(80_000) - 1000) / 8.0);
            case BLOB -> Gen.chance(r, 0.1) ? "X''" : "X'" + hex(r.nextInt(12) + 1) + "'";
            case ANY -> throw new IllegalStateException();
        };
    }

    private String hex(int bytes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < bytes; i++) {
            s.append(String.format("%02X", r.nextInt(256)));
        }
        return s.toString();
    }

    /** {@code INSERT [OR x] INTO t (key..., cols...) VALUES (...)}; key null: SQLite numbers the row. */
    static String insert(String verb, Table t, List<String> key, Map<Col, String> row) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        if (key != null) {
            names.add(keyNames(t));
            values.addAll(key);
        }
        row.forEach((c, v) -> {
            names.add(Gen.q(c.name));
            values.add(v);
        });
        String cols = String.join(", ", names);
        return verb + " INTO " + Gen.q(t.name) + (cols.isEmpty() ? " DEFAULT VALUES"
                : " (" + cols + ") VALUES (" + String.join(", ", values) + ")");
    }

    static String set(Map<Col, String> row) {
        return row.entrySet().stream().map(e -> Gen.q(e.getKey().name) + " = " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
