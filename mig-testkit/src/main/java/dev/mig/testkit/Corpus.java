package dev.mig.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The SQL corpus: schemas (with a few rows) shaped like those of real applications, each a script that
 * creates a database. Introspection, init and plan are tested against every one of them.
 */
public final class Corpus {

    /** Every script, by file name. {@code CorpusTest} checks it against the resources. */
    public static final List<String> FILES = List.of("altered.sql", "autoincrement.sql", "blog.sql", "chat.sql",
            "checks_defaults.sql", "cycles.sql", "edge_cases.sql", "fk_actions.sql", "generated.sql", "indexes.sql",
            "ledger.sql", "legacy.sql", "pk_quirks.sql", "quoted_names.sql", "rowid_tables.sql", "saas.sql",
            "search_fts.sql", "shop.sql", "triggers.sql", "unicode_quotes.sql", "views.sql");

    /**
     * Scripts whose schema cannot be declared as it is: search_fts holds an FTS5 virtual table, which init
     * leaves out, and triggers that write to it, which then name a missing table.
     */
    public static final List<String> NOT_DECLARABLE = List.of("search_fts.sql");

    /**
     * Scripts init declares without what mig cannot migrate (ON CONFLICT clauses): plan then finds no
     * structural change but blocks on the left-out clauses.
     */
    public static final List<String> WITH_UNSUPPORTED = List.of("edge_cases.sql");

    private Corpus() {
    }

    /** The script {@code file}, as SQL text. */
    public static String sql(String file) {
        try (InputStream in = Corpus.class.getResourceAsStream("corpus/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus script " + file + "; the scripts are " + FILES);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scripts init declares as they are. */
    public static List<String> declarable() {
        return FILES.stream().filter(f -> !NOT_DECLARABLE.contains(f)).filter(f -> !WITH_UNSUPPORTED.contains(f))
                .toList();
    }
}
