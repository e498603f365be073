package dev.mig.schema.introspect;

import dev.mig.schema.Schema;
import dev.mig.schema.SchemaDdl;
import dev.mig.sql.SqliteFiles;
import dev.mig.testkit.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Real SQLite files made from SQL scripts, for the introspection tests. */
final class IntrospectorFixtures {
    private IntrospectorFixtures() {
    }

    /** Creates {@code dir/fileName} and runs {@code script} (any number of statements) on it. */
    static Path database(Path dir, String fileName, String script) {
        Path file = dir.resolve(fileName);
        try (Connection c = SqliteFiles.openReadWrite(file); Statement st = c.createStatement()) {
            st.executeUpdate(script);
        } catch (SQLException e) {
            throw new IllegalStateException("fixture script failed: " + e.getMessage(), e);
        }
        return file;
    }

    /** A new database in {@code dir}, named after the schema, made from {@link SchemaDdl#createAll}. */
    static Path rebuild(Path dir, Schema schema) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = dir.resolve(schema.name() + ".sqlite");
        try (Connection c = SqliteFiles.openReadWrite(file); Statement st = c.createStatement()) {
            for (String ddl : SchemaDdl.createAll(schema)) {
                st.execute(ddl);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rendered DDL failed: " + e.getMessage(), e);
        }
        return file;
    }

    static LiveDatabase introspect(Path dir, String script) {
        return Introspector.read(database(dir, "db.sqlite", script));
    }

    static String corpus(String name) {
        return Corpus.sql(name);
    }

    static List<String> corpusFiles() {
        return Corpus.FILES;
    }
}
