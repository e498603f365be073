package dev.mig.schema.yaml;

import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML scalars for the schema writer: plain when the text is a simple word that YAML reads back as the
 * same string, double-quoted otherwise ({@code "yes"}, {@code "null"}, {@code "12"}, {@code "a: b"}, unicode).
 */
final class YamlText {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_().]*(?: [A-Za-z0-9_().]+)*");
    private static final Resolver RESOLVER = new Resolver();

    private YamlText() {
    }

    static String scalar(String text) {
        return PLAIN.matcher(text).matches() && resolves(text).equals(Tag.STR) ? text : quoted(text);
    }

    /** Resolved tag of {@code text} written as a plain scalar. */
    static Tag resolves(String text) {
        return RESOLVER.resolve(NodeId.scalar, text, true);
    }

    static String list(List<String> items) {
        return "[" + String.join(", ", items.stream().map(YamlText::scalar).toList()) + "]";
    }

    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (printable(cp)) {
                        out.appendCodePoint(cp);
                    } else if (cp <= 0xff) {
                        out.append(String.format("\\x%02X", cp));
                    } else if (cp <= 0xffff) {
                        out.append(String.format("\\u%04X", cp));
                    } else {
                        out.append(String.format("\\U%08X", cp));
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** YAML's printable set, less the characters a reader might take for line breaks or a byte-order mark. */
    private static boolean printable(int cp) {
        return cp >= 0x20 && cp <= 0x7e || cp >= 0xa0 && cp <= 0xd7ff && cp != 0x2028 && cp != 0x2029
                || cp >= 0xe000 && cp <= 0xfffd && cp != 0xfeff || cp >= 0x10000 && cp <= 0x10ffff;
    }
}
