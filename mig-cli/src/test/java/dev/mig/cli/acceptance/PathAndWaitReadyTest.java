package dev.mig.cli.acceptance;

import static dev.mig.cli.acceptance.Cli.mig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mig path} and {@code mig wait-ready}: the database to open, for applications in any language. */
class PathAndWaitReadyTest {

    @TempDir
    Path tmp;

    private Path project() {
        return Fixture.project(tmp, "app", Fixture.NOTES_V2, Fixture.NOTES + "INSERT INTO notes (body) VALUES ('a');");
    }

    private static JsonNode json(Cli.Run run) throws Exception {
        assertEquals(0, run.exit(), run.toString());
        return new ObjectMapper().readTree(run.out());
    }

    private static Path declared(Path dir) throws Exception {
        return Path.of(json(mig("path", "-d", dir.toString(), "--json")).get("declared").asText());
    }

    @Test
    void beforeAMigrationTheOldDatabaseIsTheOneToOpen() throws Exception {
        Path dir = project();
        Path old = Fixture.onlyDatabase(dir);

        Cli.Run path = mig("path", "-d", dir.toString()).assertNoStackTrace();
        JsonNode j = json(mig("path", "-d", dir.toString(), "--json"));

        assertEquals(0, path.exit(), path.toString());
        assertEquals(old.toAbsolutePath() + "\n", path.out(), "one line: the path, for DB=$(mig path)");
        assertEquals("ready", j.get("state").asText());
        assertEquals("absent", j.get("declaredStatus").asText());
    }

    @Test
    void duringAMigrationTheOldDatabaseRecordsThenRejectsWritesUntilCutover() throws Exception {
        Path dir = project();
        Path old = Fixture.onlyDatabase(dir).toAbsolutePath();
        assertEquals(0, mig("migrate", "-d", dir.toString()).exit());

        JsonNode recording = json(mig("path", "-d", dir.toString(), "--json"));
        assertEquals(0, mig("drain", "-d", dir.toString()).exit());
        JsonNode draining = json(mig("path", "-d", dir.toString(), "--json"));

        assertEquals(old.toString(), recording.get("path").asText());
        assertEquals("recording", recording.get("state").asText());
        assertEquals("migrating", recording.get("declaredStatus").asText());
        assertEquals(old.toString(), draining.get("path").asText());
        assertEquals("draining", draining.get("state").asText(), "writes are rejected: wait for the new database");
    }

    @Test
    void afterCutoverTheNewDatabaseIsTheOneToOpen() throws Exception {
        Path dir = project();
        assertEquals(0, mig("migrate", "-d", dir.toString()).exit());
        assertEquals(0, mig("drain", "-d", dir.toString(), "--cutover").exit());

        JsonNode j = json(mig("path", "-d", dir.toString(), "--json"));

        assertEquals(declared(dir).toString(), j.get("path").asText());
        assertEquals("ready", j.get("state").asText());
        assertEquals("ready", j.get("declaredStatus").asText());
    }

    @Test
    void aSchemaYamlPutBackToASchemaThatWasMigratedFromIsNotCurrent() throws Exception {
        Path dir = project();
        assertEquals(0, mig("migrate", "-d", dir.toString()).exit());
        assertEquals(0, mig("drain", "-d", dir.toString(), "--cutover").exit());
        Fixture.write(dir.resolve("schema.yaml"), "name: app\ntables:\n  notes:\n    columns:\n"
                + "      id: {type: INTEGER, primaryKey: true}\n      body: {type: TEXT, nullable: false}\n");

        Cli.Run path = mig("path", "-d", dir.toString()).assertNoStackTrace();

        assertEquals(1, path.exit(), path.toString());
        assertTrue(path.err().contains("was migrated to") && path.err().contains("no longer holds the application's data"),
                path.toString());
    }

    @Test
    void aProjectWithoutAnyDatabaseHasNothingToOpen() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("fresh"));
        Fixture.write(dir.resolve("schema.yaml"), Fixture.NOTES_V2);

        Cli.Run path = mig("path", "-d", dir.toString()).assertNoStackTrace();

        assertEquals(1, path.exit(), path.toString());
        assertEquals("", path.out());
        assertTrue(path.err().contains("There is no database") && path.err().contains("'mig migrate'"), path.toString());
    }

    @Test
    void waitReadyGivesUpAfterItsTimeoutWhileTheMigrationIsUnfinished() throws Exception {
        Path dir = project();
        assertEquals(0, mig("migrate", "-d", dir.toString()).exit());

        Cli.Run wait = mig("wait-ready", "-d", dir.toString(), "--timeout", "200ms").assertNoStackTrace();

        assertEquals(1, wait.exit(), wait.toString());
        assertEquals("", wait.out());
        assertTrue(wait.err().contains("is not ready after 200 ms (a migration is still filling it)"), wait.toString());
    }

    @Test
    void waitReadyReturnsTheNewDatabaseOnceCutoverCommits() throws Exception {
        Path dir = project();
        assertEquals(0, mig("migrate", "-d", dir.toString()).exit());
        assertEquals(0, mig("drain", "-d", dir.toString()).exit());
        CompletableFuture<Cli.Run> waiting = CompletableFuture.supplyAsync(
                () -> mig("wait-ready", "-d", dir.toString(), "--timeout", "60s"));
        Thread.sleep(300);
        assertFalse(waiting.isDone(), "still waiting before cutover");

        assertEquals(0, mig("cutover", "-d", dir.toString()).exit());
        Cli.Run wait = waiting.get(30, TimeUnit.SECONDS);

        assertEquals(0, wait.exit(), wait.toString());
        assertEquals(declared(dir) + "\n", wait.out());
    }

    @Test
    void aTimeoutThatIsNotADurationIsBadInput() {
        Cli.Run wait = mig("wait-ready", "-d", tmp.toString(), "--timeout", "soon").assertNoStackTrace();

        assertEquals(2, wait.exit(), wait.toString());
        assertTrue(wait.err().contains("'soon' is not a duration"), wait.toString());
    }
}
