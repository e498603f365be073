package dev.mig.schema.yaml;

import dev.mig.schema.Check;
import dev.mig.schema.Column;
import dev.mig.schema.FkAction;
import dev.mig.schema.ForeignKey;
import dev.mig.schema.Generated;
import dev.mig.schema.SchemaDdl;
import dev.mig.sql.Sql;
import dev.mig.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads one column of schema.yaml, and the small values that columns and tables share. */
final class SchemaYamlColumn {
    static final List<String> KEYS = List.of("type", "primaryKey", "autoincrement", "nullable", "unique",
            "default", "check", "collate", "references", "onDelete", "onUpdate", "deferred", "generated",
            "renamedFrom", "from");

    private static final Set<String> BUILT_IN_COLLATIONS = Set.of("BINARY", "NOCASE", "RTRIM");
    private static final String ACTIONS = "cascade, set null, set default, restrict, no action";

    /**
     * A column as written, with the constraints declared on it; the table moves them into its own lists.
     *
     * @param pkNode  where {@code primaryKey: true} was written, or null
     * @param autoNode where {@code autoincrement: true} was written, or null
     * @param fkNode  where {@code references} was written, or null
     */
    record Decl(Column column, Node keyNode, Node pkNode, boolean desc, Node autoNode, boolean unique, Check check,
                ForeignKey fk, Node fkNode) {
    }

    private SchemaYamlColumn() {
    }

    static Decl read(YamlSource src, String table, YamlMap.Entry entry) {
        String name = entry.key();
        String what = "column " + table + "." + name;
        Node value = entry.value();
        YamlMap m = YamlSource.isNull(value) && value instanceof ScalarNode
                ? YamlMap.of(src, emptyMap(value), what, "")
                : YamlMap.of(src, value, what, "a map of column keys (type, nullable, default ...)");
        m.allowOnly(KEYS, "Column keys describe one column.");
        String type = m.has("type") ? type(src, m.get("type"), "'type' of " + what) : "";
        Node pkNode = null;
        boolean desc = false;
        if (m.has("primaryKey")) {
            Node n = m.get("primaryKey");
            desc = isDesc(n);
            if (!desc && !(n instanceof ScalarNode s && s.getTag().equals(Tag.BOOL))) {
                throw src.error(n, "'primaryKey' of " + what + " must be true, false or desc, not "
                        + YamlSource.shape(n), "desc declares PRIMARY KEY DESC; true is the usual choice.");
            }
            if (desc || src.bool(n, "'primaryKey' of " + what)) {
                pkNode = n;
            }
        }
        Node autoNode = flag(src, m, "autoincrement", what) ? m.get("autoincrement") : null;
        boolean notNull = m.has("nullable") && !src.bool(m.get("nullable"), "'nullable' of " + what);
        boolean unique = flag(src, m, "unique", what);
        String defaultExpr = m.has("default") ? defaultExpr(src, m.get("default"), "'default' of " + what) : null;
        Check check = m.has("check") ? check(src, m.get("check"), "'check' of " + what) : null;
        String collate = m.has("collate") ? columnCollate(src.name(m.get("collate"), "'collate' of " + what))
                : null;
        Generated generated = m.has("generated") ? generated(src, m.get("generated"), what) : null;
        String renamedFrom = m.has("renamedFrom") ? src.name(m.get("renamedFrom"), "'renamedFrom' of " + what)
                : null;
        String from = m.has("from") ? fromExpr(src, m.get("from"), "'from' of " + what) : null;
        ForeignKey fk = references(src, m, name, what);
        if (generated != null && defaultExpr != null) {
            throw src.error(m.get("default"), what + " is generated and cannot have a default",
                    "Remove 'default' or 'generated'; SQLite computes a generated column itself.");
        }
        if (generated != null && from != null) {
            throw src.error(m.get("from"), what + " is generated and cannot be computed by 'from'",
                    "SQLite computes a generated column itself; remove 'from'.");
        }
        if (generated != null && pkNode != null) {
            throw src.error(pkNode, what + " is generated and cannot be part of the primary key",
                    "SQLite does not allow a generated column in a PRIMARY KEY.");
        }
        String spelled = type.isEmpty() ? null : SchemaDdl.spelledType(src.text(m.get("type"), "'type' of " + what));
        Column column = new Column(name, type, notNull, defaultExpr, collate, generated, renamedFrom, from, spelled);
        return new Decl(column, entry.keyNode(), pkNode, desc, autoNode, unique, check, fk,
                fk == null ? null : m.get("references"));
    }

