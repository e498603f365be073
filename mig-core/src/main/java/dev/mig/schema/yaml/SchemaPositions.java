package dev.mig.schema.yaml;

import dev.mig.schema.Names;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where tables, columns, indexes, views, triggers and drop directives were written in a schema.yaml, so
 * that a report (SARIF) can point a reviewer at the line that asked for a change. Read after the file was
 * loaded and checked; a file that cannot be read again simply has no positions.
 */
public final class SchemaPositions {
    /** A 1-based line and column, as editors and SARIF count them. */
    public record Position(int line, int column) {
    }

    private final Map<String, Position> places = new HashMap<>();

    private SchemaPositions() {
    }

    /** The positions in {@code file}; none when it cannot be read or parsed. */
    public static SchemaPositions read(Path file) {
        SchemaPositions positions = new SchemaPositions();
        try {
            Node root = SchemaYaml.compose(SchemaYaml.decodeUtf8(java.nio.file.Files.readAllBytes(file),
                    file.toString()), file.toString());
            if (root instanceof MappingNode top) {
                positions.walk(top);
            }
        } catch (RuntimeException | java.io.IOException e) {
            // The file changed or vanished since it was loaded: report without positions.
        }
        return positions;
    }

    /** The key of a declared table, or the {@code tables:} key when the table is not declared. */
    public Optional<Position> table(String table) {
        return find("table", table).or(() -> find("top", "tables"));
    }

    /** The key of a declared column; for a key of several columns ({@code a, b}), the first. */
    public Optional<Position> column(String table, String column) {
        String first = column.split(", ")[0];
        return find("column", table + "\u0000" + column).or(() -> find("column", table + "\u0000" + first))
                .or(() -> find("dropColumn", table + "\u0000" + column));
    }

    /** An index, view or trigger by name. */
    public Optional<Position> object(String name) {
        return find("index", name).or(() -> find("view", name)).or(() -> find("trigger", name));
    }

    /** An entry of the top-level {@code dropTables:}. */
    public Optional<Position> droppedTable(String table) {
        return find("dropTable", table);
    }

    /** A top-level key: {@code name}, {@code tables}, {@code cutover} ... */
    public Optional<Position> topKey(String key) {
        return find("top", key);
    }

    private Optional<Position> find(String kind, String name) {
        return Optional.ofNullable(places.get(kind + ":" + Names.key(name)));
    }

    private void put(String kind, String name, Node node) {
        places.putIfAbsent(kind + ":" + Names.key(name), new Position(node.getStartMark().getLine() + 1,
                node.getStartMark().getColumn() + 1));
    }

    private void walk(MappingNode top) {
        for (NodeTuple t : top.getValue()) {
            String key = text(t.getKeyNode());
            if (key == null) {
                continue;
            }
            put("top", key, t.getKeyNode());
            switch (key) {
                case "tables" -> entries(t.getValueNode(), (name, keyNode, value) -> {
                    put("table", name, keyNode);
                    table(name, value);
                });
                case "views" -> entries(t.getValueNode(), (name, keyNode, value) -> put("view", name, keyNode));
                case "triggers" -> entries(t.getValueNode(), (name, keyNode, value) -> put("trigger", name, keyNode));
                case "dropTables" -> items(t.getValueNode(), (name, node) -> put("dropTable", name, node));
                default -> {
                }
            }
        }
    }

    private void table(String table, Node definition) {
        entries(definition, (key, keyNode, value) -> {
            switch (key) {
                case "columns" -> entries(value, (name, nameNode, v) -> put("column", table + "\u0000" + name, nameNode));
                case "indexes" -> entries(value, (name, nameNode, v) -> put("index", name, nameNode));
                case "dropColumns" -> items(value, (name, node) -> put("dropColumn", table + "\u0000" + name, node));
                default -> {
                }
            }
        });
    }

    private interface EntryVisitor {
        void visit(String key, Node keyNode, Node value);
    }

    private interface ItemVisitor {
        void visit(String text, Node node);
    }

    private static void entries(Node node, EntryVisitor visitor) {
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                String key = text(t.getKeyNode());
                if (key != null) {
                    visitor.visit(key, t.getKeyNode(), t.getValueNode());
                }
            }
        }
    }

    private static void items(Node node, ItemVisitor visitor) {
        if (node instanceof SequenceNode list) {
            for (Node item : list.getValue()) {
                String text = text(item);
                if (text != null) {
                    visitor.visit(text, item);
                }
            }
        }
    }

    private static String text(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }
}
