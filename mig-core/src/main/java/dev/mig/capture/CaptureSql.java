package dev.mig.capture;

import static dev.mig.sql.Sql.ident;
import static dev.mig.sql.Sql.literal;

import dev.mig.schema.Index;
import dev.mig.schema.IndexTerm;
import dev.mig.schema.MigTables;
import dev.mig.schema.Names;
import dev.mig.schema.RowKey;
import dev.mig.schema.Table;
import dev.mig.schema.UniqueKey;
import dev.mig.sql.SqlTokenizer;
import dev.mig.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/** Renders the DDL of capture: marker, log, and the triggers on one table. */
final class CaptureSql {

    static final String MARKER = MigTables.MARKER;
    static final String LOG = MigTables.LOG;
    static final String TRIGGER_PREFIX = "_mig_";
    static final String VACUUM_PROBE = MigTables.VACUUM_PROBE;
    /** The probe row's rowid: VACUUM renumbers a table without INTEGER PRIMARY KEY or index from 1. */
    static final long PROBE_ROWID = 2;

    private CaptureSql() {
    }

    static String createMarker() {
        return "CREATE TABLE " + ident(MARKER) + " (id INTEGER PRIMARY KEY CHECK (id = 0), status TEXT NOT NULL)";
    }

    /**
     * A table shaped like the ones VACUUM renumbers (no INTEGER PRIMARY KEY, no index), holding one row
     * at {@link #PROBE_ROWID}: if that row is found at another rowid, the old database was VACUUMed.
     */
    static List<String> createVacuumProbe() {
        return List.of("CREATE TABLE " + ident(VACUUM_PROBE) + " (note TEXT)", "INSERT INTO " + ident(VACUUM_PROBE)
                + " (rowid, note) VALUES (" + PROBE_ROWID + ", 'VACUUM would renumber this row')");
    }

    /** The log, with {@code keyWidth} key columns of no declared type (values keep their exact type). */
    static String createLog(int keyWidth) {
        StringJoiner cols = new StringJoiner(", ");
        cols.add("seq INTEGER PRIMARY KEY").add("tbl TEXT NOT NULL");
        for (int i = 1; i <= keyWidth; i++) {
            cols.add("k" + i);
        }
        return "CREATE TABLE " + ident(LOG) + " (" + cols + ")";
    }

    /** One capture trigger: its name and its CREATE statement. */
    record TriggerDdl(String name, String sql) {
    }

    /** All capture triggers for {@code table}. */
    static List<TriggerDdl> triggers(Table table) {
        RowKey key = RowKey.of(table);
        List<TriggerDdl> out = new ArrayList<>();
        out.add(trigger("ai", "AFTER INSERT", table, rejectWhileDraining() + logKey(table, key, "NEW")));
        out.add(trigger("au", "AFTER UPDATE", table, rejectWhileDraining() + logKey(table, key, "OLD")
                + logNewKeyIfChanged(table, key)));
        out.add(trigger("ad", "AFTER DELETE", table, rejectWhileDraining() + logKey(table, key, "OLD")));
        List<String> conflicts = uniqueConflictConditions(table);
        Optional<String> rowid = displaceableRowid(table);
        if (!conflicts.isEmpty() || rowid.isPresent()) {
            List<String> onInsert = new ArrayList<>(conflicts);
            List<String> onUpdate = new ArrayList<>(conflicts);
            rowid.ifPresent(r -> {
                onInsert.add("t." + r + " = NEW." + r);
                onUpdate.add("(t." + r + " = NEW." + r + " AND NEW." + r + " IS NOT OLD." + r + ")");
            });
            out.add(trigger("bi", "BEFORE INSERT", table, logConflicting(table, key, onInsert)));
            out.add(trigger("bu", "BEFORE UPDATE", table, logConflicting(table, key, onUpdate)));
        }
        return out;
    }

    private static String logConflicting(Table table, RowKey key, List<String> conditions) {
        return "INSERT INTO " + ident(LOG) + " (tbl, " + keyColumns(key.size()) + ") SELECT " + literal(table.name())
                + ", " + key.terms("t") + " FROM " + ident(table.name()) + " AS t WHERE " + String.join(" OR ", conditions)
                + ";\n";
    }

