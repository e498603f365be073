package dev.mig.verify;

import static dev.mig.sql.Sql.ident;

import dev.mig.api.MigException;
import dev.mig.sql.SchemaName;
import dev.mig.sql.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The checks a new database passes before it may be cut over: {@code PRAGMA integrity_check} and
 * {@code PRAGMA foreign_key_check}, run on the copy connection ({@code mig_new}).
 */
public final class NewDatabaseChecks {

    public static final int SHOWN = 10;

    private NewDatabaseChecks() {
    }

    /**
     * Both checks over the whole new database {@code target}, at once: the foreign keys on a read-only
     * connection of their own while {@code pair} checks integrity, two cores for two scans (on 1,000,000
     * rows each takes about a quarter to half a second). {@code pair} must have nothing uncommitted.
     */
    public static void full(Connection pair, Path target) throws SQLException {
        List<String> violations = bothAtOnce(pair, target);
        failOn(violations);
    }

    public static void integrity(Connection pair) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement s = pair.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA " + SchemaName.NEW.quoted() + ".integrity_check(" + SHOWN + ")")) {
            while (rs.next()) {
                problems.add(rs.getString(1));
            }
        }
        if (!(problems.size() == 1 && "ok".equals(problems.get(0)))) {
            throw MigException.refused("The new database fails SQLite's integrity check: " + String.join("; ", problems),
                    "The old database is unaffected. Run 'mig reset' and migrate again; report this if it repeats.");
        }
    }

    /** Foreign-key violations in {@code tables} (null: all tables) fail the drain, naming the rows. */
    public static void foreignKeys(Connection pair, Collection<String> tables) throws SQLException {
        List<String> violations = new ArrayList<>();
        if (tables == null) {
            collect(pair, "PRAGMA " + SchemaName.NEW.quoted() + ".foreign_key_check", violations);
        } else {
            for (String t : tables) {
                collect(pair, "PRAGMA " + SchemaName.NEW.quoted() + ".foreign_key_check(" + ident(t) + ")",
                        violations);
            }
        }
        failOn(violations);
    }

    /**
     * Both checks, before an {@code --offline} copy is marked ready: the plan's probes saw the data before
     * the copy, and nothing is replayed after it, so this is the last look.
     */
    public static void offline(Connection pair, Path target) throws SQLException {
        List<String> violations = bothAtOnce(pair, target);
        failOn(violations, "Fix those rows in the old database, then run 'mig reset' and 'mig migrate --offline' "
                + "again.");
    }

    /** Integrity on {@code pair} (refusing when it fails) while another connection collects FK violations. */
    private static List<String> bothAtOnce(Connection pair, Path target) throws SQLException {
        CompletableFuture<List<String>> fk = CompletableFuture.supplyAsync(() -> {
            List<String> violations = new ArrayList<>();
            try (Connection c = SqliteFiles.openReadOnly(target)) {
                collect(c, "PRAGMA main.foreign_key_check", violations);
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
            return violations;
        });
        try {
            integrity(pair);
        } finally {
            try {
                fk.join(); // never leave the other connection reading behind a refusal
            } catch (CompletionException ignored) {
                // reported below, when integrity passed
            }
        }
        try {
            return fk.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Fails the drain when {@code violations} is not empty, naming at most {@value #SHOWN} of them. */
    public static void failOn(List<String> violations) {
        failOn(violations, "Fix those rows in the old database (it is still the application's database), then run "
                + "'mig drain' again; or 'mig reset'.");
    }

    private static void failOn(List<String> violations, String whatToDo) {
        if (!violations.isEmpty()) {
            throw MigException.refused("The new database has " + violations.size() + (violations.size() > SHOWN ? "+" : "")
                            + " foreign-key violations, for example: " + String.join("; ", violations.subList(0,
                            Math.min(SHOWN, violations.size()))) + ". These rows came from the old database, where "
                            + "foreign keys were not enforced (or were written with enforcement off).",
                    whatToDo);
        }
    }

    private static void collect(Connection pair, String sql, List<String> out) throws SQLException {
        try (Statement s = pair.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next() && out.size() <= SHOWN) {
                out.add("table " + rs.getString(1) + " rowid " + rs.getString(2) + " -> missing parent in "
                        + rs.getString(3));
            }
        }
    }
}
