package dev.mig.schema.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comments a person wrote in a schema.yaml, carried into a rewritten one (mig init --merge): each
 * comment belongs to the key it stands above, or ends the line of, by its path ({@code tables.posts.
 * columns.title}); the comment lines before the first key are the file's header. In the rewritten text a
 * comment goes back above, or at the end of, the line with the same path; a comment whose key is gone is
 * reported instead. Works on the block-style text mig writes and people edit; a list item has no key of
 * its own, so its comment goes with the key the list belongs to.
 */
public final class YamlComments {

    private final List<String> header;
    private final Map<String, List<String>> above;
    private final Map<String, String> trailing;

    private YamlComments(List<String> header, Map<String, List<String>> above, Map<String, String> trailing) {
        this.header = header;
        this.above = above;
        this.trailing = trailing;
    }

    /** A rewritten text with the comments put back, and the comments whose key is gone. */
    public record Applied(String text, List<String> notPlaced) {
    }

    /** The comments of {@code yaml}, by the path of the key each belongs to. */
    public static YamlComments of(String yaml) {
        List<String> header = new ArrayList<>();
        Map<String, List<String>> above = new LinkedHashMap<>();
        Map<String, String> trailing = new LinkedHashMap<>();
        List<String> pending = new ArrayList<>();
        Paths paths = new Paths();
        boolean seenKey = false;
        for (String line : yaml.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("#")) {
                pending.add(t);
            } else if (t.isEmpty()) {
                if (!seenKey && !pending.isEmpty()) {
                    header.addAll(pending); // a block before the first key, ended by a blank line: the header
                    header.add("");
                    pending.clear();
                }
            } else {
                String path = paths.next(line);
                if (path != null) {
                    seenKey = true;
                    if (!pending.isEmpty()) {
                        above.computeIfAbsent(path, k -> new ArrayList<>()).addAll(pending);
                    }
                    String end = trailingComment(line);
                    if (end != null) {
                        trailing.put(path, end);
                    }
                }
                pending.clear();
            }
        }
        return new YamlComments(header, above, trailing);
    }

    /** {@code yaml} (as mig writes it) with these comments where their keys are. */
    public Applied applyTo(String yaml) {
        List<String> out = new ArrayList<>();
        Map<String, Boolean> placed = new LinkedHashMap<>();
        Paths paths = new Paths();
        String[] lines = yaml.split("\n", -1);
        int i = 0;
        if (!header.isEmpty()) {
            while (i < lines.length && (lines[i].strip().startsWith("#") || lines[i].isBlank())) {
                i++; // the generated header gives way to the person's
            }
            out.addAll(header);
        }
        for (; i < lines.length; i++) {
            String line = lines[i];
            String path = line.strip().startsWith("#") || line.isBlank() ? null : paths.next(line);
            if (path != null && above.containsKey(path)) {
                String indent = line.substring(0, line.length() - line.stripLeading().length());
                above.get(path).forEach(c -> out.add(indent + c));
                placed.put("above " + path, true);
            }
            if (path != null && trailing.containsKey(path) && trailingComment(line) == null) {
                line = line + "  " + trailing.get(path);
                placed.put("end " + path, true);
            }
            out.add(line);
        }
        List<String> notPlaced = new ArrayList<>();
        above.forEach((path, c) -> {
            if (!placed.containsKey("above " + path)) {
                notPlaced.add("comment above " + path + ", which is gone: " + String.join(" ", c));
            }
        });
        trailing.forEach((path, c) -> {
            if (!placed.containsKey("end " + path)) {
                notPlaced.add("comment on " + path + ", which is gone: " + c);
            }
        });
        return new Applied(String.join("\n", out), notPlaced);
    }

    /** The {@code # ...} that ends {@code line}, outside quotes; null when there is none. */
    static String trailingComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && i > 0 && Character.isWhitespace(line.charAt(i - 1))) {
                return line.substring(i).strip();
            }
        }
        return null;
    }

    /** The path of each key line, from indentation: the keys it is nested in, then its own. */
    private static final class Paths {
        private final List<int[]> indents = new ArrayList<>();
        private final List<String> keys = new ArrayList<>();

        /** The path of {@code line}'s key; null for a line without one (a list item, a continuation). */
        String next(String line) {
            int indent = line.length() - line.stripLeading().length();
            String t = line.strip();
            if (t.startsWith("- ") || t.equals("-")) {
                return null;
            }
            String key = key(t);
            if (key == null) {
                return null;
            }
            while (!indents.isEmpty() && indents.get(indents.size() - 1)[0] >= indent) {
                indents.remove(indents.size() - 1);
                keys.remove(keys.size() - 1);
            }
            indents.add(new int[] {indent});
            keys.add(key);
            return String.join(".", keys);
        }

        /** {@code title} of {@code title: ...} or {@code "title": ...}; null when the line is no key. */
        private static String key(String t) {
            if (t.startsWith("\"") || t.startsWith("'")) {
                int end = t.indexOf(t.charAt(0), 1);
                return end > 0 && t.startsWith(":", end + 1) ? t.substring(1, end) : null;
            }
            int colon = t.indexOf(':');
            if (colon <= 0 || (colon + 1 < t.length() && !Character.isWhitespace(t.charAt(colon + 1)))) {
                return null;
            }
            String key = t.substring(0, colon);
            return key.contains(" ") || key.contains("{") || key.contains("[") ? null : key;
        }
    }
}
