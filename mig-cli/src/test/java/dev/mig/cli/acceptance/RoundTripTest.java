package dev.mig.cli.acceptance;

import static dev.mig.cli.acceptance.Cli.mig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mig.schema.SchemaHash;
import dev.mig.schema.introspect.Introspector;
import dev.mig.schema.yaml.SchemaYaml;
import dev.mig.testkit.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Adopting an existing database: {@code mig init} describes it, and {@code mig plan} against the same
 * database then finds nothing to change, for every schema of the corpus.
 */
class RoundTripTest {

    @TempDir
    Path tmp;

    /** Shared by the parameterized tests: each corpus schema is adopted and planned once. */
    @TempDir
    static Path shared;

    private static final Map<String, Adopted> ADOPTED = new ConcurrentHashMap<>();

    /** A corpus database, the project init wrote for it, and what plan printed, as text and as JSON. */
    private record Adopted(Path db, Path dir, Cli.Run plan, Cli.Run json) {
    }

    private static Adopted adopted(String corpusFile) {
        return ADOPTED.computeIfAbsent(corpusFile, f -> {
            Path db = Fixture.database(shared.resolve(base(f) + ".sqlite"), Corpus.sql(f));
            Path dir = shared.resolve(base(f));
            Cli.Run init = initRun(db, dir);
            assertEquals(0, init.exit(), init.toString());
            return new Adopted(db, dir, mig("plan", "-d", dir.toString(), "--source", db.toString()),
                    mig("plan", "--json", "-d", dir.toString(), "--source", db.toString()));
        });
    }

    static List<String> declarable() {
        return Corpus.declarable();
    }

    @Test
    void corpusHasAtLeastFifteenDeclarableSchemas() {
        assertTrue(declarable().size() >= 15, "corpus: " + declarable());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("declarable")
    void planAfterInitReportsNoChanges(String corpusFile) {
        Cli.Run plan = adopted(corpusFile).plan();

        assertEquals(0, plan.exit(), plan.toString());
        assertTrue(plan.out().matches("(?s).*\n  Changes: +none \\(structure identical\\)\n.*"), plan.out());
        PlanReport.assertCanMigrate(plan.out());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("declarable")
    void planPrintsTheHashOfTheIntrospectedDatabase(String corpusFile) {
        Adopted adopted = adopted(corpusFile);

        String hash = SchemaHash.of(Introspector.read(adopted.db()).schema());
        Cli.Run plan = adopted.plan();

        assertEquals(hash, field(plan.out(), "Source hash"));
        assertEquals(hash, field(plan.out(), "Target hash"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("declarable")
    void jsonPlanAfterInitHasNoDifferences(String corpusFile) throws IOException {
        Adopted adopted = adopted(corpusFile);

        Cli.Run run = adopted.json();

        assertEquals(0, run.exit(), run.toString());
        JsonNode plan = new ObjectMapper().readTree(run.out()).get("plan");
        assertTrue(plan.get("noChanges").asBoolean(), run.out());
        assertTrue(plan.get("canMigrate").asBoolean(), run.out());
        assertEquals(0, plan.get("differences").size(), run.out());
        assertEquals(0, plan.get("objectDifferences").size(), run.out());
        assertEquals(SchemaHash.of(Introspector.read(adopted.db()).schema()), plan.get("targetHash").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("declarable")
    void initTwiceWritesIdenticalBytes(String corpusFile) throws IOException {
        Adopted adopted = adopted(corpusFile);
        byte[] first = Files.readAllBytes(adopted.dir().resolve("schema.yaml"));

        Cli.Run again = mig("init", "--force", "--from", adopted.db().toString(), "-d", adopted.dir().toString());

        assertEquals(0, again.exit(), again.toString());
        assertArrayEquals(first, Files.readAllBytes(adopted.dir().resolve("schema.yaml")));
    }

    @Test
    void initRefusesASchemaItCannotDeclareAndWritesNothing() throws IOException {
        Path db = Fixture.database(tmp.resolve("search_fts.sqlite"), Corpus.sql("search_fts.sql"));
        Path dir = Files.createDirectory(tmp.resolve("project"));

        Cli.Run init = mig("init", "--from", db.toString(), "-d", dir.toString()).assertNoStackTrace();

        assertEquals(1, init.exit(), init.toString());
        assertTrue(init.err().contains("articles_fts"), init.err());
        assertTrue(init.err().contains("nothing was written"), init.err());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void initRefusesADatabaseHoldingWhatMigCannotMigrateListsItAndWritesNothing() throws IOException {
        Path db = Fixture.database(tmp.resolve("edge_cases.sqlite"), Corpus.sql("edge_cases.sql"));
        Path dir = tmp.resolve("project");

        Cli.Run init = initRun(db, dir).assertNoStackTrace();

        assertEquals(1, init.exit(), init.toString());
        assertTrue(init.err().contains("  - table child: ON CONFLICT FAIL on CHECK"), init.err());
        assertTrue(init.err().contains("nothing was written"), init.err());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void planOfADatabaseHoldingWhatMigCannotMigrateBlocksOnlyOnThat() throws IOException {
        Path db = Fixture.database(tmp.resolve("edge_cases.sqlite"), Corpus.sql("edge_cases.sql"));
        Path dir = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(dir.resolve("schema.yaml"), SchemaYaml.write(Introspector.read(db).schema()));

        Cli.Run plan = mig("plan", "-d", dir.toString(), "--source", db.toString());

        assertEquals(1, plan.exit(), plan.toString());
        assertTrue(plan.out().matches("(?s).*\n  Changes: +none \\(structure identical\\)\n.*"), plan.out());
        String blockers = plan.out().substring(plan.out().indexOf("\nCan migrate: no\n"));
        List<String> lines = blockers.lines().skip(2).takeWhile(l -> l.startsWith("  - ")).toList();
        assertFalse(lines.isEmpty(), blockers);
        lines.forEach(line -> assertTrue(
                line.startsWith("  - MIG215 the live database holds something mig cannot migrate: table "), line));
        assertEquals(SchemaHash.of(Introspector.read(db).schema()), field(plan.out(), "Target hash"));
    }

    private static Cli.Run initRun(Path db, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return mig("init", "--from", db.toString(), "-d", dir.toString());
    }

    private static String field(String report, String label) {
        Matcher m = Pattern.compile("\n  " + label + ": +(\\S+)\n").matcher(report);
        assertTrue(m.find(), label + " in:\n" + report);
        return m.group(1);
    }

    private static String base(String corpusFile) {
        return corpusFile.replace(".sql", "");
    }
}
