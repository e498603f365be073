package dev.mig.schema.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.MigException;
import dev.mig.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or broken files are refused with a message, never a stack trace or a hang. */
class SchemaYamlSafetyTest {

    static MigException fail(String yaml) {
        MigException e = assertThrows(MigException.class, () -> SchemaYaml.load(yaml, "schema.yaml", "app"));
        assertEquals(MigException.Kind.INPUT, e.kind());
        return e;
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder yaml = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [");
            yaml.append(String.join(", ", java.util.Collections.nCopies(9, "*l" + (i - 1)))).append("]\n");
        }
        MigException e = fail(yaml.toString());
        assertTrue(e.getMessage().startsWith("schema.yaml: invalid YAML: Number of aliases for non-scalar nodes"
                + " exceeds the specified max=50"), e.getMessage());
    }

    @Test
    void deepNestingIsRefused() {
        MigException e = fail("tables: " + "[".repeat(200) + "]".repeat(200) + "\n");
        assertTrue(e.getMessage().contains("invalid YAML: Nesting Depth exceeded max 50"), e.getMessage());
    }

    @Test
    void recursiveAliasIsRefusedWithoutLooping() {
        MigException e = fail("tables:\n  t:\n    columns: &c {x: *c}\n");
        assertTrue(e.getMessage().startsWith("schema.yaml:3:18: unknown key 'x' in column t.x"), e.getMessage());
    }

    @Test
    void oversizedFileIsRefusedBeforeReading(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("schema.yaml");
        Files.write(file, new byte[(int) SchemaYaml.MAX_BYTES + 1]);
        MigException e = assertThrows(MigException.class, () -> SchemaYaml.load(file, "app"));
        assertTrue(e.getMessage().endsWith("schema.yaml is larger than 4 MB"), e.getMessage());
    }

    @Test
    void oversizedTextIsRefused() {
        MigException e = fail("#".repeat((int) SchemaYaml.MAX_BYTES + 1));
        assertEquals("schema.yaml is larger than 4 MB", e.getMessage());
    }

    @Test
    void nonUtf8FileIsRefusedAtTheLineAndColumnOfTheFirstBadByte(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("schema.yaml");
        byte[] text = "tables:\n  caf\u00e9s:\n    columns: {n\u00e4me: ".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(text, text.length + 2);
        bytes[text.length] = (byte) 0xE9; // Latin-1 'é', not UTF-8
        bytes[text.length + 1] = '\n';
        Files.write(file, bytes);

        MigException e = assertThrows(MigException.class, () -> SchemaYaml.load(file, "app"));

        assertEquals(file + ":3:21: not UTF-8 text (byte 0xE9)", e.getMessage());
    }

    @Test
    void missingFileIsAnInputError(@TempDir Path dir) {
        MigException e = assertThrows(MigException.class, () -> SchemaYaml.load(dir.resolve("nope.yaml"), "app"));
        assertEquals(MigException.Kind.INPUT, e.kind());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void secondDocumentIsRefused() {
        MigException e = fail("tables: {t: {columns: {a: {}}}}\n---\ntables: {}\n");
        assertTrue(e.getMessage().startsWith("schema.yaml:2:1: invalid YAML"), e.getMessage());
    }

    @Test
    void scalarAliasesAreAllowed() {
        Schema s = SchemaYaml.load("tables:\n  t:\n    columns:\n      a: {type: &ty TEXT}\n      b: {type: *ty}\n",
                "schema.yaml", "app");
        assertEquals("TEXT", s.tables().get(0).columns().get(1).type());
    }
}
