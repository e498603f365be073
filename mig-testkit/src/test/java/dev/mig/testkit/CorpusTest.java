package dev.mig.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CorpusTest {

    @Test
    void theListNamesEveryScriptInTheResources() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "dev", "mig", "testkit", "corpus"))) {
            assertEquals(files.map(p -> p.getFileName().toString()).sorted().toList(), Corpus.FILES);
        }
    }

    @Test
    void everyScriptReadsAsSqlThatCreatesATable() {
        for (String f : Corpus.FILES) {
            assertTrue(Corpus.sql(f).toUpperCase(java.util.Locale.ROOT).contains("CREATE TABLE"), f);
        }
    }
}
