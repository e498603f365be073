package dev.mig.schema.yaml;

import dev.mig.schema.Index;
import dev.mig.schema.IndexTerm;
import dev.mig.sql.Sql;
import dev.mig.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads one entry of a table's {@code indexes:}. */
final class SchemaYamlIndex {
    private static final String TERMS_HINT = "A term is a column name, {column: c, collate: NOCASE, desc: true}"
            + " or {expr: \"lower(email)\", desc: true}.";

    private SchemaYamlIndex() {
    }

    static Index read(YamlSource src, YamlMap.Entry entry, SchemaYamlTable.Columns columns) {
        String what = "index " + entry.key();
        Node value = entry.value();
        if (value instanceof SequenceNode) {
            return new Index(entry.key(), terms(src, value, what, columns), false, null);
        }
        YamlMap m = YamlMap.of(src, value, what, "a list of columns or a map {columns, unique, where}")
                .allowOnly(List.of("columns", "unique", "where"), "An index is [columns] or {columns, unique, where}.");
        if (!m.has("columns")) {
            throw src.error(entry.keyNode(), what + " has no 'columns'", "Write columns: [a, b].");
        }
        boolean unique = m.has("unique") && src.bool(m.get("unique"), "'unique' of " + what);
        String where = m.has("where") ? src.expr(m.get("where"), "'where' of " + what) : null;
        return new Index(entry.key(), terms(src, m.get("columns"), "'columns' of " + what, columns), unique, where);
    }

    private static List<IndexTerm> terms(YamlSource src, Node node, String what, SchemaYamlTable.Columns columns) {
        List<Node> items = src.list(node, what);
        if (items.isEmpty()) {
            throw src.error(node, what + " is an empty list", "An index needs at least one column.");
        }
        List<IndexTerm> terms = new ArrayList<>();
        for (Node item : items) {
            terms.add(term(src, item, "a term of " + what, columns));
        }
        return terms;
    }

    private static IndexTerm term(YamlSource src, Node node, String what, SchemaYamlTable.Columns columns) {
        if (node instanceof ScalarNode) {
            return IndexTerm.column(columns.require(node, src.name(node, what), what));
        }
        YamlMap m = YamlMap.of(src, node, what, "a column name or a map").allowOnly(
                List.of("column", "expr", "collate", "desc"), TERMS_HINT);
        if (m.has("column") == m.has("expr")) {
            throw src.error(node, what + " must have exactly one of 'column' and 'expr'", TERMS_HINT);
        }
        String collate = m.has("collate")
                ? SchemaYamlColumn.builtInOrSame(src.name(m.get("collate"), "'collate' of " + what)) : null;
        boolean desc = m.has("desc") && src.bool(m.get("desc"), "'desc' of " + what);
        if (m.has("column")) {
            Node c = m.get("column");
            return new IndexTerm(columns.require(c, src.name(c, "'column' of " + what), what), null, collate, desc);
        }
        Node e = m.get("expr");
        String expr = src.expr(e, "'expr' of " + what);
        List<Token> tokens = src.tokens(e, expr, what);
        refuseOrdering(src, e, tokens, what);
        if (tokens.size() == 1 && (tokens.get(0).type() == Token.Type.WORD && !Sql.isKeyword(tokens.get(0).text())
                || tokens.get(0).type() == Token.Type.QUOTED_ID)) {
            // A bare name is a column to SQLite, so it is one in the model too.
            return new IndexTerm(columns.require(e, tokens.get(0).nameValue(), what), null, collate, desc);
        }
        return new IndexTerm(null, expr, collate, desc);
    }

    /** COLLATE and DESC have their own keys; written inside expr they would disagree with the model. */
    private static void refuseOrdering(YamlSource src, Node node, List<Token> tokens, String what) {
        Token last = tokens.get(tokens.size() - 1);
        int depth = 0;
        for (Token t : tokens) {
            depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
            if (depth == 0 && t.isWord("COLLATE") || t == last && (t.isWord("ASC") || t.isWord("DESC"))) {
                throw src.error(node, "'expr' of " + what + " has " + t.text().toUpperCase(Locale.ROOT) + " outside"
                        + " parentheses",
                        "Use the 'collate' and 'desc' keys of the term instead.");
            }
        }
    }
}
