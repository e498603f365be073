package dev.mig.schema.introspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.schema.SchemaHash;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The key property of introspection: a schema read from a database, rendered by {@link SchemaDdl} into
 * a new database and read again, is the same schema with the same hash.
 */
class IntrospectorCorpusFixpointTest {

    @TempDir
    Path dir;

    static List<String> corpusFiles() {
        return IntrospectorFixtures.corpusFiles();
    }

    @Test
    void corpusHasAtLeastSixteenSchemas() {
        assertTrue(corpusFiles().size() >= 16, "corpus files: " + corpusFiles());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void rebuiltSchemaReadsBackEqual(String corpusFile) {
        String name = corpusFile.replace(".sql", "");
        Path original = IntrospectorFixtures.database(dir, name + ".sqlite", IntrospectorFixtures.corpus(corpusFile));
        LiveDatabase live = Introspector.read(original);

        LiveDatabase again = Introspector.read(IntrospectorFixtures.rebuild(dir.resolve("rebuilt"), live.schema()));

        assertEquals(live.schema(), again.schema());
        assertEquals(SchemaHash.of(live.schema()), SchemaHash.of(again.schema()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void corpusSchemaIsNotEmpty(String corpusFile) {
        LiveDatabase live = IntrospectorFixtures.introspect(dir, IntrospectorFixtures.corpus(corpusFile));

        assertTrue(live.schema().tables().size() >= 1, corpusFile);
    }
}
