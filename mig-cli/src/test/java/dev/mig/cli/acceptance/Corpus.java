package dev.mig.cli.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The schema corpus of mig-core's tests; tests run with the module directory as working directory. */
final class Corpus {
    static final Path DIR = Path.of("../mig-core/src/test/resources/corpus");

    /**
     * Corpus schemas that cannot be declared as they are: search_fts holds an FTS5 virtual table, which
     * init leaves out, and triggers that write to it, which then name a missing table.
     */
    static final List<String> NOT_DECLARABLE = List.of("search_fts.sql");

    /**
     * Corpus schemas init declares without what mig cannot migrate (ON CONFLICT clauses): plan then
     * finds no structural change but blocks on the left-out clauses.
     */
    static final List<String> WITH_UNSUPPORTED = List.of("edge_cases.sql");

    private Corpus() {
    }

    static List<String> files() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> declarable() {
        return files().stream().filter(f -> !NOT_DECLARABLE.contains(f))
                .filter(f -> !WITH_UNSUPPORTED.contains(f)).toList();
    }

    static String sql(String file) {
        return Fixture.read(DIR.resolve(file));
    }
}
