package dev.mig.cli.acceptance;

import static dev.mig.cli.acceptance.Cli.mig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file system with less room than the copy is estimated to need ({@code -Dmig.test.usableBytes}, so
 * no disk has to be filled): plan and migrate both say so, and neither blocks, the figure being an
 * estimate. The commands run in this JVM, so the property is set per test and cleared after it.
 */
class TightDiskTest {

    private static final String WARNING = "WARNING: the copy needs about 8 KB and the file system has 1 KB free";

    @TempDir
    Path tmp;
    Path dir;

    @BeforeEach
    void project() {
        dir = Fixture.project(tmp, "app", Fixture.NOTES_V2,
                Fixture.NOTES + "INSERT INTO notes (body) VALUES ('one'), ('two'), ('three');");
    }

    @AfterEach
    void realFreeSpace() {
        System.clearProperty("mig.test.usableBytes");
    }

    @Test
    void planWarnsOfATightDiskAndStillSaysMigratingCanGoAhead() throws IOException {
        System.setProperty("mig.test.usableBytes", "1024");

        Cli.Run text = mig("plan", "-d", dir.toString());
        Cli.Run json = mig("plan", "--json", "-d", dir.toString());

        assertEquals(0, text.exit(), text.toString());
        assertTrue(text.out().contains("DISK_SPACE"), text.out());
        assertTrue(text.out().contains("Free space (or move the project) before 'mig migrate'"), text.out());
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertTrue(report.get("disk").get("tight").asBoolean(), json.out());
        assertTrue(report.get("canMigrate").asBoolean(), json.out());
    }

    @Test
    void migrateWarnsBeforeItCopiesAndCopiesAnyway() {
        System.setProperty("mig.test.usableBytes", "1024");

        Cli.Run run = mig("migrate", "-d", dir.toString()).assertNoStackTrace();

        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.err().contains(WARNING), run.toString());
        assertTrue(run.err().contains("Copying anyway, as this is an estimate"), run.err());
        assertTrue(run.err().contains("while its capture goes on recording writes; free space and run 'mig migrate' "
                + "again to resume, or 'mig reset' to undo."), run.err());
        assertTrue(run.err().indexOf(WARNING) < run.err().indexOf("copy notes"), "before the copy: " + run.err());
        assertTrue(run.out().startsWith("Copied 3 rows"), run.out());
    }

    @Test
    void anOfflineMigrateIsToldToResumeOffline() {
        System.setProperty("mig.test.usableBytes", "1024");

        Cli.Run run = mig("migrate", "--offline", "-d", dir.toString());

        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.err().contains("the application's data in the old database is untouched; free space and run "
                + "'mig migrate --offline' again to resume"), run.err());
    }

    @Test
    void migrateJsonKeepsStdoutOneDocumentAndWarnsOnStderr() throws IOException {
        System.setProperty("mig.test.usableBytes", "1024");

        Cli.Run run = mig("migrate", "--json", "-d", dir.toString());

        assertEquals(0, run.exit(), run.toString());
        assertEquals("COPIED", new ObjectMapper().readTree(run.out()).get("outcome").asText(), run.out());
        assertTrue(run.err().startsWith(WARNING), run.toString());
    }

    @Test
    void migrateWithRoomToSpareSaysNothingAboutTheDisk() {
        Cli.Run run = mig("migrate", "-d", dir.toString());

        assertEquals(0, run.exit(), run.toString());
        assertFalse(run.err().contains("WARNING"), run.err());
    }
}
