package dev.mig.schema.yaml;

import dev.mig.api.MigException;
import dev.mig.schema.Names;
import dev.mig.schema.Schema;
import dev.mig.schema.Table;
import dev.mig.schema.Trigger;
import dev.mig.schema.View;
import dev.mig.sql.Sql;
import dev.mig.sql.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Turns the composed YAML tree of schema.yaml into a {@link Schema}, checking everything that needs no SQLite. */
final class SchemaYamlParser {
    static final List<String> KEYS = List.of("name", "tables", "views", "triggers", "dropTables", "cutover");

    private final YamlSource src;
    private final YamlLocations locations;
    /** Tables, views and indexes share one namespace in SQLite: name key to where it was declared. */
    private final Map<String, String> namespace = new HashMap<>();

    SchemaYamlParser(YamlSource src, YamlLocations locations) {
        this.src = src;
        this.locations = locations;
    }

    Schema parse(Node root, String defaultName) {
        YamlMap top = YamlMap.of(src, root, "the schema file", "a map with tables: (and optionally name:, views:,"
                + " triggers:, dropTables:, cutover:)").allowOnly(KEYS, "Tables go under 'tables:'.");
        String name = databaseName(top, defaultName);
        if (!top.has("tables")) {
            throw src.error(root, "the schema file declares no tables", "Add tables: with at least one table.");
        }
        YamlMap tableMap = YamlMap.names(src, top.get("tables"), "tables", "table");
        if (tableMap.entries().isEmpty()) {
            throw src.error(top.get("tables"), "the schema file declares no tables",
                    "Add at least one table under tables:.");
        }
        List<SchemaYamlTable.Read> reads = new ArrayList<>();
        for (YamlMap.Entry e : tableMap.entries()) {
            declare(e.keyNode(), "table", e.key(), YamlLocations.TABLE);
            SchemaYamlTable.Read read = SchemaYamlTable.read(src, e);
            for (YamlMap.Entry ie : read.indexes()) {
                declare(ie.keyNode(), "index", ie.key(), YamlLocations.INDEX);
            }
            reads.add(read);
        }
        List<Table> tables = reads.stream().map(SchemaYamlTable.Read::table).toList();
        SchemaYamlRefs.check(src, tableMap.entries(), reads);
        List<View> views = views(top);
        List<Trigger> triggers = triggers(top);
        List<String> dropTables = SchemaYamlRefs.dropTables(src, top.get("dropTables"), tableMap, tables);
        return new Schema(name, tables, views, triggers, dropTables, cutover(top));
    }

    /** The first words of statements that change rows; anything else (DDL, PRAGMA, transactions) is refused. */
    private static final List<String> ROW_CHANGES = List.of("INSERT", "UPDATE", "DELETE", "REPLACE", "WITH");

    private List<String> cutover(YamlMap top) {
        if (!top.has("cutover")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        List<Node> items = src.list(top.get("cutover"), "'cutover'");
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String what = "cutover statement " + (i + 1);
            String text = src.text(item, what);
            List<Token> tokens = YamlSql.withoutTrailingSemicolons(src.tokens(item, text, what));
            if (tokens.isEmpty()) {
                throw src.error(item, what + " is empty", "Write one INSERT, UPDATE or DELETE statement, or remove the item.");
            }
            if (tokens.stream().anyMatch(t -> t.isSymbol(";"))) {
                throw src.error(item, what + " holds more than one statement",
                        "Give each statement its own item under cutover:.");
            }
            if (ROW_CHANGES.stream().noneMatch(w -> tokens.get(0).isWord(w))) {
                throw src.error(item, what + " starts with " + tokens.get(0).text() + ": cutover statements change rows",
                        "Use INSERT, UPDATE, DELETE or REPLACE; tables, indexes and triggers are declared under "
                                + "tables: and triggers:.");
            }
            String statement = text.strip();
            while (statement.endsWith(";")) {
                statement = statement.substring(0, statement.length() - 1).strip();
            }
            out.add(statement);
        }
        return out;
    }

    private String databaseName(YamlMap top, String defaultName) {
        Node node = top.get("name");
        String name = node == null ? defaultName : src.name(node, "'name'");
        String problem = name == null ? "is missing" : fileNameProblem(name);
        if (problem == null) {
            return name;
        }
        String message = node == null ? src.label() + ": the database name (from the project directory) " + problem
                : src.at(node) + ": the database name '" + name + "' " + problem;
        throw MigException.input(message, "Set name: to a plain name such as app; it becomes part"
                + " of the new database's file name.");
    }

