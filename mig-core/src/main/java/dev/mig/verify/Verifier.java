package dev.mig.verify;

import static dev.mig.sql.Sql.ident;

import dev.mig.api.Progress;
import dev.mig.api.TableVerdict;
import dev.mig.api.plan.MigrationPlan;
import dev.mig.api.plan.TablePlan;
import dev.mig.plan.MappingSql;
import dev.mig.schema.Schema;
import dev.mig.sql.SchemaName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Compares each table of the new database with the old table mapped through the plan: row count and
 * {@link RowChecksum}, both computed inside SQLite. The old side uses the copy's own expressions
 * ({@link MappingSql}), including the id mappings' translation; where the target converts types,
 * the mapped rows first pass through a temporary table declared like the target, so both sides
 * compare values as the copy stored them. Runs inside the caller's transaction on a copy connection.
 */
public final class Verifier {

    private static final int SAMPLES = 5;

    private final Connection pair;
    /** Where the new side is counted and summed: {@link #pair}, or a connection of its own (see below). */
    private final Connection newSide;
    private final MigrationPlan plan;
    private final Schema declared;
    private final Schema live;

    public Verifier(Connection pair, MigrationPlan plan, Schema declared, Schema live) throws SQLException {
        this(pair, pair, plan, declared, live);
    }

    /**
     * A verifier that sums the new side on {@code newSide} while {@code pair} sums the old side, two scans at
     * once. {@code newSide} must see the new database as {@code pair} does: committed, and not written
     * while the comparison runs.
     */
    public Verifier(Connection pair, Connection newSide, MigrationPlan plan, Schema declared, Schema live)
            throws SQLException {
        this.pair = pair;
        this.newSide = newSide;
        this.plan = plan;
        this.declared = declared;
        this.live = live;
        RowChecksum.register(pair);
        if (newSide != pair) {
            RowChecksum.register(newSide);
        }
    }

    public List<TableVerdict> compareAll() throws SQLException {
        return compareAll(Progress.NONE);
    }

    /** Compares every table, each as a step of {@code progress}. */
    public List<TableVerdict> compareAll(Progress progress) throws SQLException {
        List<TableVerdict> out = new ArrayList<>();
        for (TablePlan t : plan.tables()) {
            out.add(t.sourceTable() == null ? emptyTable(t)
                    : progress.step("verify " + t.table(), () -> compare(MappingSql.of(t, declared, live))));
        }
        return out;
    }

    private TableVerdict compare(MappingSql m) throws SQLException {
        String oldRows = m.convertsTypes() ? throughTargetTypes(m) : m.mappedSelect();
        String newRows = "SELECT " + String.join(", ", m.targetTerms()) + " FROM " + m.targetTable();
        long[] o;
        long[] n;
        if (newSide == pair) {
            o = countAndSum(pair, oldRows);
            n = countAndSum(pair, newRows);
        } else {
            CompletableFuture<long[]> newSum = CompletableFuture.supplyAsync(() -> {
                try {
                    return countAndSum(newSide, newRows);
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            });
            try {
                o = countAndSum(pair, oldRows);
            } finally {
                n = joined(newSum);
            }
        }
        List<String> oldOnly = List.of();
        List<String> newOnly = List.of();
        if (o[0] != n[0] || o[1] != n[1]) {
            oldOnly = samples(oldRows + " EXCEPT " + newRows);
            newOnly = samples(newRows + " EXCEPT " + oldRows);
        }
        return new TableVerdict(m.plan().table(), o[0], n[0], o[1], n[1], oldOnly, newOnly);
    }

    private TableVerdict emptyTable(TablePlan t) throws SQLException {
        long[] n = countAndSum(pair, "SELECT 1 FROM " + SchemaName.NEW.table(t.table()));
        return new TableVerdict(t.table(), 0, n[0], 0, n[0] == 0 ? 0 : n[1], List.of(), List.of());
    }

    /** Materialises the mapped rows in a temp table declared with the target's types, so affinity applies. */
    private String throughTargetTypes(MappingSql m) throws SQLException {
        String temp = ident("temp", "_mig_verify");
        StringJoiner cols = new StringJoiner(", ");
        List<String> types = m.targetTypes();
        for (int i = 0; i < types.size(); i++) {
            // ANY means "no conversion" in a STRICT table; in a plain table no type at all does that.
            String type = types.get(i).equalsIgnoreCase("ANY") ? "" : " " + types.get(i);
            cols.add("v" + i + type);
        }
        try (Statement s = pair.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + temp);
            s.execute("CREATE TEMP TABLE \"_mig_verify\" (" + cols + ")");
            s.execute("INSERT INTO " + temp + " " + m.mappedSelect());
        }
        StringJoiner vs = new StringJoiner(", ");
        for (int i = 0; i < types.size(); i++) {
            vs.add("v" + i);
        }
        return "SELECT " + vs + " FROM " + temp;
    }

    /** The new side's sums, or the SQLException that stopped them, as the old side's would be thrown. */
    private static long[] joined(CompletableFuture<long[]> sums) throws SQLException {
        try {
            return sums.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static long[] countAndSum(Connection c, String rows) throws SQLException {
        int width = columnCount(c, rows);
        String sql = "SELECT count(*), coalesce(" + RowChecksum.NAME + "(" + checksumArgs(width) + "), 0) FROM ("
                + renumbered(rows, width) + ") AS r";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /**
     * The aggregate's arguments for rows of {@code width} columns: every column, or for a row wider than
     * one call may take, the {@link RowChecksum#GROUP_NAME} hash of each group of columns in order.
     */
    static String checksumArgs(int width) {
        StringJoiner args = new StringJoiner(", ");
        if (width <= RowChecksum.GROUP) {
            columns(1, width).forEach(args::add);
            return args.toString();
        }
        for (int first = 1; first <= width; first += RowChecksum.GROUP) {
            int last = Math.min(width, first + RowChecksum.GROUP - 1);
            args.add(RowChecksum.GROUP_NAME + "(" + String.join(", ", columns(first, last)) + ")");
        }
        return args.toString();
    }

    private static List<String> columns(int first, int last) {
        List<String> out = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            out.add("r.\"" + i + "\"");
        }
        return out;
    }

    /** Wraps {@code rows} so its columns are named "1", "2", ... whatever the inner names are. */
    private static String renumbered(String rows, int width) {
        StringJoiner cols = new StringJoiner(", ");
        for (int i = 1; i <= width; i++) {
            cols.add("\"" + i + "\"");
        }
        return "WITH r0 (" + cols + ") AS (" + rows + ") SELECT * FROM r0";
    }

    private static int columnCount(Connection c, String rows) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM (" + rows + ") LIMIT 0")) {
            return rs.getMetaData().getColumnCount();
        }
    }

    private List<String> samples(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = pair.createStatement(); ResultSet rs = s.executeQuery(sql + " LIMIT " + SAMPLES)) {
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringJoiner row = new StringJoiner("|");
                for (int i = 1; i <= width; i++) {
                    Object v = rs.getObject(i);
                    row.add(v == null ? "NULL" : v instanceof byte[] b ? "X'" + java.util.HexFormat.of().formatHex(b) + "'"
                            : v instanceof String str ? dev.mig.sql.Sql.literal(str) : String.valueOf(v));
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
