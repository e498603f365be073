package dev.mig.generative;

import dev.mig.generative.Model.Col;
import dev.mig.generative.Model.Kind;
import dev.mig.generative.Model.Table;
import dev.mig.generative.WorkloadGen.Tx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The oracle, with plain JDBC and none of mig's code: replays the acknowledged transactions on a copy of
 * the old database taken before any write, derives the expected new database from it with the
 * generator's own SQL for the v2 change, and compares databases table by table.
 */
final class Oracle {

    private Oracle() {
    }

    static Connection open(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("PRAGMA synchronous = OFF"); // the test's own files: a power cut is not part of the test
        }
        return c;
    }

    /** Applies {@code acked} in order, as the writer ran them; a statement failing here is a divergence. */
    static void replay(Path snapshot, List<Tx> acked) throws SQLException {
        try (Connection c = open(snapshot); Statement s = c.createStatement()) {
            for (Tx tx : acked) {
                try {
                    if (!tx.begin().isEmpty()) {
                        s.execute(tx.begin());
                    }
                    for (String sql : tx.stmts()) {
                        s.execute(sql);
                    }
                    if (!tx.end().isEmpty()) {
                        s.execute(tx.end());
                    }
                } catch (SQLException e) {
                    throw new AssertionError("the oracle cannot replay acknowledged transaction " + tx.id()
                            + " (the old database diverged from what the application committed): " + e.getMessage()
                            + "\n  " + String.join(";\n  ", tx.stmts()), e);
                }
            }
        }
    }

    /** The old database's application data: every v1 table with its rowid, and sqlite_sequence. */
    static List<String> diffOld(Path expected, Path actual, Model m) throws SQLException {
        List<String> diffs = new ArrayList<>();
        try (Connection e = open(expected); Connection a = open(actual)) {
            for (Table t : m.v1Tables()) {
                String sql = canonical(t, false, !t.kind.withoutRowid());
                compare("old " + t.name, rows(e, sql), rows(a, sql), diffs);
            }
            String seq = "SELECT name, seq FROM sqlite_sequence";
            if (hasSequence(e) || hasSequence(a)) {
                compare("old sqlite_sequence", hasSequence(e) ? rows(e, seq) : List.of(),
                        hasSequence(a) ? rows(a, seq) : List.of(), diffs);
            }
        }
        return diffs;
    }

    /** Builds the expected new database from the old one's final content (the replayed snapshot). */
    static void expected(Path oldFinal, Path expected, Model m) throws SQLException {
        try (Connection c = open(oldFinal); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute("ATTACH DATABASE '" + expected.toAbsolutePath().toString().replace("'", "''") + "' AS exp");
            for (Table t : m.v2Tables()) {
                s.execute(Ddl.create(t, true).replaceFirst("^CREATE TABLE ", "CREATE TABLE exp."));
                if (!t.added) {
                    s.execute(copy(t));
                }
            }
            s.execute("CREATE TABLE exp.sequences (name TEXT, seq INTEGER)");
            for (Table t : m.v2Tables()) {
                if (t.autoincrement) {
                    s.execute("INSERT INTO exp.sequences SELECT " + Gen.lit(t.newName)
                            + ", seq FROM main.sqlite_sequence WHERE name = " + Gen.lit(t.name));
                }
            }
            s.execute("DETACH DATABASE exp");
        }
    }

    private static String copy(Table t) {
        List<String> cols = new ArrayList<>();
        List<String> exprs = new ArrayList<>();
        if (!t.kind.withoutRowid() && t.kind != Kind.INT_PK) {
            cols.add("rowid");
            exprs.add("rowid");
        }
        for (Col c : t.v2Cols()) {
            if (c.generated() || (c.added && c.fromExpr == null)) {
                continue; // SQLite computes it, or fills the default / NULL, as in any INSERT
            }
            cols.add(Gen.q(c.newName));
            exprs.add(c.added ? c.fromExpr : Gen.q(c.name));
        }
        return "INSERT INTO exp." + Gen.q(t.newName) + " (" + String.join(", ", cols) + ") SELECT "
                + String.join(", ", exprs) + " FROM main." + Gen.q(t.name);
    }

    /** The new database against the expected one: v2 tables (remapped keys up to the mapping), sequences. */
    static List<String> diffNew(Path expected, Path actual, Model m) throws SQLException {
        List<String> diffs = new ArrayList<>();
        try (Connection e = open(expected); Connection a = open(actual)) {
            for (Table t : m.v2Tables()) {
                boolean rowid = t.kind == Kind.NO_PK || (t.kind.hiddenRowid() && Switches.compareKeyedRowids.on());
                String sql = canonical(t, true, rowid);
                compare("new " + t.newName, rows(e, sql), rows(a, sql), diffs);
                if (t.autoincrement) {
                    sequence(t, e, a, diffs);
                }
            }
            compare("new _migration_status", List.of("ready"), rows(a, "SELECT status FROM _migration_status"), diffs);
            compare("new integrity_check", List.of("ok"), rows(a, "PRAGMA integrity_check"), diffs);
            compare("new foreign_key_check", List.of(), rows(a, "PRAGMA foreign_key_check"), diffs);
        }
        return diffs;
    }

    /**
     * The new AUTOINCREMENT counter is the old one, exactly: lower would hand out ids the old database used,
     * higher would differ from what the application would have seen had it kept the old database.
     */
    private static void sequence(Table t, Connection e, Connection a, List<String> diffs) throws SQLException {
        String want = one(rows(e, "SELECT seq FROM sequences WHERE name = " + Gen.lit(t.newName)));
        String got = one(rows(a, "SELECT seq FROM sqlite_sequence WHERE name = " + Gen.lit(t.newName)));
        if (Long.parseLong(got) != Long.parseLong(want)) {
            diffs.add("new sqlite_sequence of " + t.newName + " is " + got + ", not the old counter " + want);
        }
    }

    private static String one(List<String> rows) {
        return rows.isEmpty() ? "0" : rows.get(0);
    }

    /**
     * One row per table row, every value as {@code quote()} writes it (type and value). In v2 a remapped
     * key is left out, and a reference to a remapped parent is replaced by that parent's other values: the
     * child must point at the parent with the same natural data.
     */
    static String canonical(Table t, boolean v2, boolean rowid) {
        List<String> exprs = new ArrayList<>();
        if (rowid) {
            exprs.add("_t.rowid");
        }
        for (Col c : v2 ? t.v2Cols() : t.v1Cols()) {
            String name = "_t." + Gen.q(v2 ? c.newName : c.name);
            if (v2 && c.key && t.remap) {
                continue;
            }
            if (v2 && c.fk != null && c.fk.parent.remap && c.fk.holdsKey(c)) {
                Table p = c.fk.parent;
                exprs.add("(SELECT " + natural(p) + " FROM " + Gen.q(p.newName) + " AS _p WHERE _p."
                        + Gen.q(p.keyCols().get(0).newName) + " = " + name + ")");
            } else {
                exprs.add("quote(" + name + ")");
            }
        }
        if (exprs.isEmpty()) {
            exprs.add("1");
        }
        return "SELECT " + String.join(", ", exprs) + " FROM " + Gen.q(v2 ? t.newName : t.name) + " AS _t";
    }

    private static String natural(Table p) {
        List<String> parts = p.v2Cols().stream()
                .filter(c -> !c.key && !c.generated() && (c.fk == null || !c.fk.parent.remap || !c.fk.holdsKey(c)))
                .map(c -> "quote(_p." + Gen.q(c.newName) + ")").toList();
        return parts.isEmpty() ? "'parent'" : String.join(" || ',' || ", parts);
    }

    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    String v = rs.getString(i);
                    row.add(v == null ? "∅" : v.length() > 200 ? v.substring(0, 40) + "...(" + v.length() + " chars, hash "
                            + v.hashCode() + ")" : v);
                }
                out.add(String.join("|", row));
            }
        }
        Collections.sort(out);
        return out;
    }

    private static boolean hasSequence(Connection c) throws SQLException {
        return !rows(c, "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").isEmpty();
    }

    private static void compare(String what, List<String> want, List<String> got, List<String> diffs) {
        if (want.equals(got)) {
            return;
        }
        List<String> missing = new ArrayList<>(want);
        got.forEach(missing::remove);
        List<String> extra = new ArrayList<>(got);
        want.forEach(extra::remove);
        diffs.add(what + ": expected " + want.size() + " rows, found " + got.size() + "; missing "
                + missing.stream().limit(4).collect(Collectors.joining(" ; ", "[", "]")) + ", unexpected "
                + extra.stream().limit(4).collect(Collectors.joining(" ; ", "[", "]")));
    }
}