    /** {@code id:} with nothing after it is a column with every default. */
    private static Node emptyMap(Node at) {
        return new MappingNode(Tag.MAP, true, new ArrayList<NodeTuple>(), at.getStartMark(), at.getEndMark(),
                DumperOptions.FlowStyle.FLOW);
    }

    private static boolean isDesc(Node n) {
        return n instanceof ScalarNode s && s.getTag().equals(Tag.STR) && s.getValue().equalsIgnoreCase("desc");
    }

    private static boolean flag(YamlSource src, YamlMap m, String key, String what) {
        return m.has(key) && src.bool(m.get(key), "'" + key + "' of " + what);
    }

    static String type(YamlSource src, Node node, String what) {
        String text = src.text(node, what);
        if (text.isBlank()) {
            return "";
        }
        String problem = YamlSql.typeProblem(src.tokens(node, text, what));
        if (problem != null) {
            throw src.error(node, what + " '" + text + "' " + problem,
                    "Write only the type name, such as TEXT or VARCHAR(255); constraints have their own keys.");
        }
        return SchemaDdl.canonicalType(text);
    }

    /** A bare query ({@code SELECT ...}) can only mean the scalar subquery: it is stored in parentheses. */
    private static String fromExpr(YamlSource src, Node node, String what) {
        String expr = src.expr(node, what);
        return Sql.startsQuery(src.tokens(node, expr, what)) ? "(" + expr + ")" : expr;
    }

