package dev.mig.cli.acceptance;

import static dev.mig.cli.acceptance.Cli.mig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every user mistake: a message on stderr that names the problem, no stack trace, exit code 2, and not
 * one byte created or changed in the project directory.
 */
class BadInputTest {

    private static final String SOURCE_SQL = """
            CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
            INSERT INTO notes VALUES (1, 'first'), (2, 'second');
            """;

    private static final String GOOD_YAML = """
            tables:
              notes:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  body: {type: TEXT, nullable: false}
            """;

    @TempDir
    Path tmp;

    @Test
    void malformedYamlIsAnInputError() {
        Path dir = project("tables:\n  notes:\n    columns: {id: [INTEGER\n");

        assertRefusedUnchanged(dir, "schema.yaml:", "plan", "-d", dir.toString());
    }

    @Test
    void unknownKeyIsAnInputErrorWithASuggestion() {
        Path dir = project(GOOD_YAML.replace("nullable: false", "nulable: false"));

        String err = assertRefusedUnchanged(dir, "unknown key 'nulable'", "plan", "-d", dir.toString());

        assertTrue(err.contains("did you mean 'nullable'?"), err);
    }

    @Test
    void referenceToAnUndeclaredTableIsAnInputError() {
        Path dir = project(GOOD_YAML + "      author_id: {type: INTEGER, references: authors.id}\n");

        assertRefusedUnchanged(dir, "authors", "plan", "-d", dir.toString());
    }

    @Test
    void unparsableCheckExpressionIsAnInputError() {
        Path dir = project(GOOD_YAML + "    checks:\n      - \"length(body > 0\"\n");

        assertRefusedUnchanged(dir, "schema.yaml:", "plan", "-d", dir.toString());
    }

    @Test
    void checkThatSqliteCannotParseIsAnInputError() {
        Path dir = project(GOOD_YAML + "    checks:\n      - \"body LIKE LIKE 'x'\"\n");

        assertRefusedUnchanged(dir, "SQLite refuses it", "plan", "-d", dir.toString());
    }

    @Test
    void missingSchemaYamlIsAnInputError() {
        Path dir = project(null);

        assertRefusedUnchanged(dir, "No schema.yaml in", "plan", "-d", dir.toString());
    }

    @Test
    void aSchemaYamlThatIsADirectoryIsNamedSoNotMissing() throws IOException {
        Path dir = project(null);
        Files.createDirectory(dir.resolve("schema.yaml"));

        assertRefusedUnchanged(dir, "schema.yaml is a directory, not a file", "plan", "-d", dir.toString());
    }

    @Test
    void initIntoADirectoryThatDoesNotExistLeavesTheWalSourceWithoutAJournal() throws Exception {
        Path dir = project(null);
        Path db = Fixture.onlyDatabase(dir);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
        }