    /**
     * The rowid name of a rowid table whose key is not its rowid (a composite or non-INTEGER primary key):
     * a REPLACE naming a taken rowid, or an UPDATE OR REPLACE moving a row onto one, silently deletes the
     * row holding it, under another key. In a table keyed by its rowid that row has the new row's key,
     * which the AFTER triggers log. (In BEFORE INSERT without an explicit rowid, NEW.rowid is
     * undefined: at worst one key too many is logged, which is harmless.)
     */
    private static Optional<String> displaceableRowid(Table table) {
        if (table.primaryKey() == null || table.hasRowidAlias()) {
            return Optional.empty();
        }
        return table.rowidName();
    }

    static String triggerName(String event, Table table) {
        return TRIGGER_PREFIX + event + "_" + table.name();
    }

    private static TriggerDdl trigger(String event, String timing, Table table, String body) {
        String name = triggerName(event, table);
        return new TriggerDdl(name, "CREATE TRIGGER " + ident(name) + " " + timing + " ON " + ident(table.name())
                + " BEGIN\n" + body + "END");
    }

    private static String rejectWhileDraining() {
        return "SELECT RAISE(ABORT, " + literal(Capture.DRAINING_MESSAGE) + ") FROM " + ident(MARKER)
                + " WHERE id = 0 AND status = 'draining';\n";
    }

    private static String logKey(Table table, RowKey key, String row) {
        return "INSERT INTO " + ident(LOG) + " (tbl, " + keyColumns(key.size()) + ") VALUES (" + literal(table.name())
                + ", " + key.terms(row) + ");\n";
    }

    /** An UPDATE that changes the key logs the new key too: replay deletes the old row, copies the new. */
    private static String logNewKeyIfChanged(Table table, RowKey key) {
        StringJoiner changed = new StringJoiner(" OR ");
        List<String> newTerms = splitTerms(key, "NEW");
        List<String> oldTerms = splitTerms(key, "OLD");
        for (int i = 0; i < key.size(); i++) {
            changed.add(newTerms.get(i) + " IS NOT " + oldTerms.get(i));
        }
        return "INSERT INTO " + ident(LOG) + " (tbl, " + keyColumns(key.size()) + ") SELECT " + literal(table.name())
                + ", " + key.terms("NEW") + " WHERE " + changed + ";\n";
    }

    private static List<String> splitTerms(RowKey key, String alias) {
        List<String> out = new ArrayList<>();
        for (String c : key.columns()) {
            out.add(new RowKey(List.of(c), key.rowid()).terms(alias));
        }
        return out;
    }

    static String keyColumns(int width) {
        StringJoiner out = new StringJoiner(", ");
        for (int i = 1; i <= width; i++) {
            out.add("k" + i);
        }
        return out.toString();
    }

    /**
     * One condition per UNIQUE constraint or unique index (primary key excluded: a REPLACE on it keeps
     * the key, which the INSERT trigger logs), true for existing rows {@code t} that the new row would
     * displace. Partial indexes are treated as full ones: logging a key too many is harmless.
     */
    static List<String> uniqueConflictConditions(Table table) {
        List<String> out = new ArrayList<>();
        for (UniqueKey u : table.uniques()) {
            StringJoiner and = new StringJoiner(" AND ", "(", ")");
            u.columns().forEach(c -> and.add("t." + ident(c) + " = NEW." + ident(c)));
            out.add(and.toString());
        }
        for (Index index : table.indexes()) {
            if (!index.unique()) {
                continue;
            }
            StringJoiner and = new StringJoiner(" AND ", "(", ")");
            for (IndexTerm term : index.terms()) {
                String collate = term.collate() == null ? "" : " COLLATE " + ident(term.collate());
                if (term.column() != null) {
                    and.add("t." + ident(term.column()) + collate + " = NEW." + ident(term.column()));
                } else {
                    and.add("(" + qualify(term.expr(), table, "t") + ")" + collate + " = ("
                            + qualify(term.expr(), table, "NEW") + ")");
                }
            }
            out.add(and.toString());
        }
        return out;
    }

    /**
     * Rewrites an index expression so each bare column reference reads from {@code alias}: the same
     * expression evaluated over the existing row ({@code t}) and over the new one ({@code NEW}).
     */
    static String qualify(String expr, Table table, String alias) {
        List<Token> tokens = SqlTokenizer.tokenize(expr);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean afterDot = i > 0 && tokens.get(i - 1).isSymbol(".");
            boolean isCall = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
            boolean column = (t.type() == Token.Type.WORD || t.type() == Token.Type.QUOTED_ID) && !afterDot && !isCall
                    && table.columns().stream().anyMatch(c -> Names.same(c.name(), t.nameValue()));
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(column ? alias + "." + ident(t.nameValue()) : t.text());
        }
        return out.toString();
    }
}
