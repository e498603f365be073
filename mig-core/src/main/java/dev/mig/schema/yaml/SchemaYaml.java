package dev.mig.schema.yaml;

import dev.mig.api.MigException;
import dev.mig.schema.Schema;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * schema.yaml, the declared schema: {@link #load} reads and checks it (format: specs/schema-format.md),
 * {@link #write} renders a schema as the file {@code mig init} creates.
 */
public final class SchemaYaml {
    /** Far above any real schema; a larger file is refused before it is read. */
    static final long MAX_BYTES = 4L * 1024 * 1024;
    /** Anchors reused as lists or maps; a small number stops "billion laughs" documents. */
    static final int MAX_ALIASES = 50;
    static final int MAX_NESTING = 50;

    private SchemaYaml() {
    }

    /** Loads, checks and validates {@code file}; {@code defaultName} is used when the file has no {@code name:}. */
    public static Schema load(Path file, String defaultName) {
        return load(read(file), file.toString(), defaultName);
    }

    /** Loads schema text; {@code fileLabel} starts every error message ({@code schema.yaml:12:5: ...}). */
    public static Schema load(String text, String fileLabel, String defaultName) {
        YamlSource src = new YamlSource(fileLabel);
        YamlLocations locations = new YamlLocations(fileLabel);
        Node root = compose(text, fileLabel);
        if (root == null) {
            throw MigException.input(fileLabel + ":1:1: the schema file is empty",
                    "Declare at least one table under tables:, or run mig init to write the file from a database.");
        }
        Schema schema = new SchemaYamlParser(src, locations).parse(root, defaultName);
        SchemaValidator.validate(schema, locations);
        return schema;
    }

    /** The schema as schema.yaml text; {@code load(write(s))} equals {@code s}. */
    public static String write(Schema schema) {
        return SchemaYamlWriter.write(schema);
    }

    private static String read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw MigException.input(file + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB",
                        "A schema file is small; check that " + file + " is the schema.yaml you meant.");
            }
            return decodeUtf8(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            throw MigException.input("Schema file " + file + " does not exist.",
                    "Run mig init to write it from the live database, or pass the right path.");
        } catch (IOException e) {
            throw MigException.input("Cannot read schema file " + file + ": " + e.getMessage(),
                    "Check that the file is readable.");
        }
    }

    /** The text of {@code bytes}; refuses, naming the line and column, the first bytes that are not UTF-8. */
    static String decodeUtf8(byte[] bytes, String label) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(in, out, true);
        if (!result.isError()) {
            return out.flip().toString();
        }
        int at = in.position();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8);
        int column = before.codePointCount(0, before.length()) + 1;
        throw MigException.input(String.format(Locale.ROOT, "%s:%d:%d: not UTF-8 text (byte 0x%02X)", label, line, column,
                bytes[at] & 0xff), "Save the schema file as UTF-8 (an editor's 'Save with encoding', or iconv -t UTF-8).");
    }

    static Node compose(String text, String label) {
        if (text.length() > MAX_BYTES) {
            throw MigException.input(label + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB",
                    "A schema file is small; check that it is the schema.yaml you meant.");
        }
        try {
            return new Yaml(new SafeConstructor(options())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = m == null ? label : label + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw MigException.input(where + ": invalid YAML: " + problem + contextOf(e),
                    "Fix the YAML syntax at that place; indentation uses spaces, not tabs.");
        } catch (ReaderException e) {
            throw MigException.input(String.format(Locale.ROOT, "%s: invalid YAML: character U+%04X is not allowed in "
                            + "YAML", where(text, e.getPosition(), label), e.getCodePoint()),
                    "Remove it: YAML allows tabs and line breaks, but no other control characters.");
        } catch (YAMLException e) {
            throw MigException.input(label + ": invalid YAML: " + e.getMessage(), "schema.yaml allows at most "
                    + MAX_ALIASES + " aliases of lists or maps and " + MAX_NESTING + " levels of nesting.");
        }
    }

    /** {@code label:line:column} of the character at {@code index} of {@code text}. */
    private static String where(String text, int index, String label) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(index, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return label + ":" + line + ":" + (text.codePointCount(lineStart, Math.min(index, text.length())) + 1);
    }

    private static String contextOf(MarkedYAMLException e) {
        if (e.getContext() == null || e.getProblem() == null || e.getContextMark() == null) {
            return "";
        }
        return " (" + e.getContext() + " at line " + (e.getContextMark().getLine() + 1) + ")";
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit((int) MAX_BYTES);
        return options;
    }
}
