package dev.mig.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.mig.schema.SchemaHash;
import dev.mig.schema.introspect.Introspector;
import dev.mig.schema.introspect.LiveDatabase;
import dev.mig.schema.yaml.SchemaYaml;
import dev.mig.sql.SqliteFiles;
import dev.mig.testkit.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Constructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The schema hash names the database file, so it must depend on structure only: the same schema.yaml
 * written in another YAML style, order, quoting or with comments has the same hash.
 */
class SchemaHashStabilityTest {

    /** Shared by the tests: each corpus schema is introspected and written once. */
    @TempDir
    static Path tmp;

    private static final Map<String, String> WRITTEN = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every corpus schema but those init leaves out or refuses (see the CLI round-trip test). */
    static List<String> corpusFiles() {
        return Corpus.FILES.stream().filter(n -> !Corpus.NOT_DECLARABLE.contains(n)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void writtenSchemaHasTheHashOfTheDatabase(String corpusFile) {
        LiveDatabase live = introspect(corpusFile);

        assertEquals(SchemaHash.of(live.schema()), hashOf(written(corpusFile)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void flowStyleKeepsTheHash(String corpusFile) {
        String yaml = written(corpusFile);

        assertSameHash(yaml, dump(parse(yaml), DumperOptions.FlowStyle.FLOW, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void blockStyleKeepsTheHash(String corpusFile) {
        String yaml = written(corpusFile);

        assertSameHash(yaml, dump(parse(yaml), DumperOptions.FlowStyle.BLOCK, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void reversedOrderOfTablesIndexesViewsAndTriggersKeepsTheHash(String corpusFile) {
        String yaml = written(corpusFile);

        Map<String, Object> reordered = reverseObjectOrder(parse(yaml));

        assertSameHash(yaml, dump(reordered, DumperOptions.FlowStyle.BLOCK, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void doubleQuotingEveryStringKeepsTheHash(String corpusFile) {
        String yaml = written(corpusFile);

        assertSameHash(yaml, dump(parse(yaml), DumperOptions.FlowStyle.BLOCK, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void commentsAndBlankLinesKeepTheHash(String corpusFile) {
        String yaml = written(corpusFile);

        assertSameHash(yaml, withComments(yaml));
    }

    @Test
    void reorderingColumnsChangesTheHash() {
        String declared = """
                tables:
                  t:
                    columns:
                      a: {type: TEXT}
                      b: {type: INTEGER}
                """;
        String swapped = """
                tables:
                  t:
                    columns:
                      b: {type: INTEGER}
                      a: {type: TEXT}
                """;

        assertNotEquals(hashOf(declared), hashOf(swapped));
    }

    private static String written(String corpusFile) {
        return WRITTEN.computeIfAbsent(corpusFile, f -> SchemaYaml.write(introspect(f).schema()));
    }

    private static LiveDatabase introspect(String corpusFile) {
        Path file = tmp.resolve(corpusFile.replace(".sql", ".sqlite"));
        if (Files.exists(file)) {
            return Introspector.read(file);
        }
        try (Connection c = SqliteFiles.openReadWrite(file); Statement s = c.createStatement()) {
            s.executeUpdate(Corpus.sql(corpusFile));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Introspector.read(file);
    }

    /** The reformatted text really differs, and its schema hashes the same. */
    private static void assertSameHash(String yaml, String reformatted) {
        assertNotEquals(yaml, reformatted);
        assertEquals(hashOf(yaml), hashOf(reformatted), reformatted);
    }

    private static String hashOf(String yaml) {
        return SchemaHash.of(SchemaYaml.load(yaml, "schema.yaml", "db"));
    }

    /**
     * The document as maps and lists, plain scalars kept as their text (only booleans and nulls typed),
     * so that {@code 0x1F} or {@code +5} is not rewritten as {@code 31} or {@code 5} on the way.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String yaml) {
        LoaderOptions loading = new LoaderOptions();
        DumperOptions dumping = new DumperOptions();
        Yaml parser = new Yaml(new Constructor(loading), new Representer(dumping), dumping, loading, new TextResolver());
        return (Map<String, Object>) parser.load(yaml);
    }

    private static final class TextResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }

    private static String dump(Map<String, Object> doc, DumperOptions.FlowStyle style, boolean quoteStrings) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(style);
        options.setWidth(60);
        options.setSplitLines(true);
        Representer representer = quoteStrings ? new QuotingRepresenter(options) : new Representer(options);
        return new Yaml(representer, options).dump(doc);
    }

    /** Writes every string, keys included, double-quoted. */
    private static final class QuotingRepresenter extends Representer {
        QuotingRepresenter(DumperOptions options) {
            super(options);
            representers.put(String.class,
                    data -> representScalar(Tag.STR, (String) data, DumperOptions.ScalarStyle.DOUBLE_QUOTED));
        }
    }

    /** Tables, each table's indexes, views and triggers in reverse order; columns stay in order. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> reverseObjectOrder(Map<String, Object> doc) {
        Map<String, Object> out = reversed(doc);
        for (String key : List.of("tables", "views", "triggers")) {
            if (out.get(key) instanceof Map<?, ?> m) {
                out.put(key, reversed((Map<String, Object>) m));
            }
        }
        if (out.get("tables") instanceof Map<?, ?> tables) {
            for (Object table : tables.values()) {
                Map<String, Object> t = (Map<String, Object>) table;
                if (t.get("indexes") instanceof Map<?, ?> indexes) {
                    t.put("indexes", reversed((Map<String, Object>) indexes));
                }
            }
        }
        return out;
    }

    private static Map<String, Object> reversed(Map<String, Object> map) {
        List<String> keys = new ArrayList<>(map.keySet());
        Collections.reverse(keys);
        Map<String, Object> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, map.get(k)));
        return out;
    }

    /**
     * A comment line and a blank line before every line that is not inside a block scalar (a trigger's
     * {@code |} text), and a trailing comment on every top-level and table key.
     */
    private static String withComments(String yaml) {
        StringBuilder out = new StringBuilder("# a reader's note\n\n");
        int blockIndent = -1;
        for (String line : yaml.split("\n", -1)) {
            int indent = line.length() - line.stripLeading().length();
            if (blockIndent >= 0 && (line.isBlank() || indent > blockIndent)) {
                out.append(line).append('\n');
                continue;
            }
            blockIndent = line.endsWith(": |") || line.endsWith(": |-") || line.endsWith(": >") ? indent : -1;
            out.append(" ".repeat(indent)).append("# note\n\n");
            boolean plainKey = line.matches(" {0,2}[A-Za-z_][A-Za-z0-9_]*:");
            out.append(line).append(plainKey ? "   # key comment" : "").append('\n');
        }
        return out.toString();
    }
}