        assertRefusedUnchanged(dir, "does not exist", "init", "--from", db.toString(), "-d",
                tmp.resolve("missing").toString());
    }

    @Test
    void missingSourceFileIsAnInputError() {
        Path dir = project(GOOD_YAML);
        Path missing = tmp.resolve("nowhere.sqlite");

        assertRefusedUnchanged(dir, "does not exist", "plan", "-d", dir.toString(), "--source", missing.toString());
    }

    @Test
    void missingSourceFileIsAnInputErrorForEveryCommandThatTakesOne() {
        Path dir = project(GOOD_YAML + "      tag: {type: TEXT}\n");
        String missing = tmp.resolve("nowhere.sqlite").toString();

        for (String command : List.of("migrate", "reset", "archive-old")) {
            assertRefusedUnchanged(dir, "does not exist", command, "-d", dir.toString(), "--source", missing);
        }
    }

    @Test
    void sourceOnACommandThatFindsTheOldDatabaseInThePlanIsRefusedNotIgnored() {
        Path dir = project(GOOD_YAML);

        for (String command : List.of("drain", "cutover", "verify", "status")) {
            assertRefusedUnchanged(dir, "Unknown options: '--source'", command, "-d", dir.toString(), "--source", "x.sqlite");
        }
    }

    @Test
    void misspeltOptionGetsASuggestionAndWhatToDo() {
        Path dir = project(GOOD_YAML);

        String err = assertRefusedUnchanged(dir, "Possible solutions: --json", "plan", "-d", dir.toString(), "--jsn");

        assertTrue(err.contains("what to do: see 'mig plan --help'"), err);
    }

    @Test
    void aMaxPauseNoPauseCanHoldIsRefusedBeforeAnythingIsPaused() {
        Path dir = project(GOOD_YAML);

        for (String ms : List.of("0", "9", "-5")) {
            assertRefusedUnchanged(dir, "--max-pause must be at least 10 ms", "drain", "-d", dir.toString(),
                    "--max-pause", ms);
        }
    }

    @Test
    void watchIntervalBelowATenthOfASecondIsAnInputError() {
        Path dir = project(GOOD_YAML);

        for (String interval : List.of("0", "-1", "NaN")) {
            assertRefusedUnchanged(dir, "--interval must be a number of seconds, at least 0.1", "status", "-d",
                    dir.toString(), "--watch", "--interval", interval);
        }
    }

    @Test
    void twoCandidateSourcesAreAnInputError() {
        Path dir = project(GOOD_YAML + "      tag: {type: TEXT}\n");
        Fixture.database(dir.resolve("bad_input-00000000000000aa.sqlite"), SOURCE_SQL);

        String err = assertRefusedUnchanged(dir, "Cannot tell which database to migrate from: 2 candidate files",
                "plan", "-d", dir.toString());

        assertTrue(err.contains("--source"), err);
    }

    @Test
    void sourceThatIsNotAnSqliteFileIsAnInputError() {
        Path dir = project(GOOD_YAML, false);
        Fixture.write(dir.resolve("bad_input-0123456789abcdef.sqlite"), "id,body\n1,first\n");

        assertRefusedUnchanged(dir, "is not an SQLite database", "plan", "-d", dir.toString());
    }

    @Test
    void sourceThatIsADirectoryIsAnInputError() {
        Path dir = project(GOOD_YAML);

        assertRefusedUnchanged(dir, "is a directory, not an SQLite database file", "plan", "-d", dir.toString(),
                "--source", tmp.toString());
    }

    @Test
    void unknownOptionIsAnInputError() {
        Path dir = project(GOOD_YAML);

        assertRefusedUnchanged(dir, "--frobnicate", "plan", "-d", dir.toString(), "--frobnicate");
    }

    @Test
    void missingProjectDirectoryIsAnInputError() {
        Path dir = project(GOOD_YAML);

        assertRefusedUnchanged(dir, "does not exist", "plan", "-d", dir.resolve("nope").toString());
    }

    @Test
    void initOverAnExistingSchemaYamlWithoutForceLeavesItUnchanged() {
        Path dir = project(GOOD_YAML);
        Path db = Fixture.onlyDatabase(dir);

        assertRefusedUnchanged(dir, "already exists", "init", "--from", db.toString(), "-d", dir.toString());
    }

    @Test
    void initFromATextFileIsAnInputError() {
        Path dir = project(null);
        Path text = Fixture.write(tmp.resolve("notes.sqlite"), "not a database\n");

        assertRefusedUnchanged(dir, "is not an SQLite database", "init", "--from", text.toString(),
                "-d", dir.toString());
    }

    @Test
    void initFromAMissingFileSuggestsNoOptionInitDoesNotHave() {
        Path dir = project(null);

        String err = assertRefusedUnchanged(dir, "does not exist", "init", "--from", tmp.resolve("nope.sqlite").toString(),
                "-d", dir.toString());

        assertTrue(!err.contains("--source"), err);
    }

    @Test
    void initWithForceOverwritesSchemaYaml() {
        Path dir = project("# hand-written\n" + GOOD_YAML);
        Path db = Fixture.onlyDatabase(dir);

        Cli.Run init = mig("init", "--force", "--from", db.toString(), "-d", dir.toString());

        assertEquals(0, init.exit(), init.toString());
        String written = Fixture.read(dir.resolve("schema.yaml"));
        assertTrue(written.startsWith("# The declared schema of this database"), written);
        assertTrue(written.contains("\nname: bad_input\n"), written);
        assertTrue(!written.contains("# hand-written"), written);
    }

    @Test
    void initWritesSchemaYamlWithTheUsualPermissionsOfANewFile() throws IOException {
        Path dir = project(null);
        Path db = Fixture.onlyDatabase(dir);
        Path probe = Files.createFile(tmp.resolve("probe"));

        assertEquals(0, mig("init", "--from", db.toString(), "-d", dir.toString()).exit());

        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(dir.resolve("schema.yaml")),
                "the umask's permissions, not a temporary file's private 0600");
    }

    @Test
    void initWithForceKeepsThePermissionsOfTheFileItReplaces() throws IOException {
        Path dir = project(GOOD_YAML);
        Path db = Fixture.onlyDatabase(dir);
        Set<PosixFilePermission> groupReadable = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(dir.resolve("schema.yaml"), groupReadable);

        assertEquals(0, mig("init", "--force", "--from", db.toString(), "-d", dir.toString()).exit());

        assertEquals(groupReadable, Files.getPosixFilePermissions(dir.resolve("schema.yaml")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    /** A project directory "bad_input" with this schema.yaml (none when null) and its source database. */
    private Path project(String schemaYaml) {
        return project(schemaYaml, true);
    }

    private Path project(String schemaYaml, boolean withSource) {
        try {
            Path dir = Files.createDirectory(tmp.resolve("bad_input"));
            if (schemaYaml != null) {
                Fixture.write(dir.resolve("schema.yaml"), schemaYaml);
            }
            if (withSource) {
                Fixture.sourceDatabase(dir, "bad_input", SOURCE_SQL);
            }
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs mig; it must exit 2 with {@code expected} on stderr, no stack trace and {@code dir} untouched. */
    private static String assertRefusedUnchanged(Path dir, String expected, String... args) {
        Map<String, String> before = Fixture.snapshot(dir);

        Cli.Run run = mig(args).assertNoStackTrace();

        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().startsWith("mig: "), run.toString());
        assertTrue(run.err().contains(expected), "expected '" + expected + "' in:\n" + run.err());
        assertEquals("", run.out(), run.toString());
        assertEquals(before, Fixture.snapshot(dir));
        assertNotEquals(0, before.size());
        return run.err();
    }
}
