package dev.mig.cli.acceptance;

import static dev.mig.cli.acceptance.Cli.mig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * specs/json.md is the contract of --json: every command prints one document on stdout, versioned,
 * whose keys the spec documents; and a failure prints an error document, with the exit code in it.
 */
class JsonContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path dir;

    @BeforeEach
    void project() {
        dir = Fixture.project(tmp, "app", Fixture.NOTES_V2, Fixture.NOTES + "INSERT INTO notes (body) VALUES ('one');");
    }

    private static JsonNode document(Cli.Run run, int exit) throws IOException {
        assertEquals(exit, run.exit(), run.toString());
        JsonNode doc = JSON.readTree(run.out());
        assertEquals(1, doc.get("formatVersion").asInt(), run.out());
        return doc;
    }

    /**
     * The part of the specs that documents {@code command}'s JSON: its section of specs/json.md, or for
     * status and path the JSON tables of specs/status.md; errors have a section of their own.
     */
    private static String section(String command) throws IOException {
        if (command.equals("status") || command.equals("path")) {
            return Files.readString(Path.of("..", "specs", "status.md"));
        }
        String json = Files.readString(Path.of("..", "specs", "json.md"));
        String heading = command.equals("error") ? "## Errors" : "### `mig " + command + " --json`";
        int at = json.indexOf(heading);
        assertTrue(at >= 0, "specs/json.md has no section '" + heading + "'");
        int next = json.indexOf("\n#", at + heading.length());
        return json.substring(at, next < 0 ? json.length() : next);
    }

    private void assertDocumented(String command, JsonNode doc) throws IOException {
        String spec = section(command);
        for (Iterator<String> keys = doc.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (key.equals("formatVersion")) {
                continue; // every document's, checked by document()
            }
            assertTrue(spec.contains("`" + key + "`") || spec.contains("`" + key + "."),
                    "the specs' section for " + command + " does not document '" + key + "' of:\n" + doc.toPrettyString());
        }
    }

    @Test
    void everyCommandPrintsAVersionedDocumentWhoseKeysItsSectionOfTheSpecsDocuments() throws IOException {
        assertDocumented("plan", document(mig("plan", "--json", "-d", dir.toString()), 0));
        assertDocumented("rules", document(mig("rules", "--json"), 0));
        assertDocumented("reset", document(mig("reset", "--dry-run", "--json", "-d", dir.toString()), 0));
        assertDocumented("migrate", document(mig("migrate", "--json", "-d", dir.toString()), 0));
        assertDocumented("status", document(mig("status", "--json", "-d", dir.toString()), 0));
        assertDocumented("error", document(mig("verify", "--json", "-d", dir.toString()), 1)); // rollback journal
        assertDocumented("drain", document(mig("drain", "--json", "-d", dir.toString()), 0));
        assertDocumented("cutover", document(mig("cutover", "--json", "-d", dir.toString()), 0));
        JsonNode path = document(mig("path", "--json", "-d", dir.toString()), 0);
        assertDocumented("path", path);
        assertDocumented("archive-old", document(mig("archive-old", "--json", "-d", dir.toString()), 0));
        Files.createDirectory(tmp.resolve("adopted"));
        assertDocumented("init", document(mig("init", "--json", "--from", path.get("path").asText(), "-d",
                tmp.resolve("adopted").toString()), 0));
    }

    @Test
    void aRefusalPrintsAnErrorDocumentWithItsExitCodeAndHint() throws IOException {
        Cli.Run run = mig("drain", "--json", "-d", dir.toString());

        JsonNode error = document(run, 1).get("error");
        assertEquals("refused", error.get("kind").asText());
        assertEquals(1, error.get("exitCode").asInt());
        assertTrue(error.get("message").asText().contains("No migration is in progress"), run.out());
        assertTrue(run.err().startsWith("mig: "), "people still read it on stderr: " + run.err());
    }

    @Test
    void badInputUnderJsonIsAnInputErrorDocument() throws IOException {
        Cli.Run run = mig("plan", "--json", "--no-such-option", "-d", dir.toString());

        JsonNode error = document(run, 2).get("error");
        assertEquals("input", error.get("kind").asText());
        assertEquals(2, error.get("exitCode").asInt());
        assertTrue(error.get("message").asText().contains("--no-such-option"), run.out());
    }

    @Test
    void aBadSchemaYamlUnderJsonIsAnInputErrorDocument() throws IOException {
        Files.writeString(dir.resolve("schema.yaml"), "name: app\ntables: [\n");

        JsonNode error = document(mig("plan", "--json", "-d", dir.toString()), 2).get("error");

        assertEquals("input", error.get("kind").asText());
        assertTrue(error.get("hint").isTextual(), error.toString());
    }

    @Test
    void withoutJsonAFailureLeavesStdoutEmpty() {
        Cli.Run run = mig("drain", "-d", dir.toString());

        assertEquals(1, run.exit());
        assertEquals("", run.out());
    }
}
