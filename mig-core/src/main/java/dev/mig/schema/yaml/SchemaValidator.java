package dev.mig.schema.yaml;

import static dev.mig.sql.Sql.ident;

import dev.mig.api.MigException;
import dev.mig.schema.Index;
import dev.mig.schema.Schema;
import dev.mig.schema.SchemaDdl;
import dev.mig.schema.Table;
import dev.mig.schema.Trigger;
import dev.mig.schema.View;
import dev.mig.sql.Sql;
import dev.mig.sql.SqlTokenizer;
import dev.mig.sql.SqliteFiles;
import dev.mig.sql.Token;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets SQLite itself judge a declared schema: every object is created in a private in-memory database
 * through {@link SchemaDdl}, so an expression SQLite cannot parse, or a view or trigger that refers to
 * something missing, is reported against the object that holds it. Column {@code from} expressions are
 * not checked here: they refer to the live source table, which the planner checks.
 */
public final class SchemaValidator {
    private static final Pattern SQLITE_MESSAGE = Pattern.compile("^\\[[A-Z_]+\\][^(]*\\((.*)\\)$", Pattern.DOTALL);

    private SchemaValidator() {
    }

    public static void validate(Schema schema) {
        validate(schema, YamlLocations.none());
    }

    /** Throws {@link MigException} (INPUT) naming the first object SQLite refuses, at its place in the file. */
    public static void validate(Schema schema, YamlLocations where) {
        try (Connection c = SqliteFiles.openMemory()) {
            new Run(c, where).all(schema);
        } catch (SQLException e) {
            throw new MigException(MigException.Kind.INTERNAL, "cannot close the in-memory validation database: "
                    + e.getMessage(), null, e);
        }
    }

    private record Run(Connection c, YamlLocations where) {
        void all(Schema schema) {
            for (Table t : schema.tables()) {
                run(SchemaDdl.createTableAsDeclared(t), YamlLocations.TABLE, t.name(), "table " + t.name());
            }
            for (Table t : schema.tables()) {
                for (Index i : t.indexes()) {
                    run(SchemaDdl.createIndex(t.name(), i), YamlLocations.INDEX, i.name(), "index " + i.name());
                }
            }
            for (View v : schema.views()) {
                String ddl = SchemaDdl.createView(v);
                run(ddl, YamlLocations.VIEW, v.name(), "view " + v.name());
                requireStoredAsGiven("view", v.name(), ddl, YamlLocations.VIEW);
            }
            for (View v : schema.views()) {
                prepare("SELECT * FROM " + ident(v.name()) + " LIMIT 0", YamlLocations.VIEW, v.name(),
                        "view " + v.name());
            }
            for (Trigger tr : schema.triggers()) {
                trigger(tr);
            }
            for (Table t : schema.tables()) {
                if (!t.foreignKeys().isEmpty()) {
                    // Only running the check finds a parent key that is neither PRIMARY KEY nor UNIQUE.
                    query("PRAGMA foreign_key_check(" + ident(t.name()) + ")", YamlLocations.TABLE, t.name(),
                            "a foreign key of table " + t.name());
                }
            }
        }

        /** Creates the trigger, then compiles a statement that fires it: that is when SQLite reads its body. */
        private void trigger(Trigger tr) {
            String what = "trigger " + tr.name();
            run(tr.sql(), YamlLocations.TRIGGER, tr.name(), what);
            requireStoredAsGiven("trigger", tr.name(), tr.sql(), YamlLocations.TRIGGER);
            YamlTriggerHeader header = YamlTriggerHeader.parse(SqlTokenizer.tokenize(tr.sql()));
            List<String> cols = writableColumns(header.table());
            String target = ident(header.table());
            String dml = switch (header.event()) {
                case "INSERT" -> "INSERT INTO " + target + " (" + Sql.idents(cols) + ") SELECT " + Sql.idents(cols)
                        + " FROM " + target;
                case "UPDATE" -> "UPDATE " + target + " SET " + String.join(", ",
                        cols.stream().map(col -> ident(col) + " = " + ident(col)).toList());
                default -> "DELETE FROM " + target;
            };
            prepare(dml, YamlLocations.TRIGGER, tr.name(), what);
        }

        private List<String> writableColumns(String table) {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw internal(e);
            }
            return out;
        }

        /**
         * SQLite stores the text of the one statement it ran; anything after it was never executed here and
         * must not ride along into a real database.
         */
        private void requireStoredAsGiven(String type, String name, String ddl, String kind) {
            try (PreparedStatement ps = c.prepareStatement("SELECT sql FROM sqlite_schema WHERE type = ? AND name = ?")) {
                ps.setString(1, type);
                ps.setString(2, name);
                try (ResultSet rs = ps.executeQuery()) {
                    String stored = rs.next() ? rs.getString(1) : null;
                    if (stored == null || !storedForm(type, stored).equals(storedForm(type, ddl))) {
                        throw MigException.input(where.prefix(kind, name) + type + " " + name
                                + " contains more than one SQL statement", "Write a single statement.");
                    }
                }
            } catch (SQLException e) {
                throw internal(e);
            }
        }

        /** SQLite stores a trigger without IF NOT EXISTS or schema: compare from the name on. */
        private static String storedForm(String type, String sql) {
            List<Token> tokens = SqlTokenizer.tokenize(sql);
            if (type.equals("trigger")) {
                return YamlTriggerHeader.canonical(tokens, YamlTriggerHeader.parse(tokens));
            }
            return Sql.join(tokens);
        }

        private void run(String sql, String kind, String name, String what) {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw refused(e, kind, name, what);
            }
        }

        /** Compiles without running: enough for SQLite to resolve every name the statement reaches. */
        private void prepare(String sql, String kind, String name, String what) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.getParameterMetaData();
            } catch (SQLException e) {
                throw refused(e, kind, name, what);
            }
        }

        private void query(String sql, String kind, String name, String what) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
            } catch (SQLException e) {
                throw refused(e, kind, name, what);
            }
        }

        private MigException refused(SQLException e, String kind, String name, String what) {
            return MigException.input(where.prefix(kind, name) + what + ": SQLite refuses it: " + sqliteMessage(e),
                    "Fix the SQL of " + what + "; the schema is checked by creating it in an empty database.");
        }

        private static MigException internal(SQLException e) {
            return new MigException(MigException.Kind.INTERNAL, "schema validation failed: " + e.getMessage(),
                    null, e);
        }
    }

    /** SQLite's own words, without the JDBC driver's "[SQLITE_ERROR] SQL error or missing database (...)". */
    static String sqliteMessage(SQLException e) {
        String msg = String.valueOf(e.getMessage());
        Matcher m = SQLITE_MESSAGE.matcher(msg);
        return m.matches() ? m.group(1) : msg;
    }
}
