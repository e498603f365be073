package dev.mig.cli.acceptance;

import dev.mig.schema.SchemaHash;
import dev.mig.schema.introspect.Introspector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Real files for the acceptance tests: SQLite databases made from SQL, schema.yaml snippets, checksums. */
public final class Fixture {

    /** A one-table application database, {@code notes}, without rows. */
    public static final String NOTES = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);\n";

    /** The next schema of {@link #NOTES}: a column added, with a default. */
    public static final String NOTES_V2 = """
            name: app
            tables:
              notes:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  body: {type: TEXT, nullable: false}
                  pinned: {type: INTEGER, nullable: false, default: 0}
            """;

    private Fixture() {
    }

    /** Creates {@code file} as an application would (plain JDBC) and runs {@code script} on it. */
    static Path database(Path file, String script) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.executeUpdate(script);
        } catch (SQLException e) {
            throw new IllegalStateException("fixture SQL failed: " + e.getMessage() + "\n" + script, e);
        }
        return file;
    }

    /**
     * A source database in {@code dir} named as mig names its files, {@code <name>-<hash>.sqlite} with
     * the real hash of its schema, so that mig finds it without --source.
     */
    static Path sourceDatabase(Path dir, String name, String script) {
        Path tmp = database(dir.resolve(name + ".building"), script);
        Path file = dir.resolve(name + "-" + SchemaHash.of(Introspector.read(tmp).schema()) + ".sqlite");
        move(tmp, file);
        return file;
    }

    /** A project directory {@code dir/name} holding {@code schema.yaml} and its source database. */
    static Path project(Path parent, String name, String schemaYaml, String sourceSql) {
        Path dir = parent.resolve(name);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("schema.yaml"), schemaYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sourceDatabase(dir, name, sourceSql);
        return dir;
    }

    /** The one {@code *.sqlite} file in {@code dir}. */
    static Path onlyDatabase(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            java.util.List<Path> dbs = files.filter(f -> f.toString().endsWith(".sqlite")).toList();
            if (dbs.size() != 1) {
                throw new IllegalStateException("expected one database in " + dir + ": " + dbs);
            }
            return dbs.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String text) {
        try {
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code dir} (relative path) with the SHA-256 of its bytes. */
    static Map<String, String> snapshot(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(Files::isRegularFile).forEach(f -> files.put(dir.relativize(f).toString(), sha256(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
