package dev.mig.cli.acceptance;

import static dev.mig.cli.acceptance.Cli.mig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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

    @Test
    void everyCommandPrintsAVersionedDocumentWhoseTopLevelKeysTheSpecsDocument() throws IOException {
        String spec = Files.readString(Path.of("..", "specs", "json.md")) + Files.readString(Path.of("..", "specs",
                "status.md"));
        List<JsonNode> docs = new ArrayList<>();
        docs.add(document(mig("plan", "--json", "-d", dir.toString()), 0));
        docs.add(document(mig("reset", "--dry-run", "--json", "-d", dir.toString()), 0));
        docs.add(document(mig("migrate", "--json", "-d", dir.toString()), 0));
        docs.add(document(mig("status", "--json", "-d", dir.toString()), 0));
        docs.add(document(mig("verify", "--json", "-d", dir.toString()), 1)); // rollback journal: refused
        docs.add(document(mig("drain", "--json", "-d", dir.toString()), 0));
        docs.add(document(mig("cutover", "--json", "-d", dir.toString()), 0));
        JsonNode path = document(mig("path", "--json", "-d", dir.toString()), 0);
        docs.add(path);
        docs.add(document(mig("archive-old", "--json", "-d", dir.toString()), 0));
        Files.createDirectory(tmp.resolve("adopted"));
        docs.add(document(mig("init", "--json", "--from", path.get("path").asText(), "-d",
                tmp.resolve("adopted").toString()), 0));

        for (JsonNode doc : docs) {
            for (Iterator<String> keys = doc.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                assertTrue(spec.contains("`" + key + "`") || spec.contains("`error." + key.replace("error", "kind")
                        + "`"), "specs/json.md does not document '" + key + "' of:\n" + doc.toPrettyString());
            }
        }
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
