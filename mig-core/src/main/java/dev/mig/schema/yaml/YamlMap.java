package dev.mig.schema.yaml;

import dev.mig.schema.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping with its keys as text, in file order. Duplicate keys are refused here, because the
 * tree is walked directly (SnakeYAML only checks duplicates when it constructs Java objects).
 */
final class YamlMap {
    record Entry(String key, Node keyNode, Node value) {
    }

    private final YamlSource src;
    private final String what;
    private final List<Entry> entries;

    private YamlMap(YamlSource src, String what, List<Entry> entries) {
        this.src = src;
        this.what = what;
        this.entries = entries;
    }

    /** A map of fixed keys ({@code type:}, {@code nullable:} ...); keys compare exactly. */
    static YamlMap of(YamlSource src, Node node, String what, String expected) {
        return read(src, node, what, expected, null);
    }

    /**
     * A map from object names to definitions; two names that SQLite would take as the same (they
     * differ only in ASCII case) are refused.
     */
    static YamlMap names(YamlSource src, Node node, String what, String kind) {
        return read(src, node, what, "a map from " + kind + " name to its definition", kind);
    }

    private static YamlMap read(YamlSource src, Node node, String what, String expected, String nameKind) {
        if (!(node instanceof MappingNode map) || !map.getTag().equals(Tag.MAP)) {
            throw src.error(node, what + " must be " + expected + ", not " + YamlSource.shape(node),
                    "specs/schema-format.md shows the shape of every part of schema.yaml.");
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, Entry> seen = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = key(src, t.getKeyNode(), what);
            String k = nameKind == null ? key : Names.key(key);
            Entry previous = seen.get(k);
            if (previous != null) {
                throw duplicate(src, t.getKeyNode(), what, nameKind, key, previous);
            }
            Entry e = new Entry(key, t.getKeyNode(), t.getValueNode());
            seen.put(k, e);
            entries.add(e);
        }
        return new YamlMap(src, what, entries);
    }

    private static RuntimeException duplicate(YamlSource src, Node at, String what, String nameKind, String key,
                                              Entry previous) {
        String first = " (first at line " + src.line(previous.keyNode()) + ")";
        if (nameKind == null) {
            return src.error(at, "duplicate key '" + key + "' in " + what + first, "Keep one of the two.");
        }
        String same = previous.key().equals(key) ? "" : " as '" + previous.key() + "'";
        return src.error(at, "duplicate " + nameKind + " name '" + key + "' in " + what + ": already declared"
                + same + first, "SQLite compares names without regard to ASCII case; rename one of them.");
    }

    private static String key(YamlSource src, Node keyNode, String what) {
        if (!(keyNode instanceof ScalarNode s)) {
            throw src.error(keyNode, "a key in " + what + " is " + YamlSource.shape(keyNode)
                    + "; keys must be plain names", "Write the key as a single word or a quoted string.");
        }
        if (s.getTag().equals(Tag.MERGE)) {
            throw src.error(keyNode, "merge keys (<<) are not supported in " + what,
                    "Repeat the keys, or reuse a whole definition with an alias (*name).");
        }
        String key = src.scalar(s, "a key in " + what).getValue();
        if (key.isEmpty()) {
            throw src.error(keyNode, "empty key in " + what, "Every key needs a name.");
        }
        return key;
    }

    /** Refuses any key not in {@code allowed}, suggesting the nearest allowed one. */
    YamlMap allowOnly(List<String> allowed, String hint) {
        for (Entry e : entries) {
            if (!allowed.contains(e.key())) {
                throw src.error(e.keyNode(), "unknown key '" + e.key() + "' in " + what
                        + YamlSuggest.didYouMean(e.key(), allowed), hint + " Allowed keys: "
                        + String.join(", ", allowed) + ".");
            }
        }
        return this;
    }

    /** The value of {@code key}, or null when the key is absent. */
    Node get(String key) {
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                return e.value();
            }
        }
        return null;
    }

    boolean has(String key) {
        return get(key) != null;
    }

    List<Entry> entries() {
        return entries;
    }

    String what() {
        return what;
    }
}