    /** A YAML number or boolean is taken as the SQL literal it spells; anything else is SQL text. */
    static String defaultExpr(YamlSource src, Node node, String what) {
        ScalarNode s = src.scalar(node, what);
        Tag tag = s.getTag();
        if (tag.equals(Tag.BOOL)) {
            return src.bool(node, what) ? "TRUE" : "FALSE";
        }
        if (tag.equals(Tag.NULL)) {
            throw src.error(node, what + " has no value",
                    "For a default of SQL NULL write default: \"NULL\"; for no default remove the key.");
        }
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            // YAML reads 012 as octal 10 where SQL reads 12: ambiguous, so refused like 1:30.
            boolean octal = tag.equals(Tag.INT) && s.getValue().matches("[-+]?0[0-9_]+");
            if (octal || !isSqlNumber(src.tokens(node, s.getValue(), what))) {
                throw src.error(node, what + " '" + s.getValue() + "' is a YAML number that SQL does not read"
                        + " the same way", "Quote the SQL you mean, for example default: \"255\".");
            }
            // 1_000 is 1000 to both, but SQLite before 3.46 cannot read digit separators: a database whose
            // DDL holds one is one that older sqlite3 shells and Pythons refuse to open.
            return Sql.canonicalDefault(src.exprFromText(node, s.getValue().replace("_", ""), what));
        }
        if (!tag.equals(Tag.STR)) {
            throw src.error(node, what + " '" + s.getValue() + "' is read by YAML as a " + tag.getValue()
                    .replace(Tag.PREFIX, ""), "Quote it as SQL: a text default is default: \"'" + s.getValue() + "'\".");
        }
        // A lone identifier is stored by SQLite as the string it names: compare it the way live ones are read.
        return Sql.canonicalDefault(src.exprFromText(node, s.getValue(), what));
    }

    private static boolean isSqlNumber(List<Token> t) {
        int i = !t.isEmpty() && (t.get(0).isSymbol("-") || t.get(0).isSymbol("+")) ? 1 : 0;
        return t.size() == i + 1 && t.get(i).type() == Token.Type.NUMBER;
    }

    /** A check: an expression, or {@code {name, expr}} for a named CONSTRAINT. */
    static Check check(YamlSource src, Node node, String what) {
        if (node instanceof ScalarNode) {
            return new Check(null, src.expr(node, what));
        }
        YamlMap m = YamlMap.of(src, node, what, "an expression or a map {name, expr}")
                .allowOnly(List.of("name", "expr"), "A check is an expression or {name: ..., expr: ...}.");
        if (!m.has("expr")) {
            throw src.error(node, what + " has no 'expr'", "Write the condition as expr: \"price > 0\".");
        }
        String name = m.has("name") ? src.name(m.get("name"), "'name' of " + what) : null;
        return new Check(name, src.expr(m.get("expr"), "'expr' of " + what));
    }

    /** BINARY is the default and is stored as null; built-in names are upper-cased as SQLite reports them. */
    static String columnCollate(String name) {
        String upper = builtInOrSame(name);
        return upper.equals("BINARY") ? null : upper;
    }

    static String builtInOrSame(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return BUILT_IN_COLLATIONS.contains(upper) ? upper : name;
    }

    private static Generated generated(YamlSource src, Node node, String what) {
        String key = "'generated' of " + what;
        if (node instanceof ScalarNode) {
            return new Generated(src.expr(node, key), false);
        }
        YamlMap m = YamlMap.of(src, node, key, "an expression or a map {expr, stored}")
                .allowOnly(List.of("expr", "stored"), "A generated column is an expression or {expr, stored}.");
        if (!m.has("expr")) {
            throw src.error(node, key + " has no 'expr'", "Write generated: {expr: \"a + b\", stored: true}.");
        }
        boolean stored = m.has("stored") && src.bool(m.get("stored"), "'stored' of " + key);
        return new Generated(src.expr(m.get("expr"), "'expr' of " + key), stored);
    }

    private static ForeignKey references(YamlSource src, YamlMap m, String column, String what) {
        if (!m.has("references")) {
            for (String k : List.of("onDelete", "onUpdate", "deferred")) {
                if (m.has(k)) {
                    throw src.error(m.get(k), "'" + k + "' of " + what + " needs 'references'",
                            "Say which table the column refers to, for example references: users.id.");
                }
            }
            return null;
        }
        Node node = m.get("references");
        String[] target = target(src, node, "'references' of " + what);
        FkAction onDelete = m.has("onDelete") ? action(src, m.get("onDelete"), "'onDelete' of " + what) : null;
        FkAction onUpdate = m.has("onUpdate") ? action(src, m.get("onUpdate"), "'onUpdate' of " + what) : null;
        boolean deferred = flag(src, m, "deferred", what);
        return new ForeignKey(List.of(column), target[0], target[1] == null ? List.of() : List.of(target[1]),
                onDelete, onUpdate, deferred);
    }

    /** {@code table}, {@code table.column} (split at the last dot) or {@code {table, column}}. */
    private static String[] target(YamlSource src, Node node, String what) {
        if (node instanceof ScalarNode) {
            String text = src.name(node, what);
            int dot = text.lastIndexOf('.');
            if (dot < 0) {
                return new String[] {text, null};
            }
            if (dot == 0 || dot == text.length() - 1) {
                throw src.error(node, what + " '" + text + "' is not table or table.column",
                        "For names containing dots write references: {table: ..., column: ...}.");
            }
            return new String[] {text.substring(0, dot), text.substring(dot + 1)};
        }
        YamlMap m = YamlMap.of(src, node, what, "table, table.column or a map {table, column}")
                .allowOnly(List.of("table", "column"), "A reference is {table: ..., column: ...}.");
        if (!m.has("table")) {
            throw src.error(node, what + " has no 'table'", "Write references: {table: users, column: id}.");
        }
        String table = src.name(m.get("table"), "'table' of " + what);
        String column = m.has("column") ? src.name(m.get("column"), "'column' of " + what) : null;
        return new String[] {table, column};
    }

    static FkAction action(YamlSource src, Node node, String what) {
        String text = src.text(node, what);
        return FkAction.parse(text).orElseThrow(() -> src.error(node, what + " '" + text
                + "' is not a foreign key action", "Use one of: " + ACTIONS + "."));
    }
}