    private static String fileNameProblem(String name) {
        if (name.isBlank() || name.equals(".") || name.equals("..")) {
            return "is not a usable file name";
        }
        for (char c : name.toCharArray()) {
            if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) {
                return "contains a character a file name cannot hold";
            }
        }
        int bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            return "is " + bytes + " bytes long: file systems hold names of 255 bytes, and <name>-<hash>.sqlite-journal "
                    + "leaves " + MAX_NAME_BYTES + " for it";
        }
        return null;
    }

    /** 255 bytes for a file name, less "-" + 16 hex digits + ".sqlite" + "-journal", SQLite's longest suffix. */
    static final int MAX_NAME_BYTES = 255 - 1 - 16 - ".sqlite".length() - "-journal".length();

    /** Registers a table, view or index name; refuses reserved names and names already taken. */
    private void declare(Node at, String kind, String name, String locationKind) {
        refuseReserved(src, at, kind, name);
        String previous = namespace.putIfAbsent(Names.key(name), kind + " '" + name + "' at line " + src.line(at));
        if (previous != null) {
            throw src.error(at, kind + " name '" + name + "' is already used by " + previous,
                    "Tables, views and indexes share one namespace in SQLite (names compare without regard to"
                            + " ASCII case); rename one of them.");
        }
        locations.put(locationKind, name, at);
    }

    static void refuseReserved(YamlSource src, Node at, String kind, String name) {
        if (Names.isMigInternal(name) || Names.isSqliteInternal(name)) {
            throw src.error(at, kind + " name '" + name + "' is reserved", "mig uses the names _migration_*, _mig_*,"
                    + " _id_mapping* and _schema_identity, and SQLite uses sqlite_*; choose another name.");
        }
    }

    private List<View> views(YamlMap top) {
        List<View> out = new ArrayList<>();
        if (!top.has("views")) {
            return out;
        }
        for (YamlMap.Entry e : YamlMap.names(src, top.get("views"), "views", "view").entries()) {
            declare(e.keyNode(), "view", e.key(), YamlLocations.VIEW);
            out.add(view(e));
        }
        return out;
    }

    private View view(YamlMap.Entry e) {
        String what = "view " + e.key();
        Node selectNode = e.value();
        List<String> columns = List.of();
        if (!(e.value() instanceof ScalarNode)) {
            YamlMap m = YamlMap.of(src, e.value(), what, "a SELECT statement or a map {columns, select}")
                    .allowOnly(List.of("columns", "select"), "A view is a SELECT, or {columns: [..], select: ..}.");
            if (!m.has("select")) {
                throw src.error(e.keyNode(), what + " has no 'select'", "Write select: \"SELECT ...\".");
            }
            selectNode = m.get("select");
            columns = m.has("columns") ? src.distinctNames(m.get("columns"), "'columns' of " + what) : List.of();
        }
        String text = src.text(selectNode, "the SELECT of " + what);
        List<Token> tokens = YamlSql.withoutTrailingSemicolons(src.tokens(selectNode, text, what));
        if (tokens.isEmpty() || !(tokens.get(0).isWord("SELECT") || tokens.get(0).isWord("WITH")
                || tokens.get(0).isWord("VALUES"))) {
            throw src.error(selectNode, what + " must be a SELECT statement" + (tokens.isEmpty() ? ""
                    : ", not one starting with " + tokens.get(0).text()), "Write only the query: the part after"
                    + " CREATE VIEW ... AS.");
        }
        if (tokens.stream().anyMatch(t -> t.isSymbol(";"))) {
            throw src.error(selectNode, what + " contains more than one statement", "Write one SELECT statement.");
        }
        return new View(e.key(), columns, Sql.join(tokens));
    }

    private List<Trigger> triggers(YamlMap top) {
        List<Trigger> out = new ArrayList<>();
        if (!top.has("triggers")) {
            return out;
        }
        for (YamlMap.Entry e : YamlMap.names(src, top.get("triggers"), "triggers", "trigger").entries()) {
            refuseReserved(src, e.keyNode(), "trigger", e.key());
            locations.put(YamlLocations.TRIGGER, e.key(), e.keyNode());
            out.add(SchemaYamlRefs.trigger(src, e));
        }
        return out;
    }
}
