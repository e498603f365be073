package dev.mig.schema.yaml;

import dev.mig.api.MigException;
import dev.mig.schema.Names;
import dev.mig.sql.Sql;
import dev.mig.sql.SqlSyntaxException;
import dev.mig.sql.SqlTokenizer;
import dev.mig.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One schema file being read: turns YAML nodes into typed values, and every mistake into a
 * {@link MigException} that names the file, line and column.
 */
final class YamlSource {
    /** Scalar tags the YAML resolver gives plain text; anything else was written as an explicit tag. */
    private static final Set<Tag> SCALAR_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.TIMESTAMP);

    private final String label;

    YamlSource(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static String position(String label, Node node) {
        Mark m = node.getStartMark();
        return label + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
    }

    String at(Node node) {
        return position(label, node);
    }

    int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    MigException error(Node node, String message, String hint) {
        return MigException.input(at(node) + ": " + message, hint);
    }

    static String shape(Node node) {
        if (node instanceof MappingNode) {
            return "a map";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull(node) ? "nothing" : "'" + ((ScalarNode) node).getValue() + "'";
    }

    static boolean isNull(Node node) {
        return node == null || node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** A scalar of a standard type; explicit tags such as {@code !!binary} or {@code !foo} are refused. */
    ScalarNode scalar(Node node, String what) {
        if (!(node instanceof ScalarNode)) {
            throw error(node, what + " must be a single value, not " + shape(node),
                    "Write one value here, not a list or a map.");
        }
        if (!SCALAR_TAGS.contains(node.getTag())) {
            throw error(node, "unsupported YAML tag " + node.getTag() + " on " + what,
                    "Remove the tag; schema.yaml uses plain strings, numbers and booleans.");
        }
        return (ScalarNode) node;
    }

    /** The text of a scalar, whatever YAML type it resolves to: {@code yes} and {@code 12} are names too. */
    String text(Node node, String what) {
        ScalarNode s = scalar(node, what);
        if (s.getTag().equals(Tag.NULL)) {
            throw error(node, what + " has no value", "Write a value after the colon, or remove the key.");
        }
        return s.getValue();
    }

    String name(Node node, String what) {
        String name = text(node, what);
        if (name.isEmpty()) {
            throw error(node, what + " is an empty name", "Every name needs at least one character.");
        }
        return name;
    }

    boolean bool(Node node, String what) {
        ScalarNode s = scalar(node, what);
        if (!s.getTag().equals(Tag.BOOL)) {
            throw error(node, what + " must be true or false, not " + shape(node), "Write true or false, without quotes.");
        }
        String v = s.getValue().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("yes") || v.equals("on");
    }

    List<Node> list(Node node, String what) {
        if (!(node instanceof SequenceNode seq) || !seq.getTag().equals(Tag.SEQ)) {
            throw error(node, what + " must be a list, not " + shape(node),
                    "Write a list as [a, b] or as lines starting with '- '.");
        }
        return seq.getValue();
    }

    List<String> names(Node node, String what) {
        List<String> out = new ArrayList<>();
        for (Node item : list(node, what)) {
            out.add(name(item, "an entry of " + what));
        }
        return out;
    }

    /** A list of names that must not be empty and must not name the same thing twice. */
    List<String> distinctNames(Node node, String what) {
        List<String> out = names(node, what);
        if (out.isEmpty()) {
            throw error(node, what + " is an empty list", "Name at least one column.");
        }
        for (int i = 0; i < out.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (Names.same(out.get(i), out.get(j))) {
                    throw error(list(node, what).get(i), what + " names '" + out.get(i) + "' twice",
                            "Name each one once (names compare without regard to ASCII case).");
                }
            }
        }
        return out;
    }

    /** Tokens of an SQL text, an SQL tokenizer failure reported at the node. */
    List<Token> tokens(Node node, String text, String what) {
        try {
            return SqlTokenizer.tokenize(text);
        } catch (SqlSyntaxException e) {
            throw error(node, what + " is not valid SQL: " + e.getMessage(), "Check the quotes in the expression.");
        }
    }

    /** An SQL expression in canonical form, refused if it could escape the place it is written into. */
    String expr(Node node, String what) {
        return exprFromText(node, text(node, what), what);
    }

    String exprFromText(Node node, String text, String what) {
        List<Token> tokens = tokens(node, text, what);
        String problem = YamlSql.exprProblem(tokens);
        if (problem != null) {
            throw error(node, what + " " + problem, "Write a single SQL expression, such as \"price > 0\".");
        }
        return Sql.canonicalExpr(text);
    }
}
