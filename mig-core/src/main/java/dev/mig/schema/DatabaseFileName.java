package dev.mig.schema;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of every database file mig creates: {@code <schema name>-<schema hash>.sqlite}, the hash being
 * {@link SchemaHash}'s 16 hex digits. Built and recognised here only, so that the project, the
 * introspector, the migration finder and the application API all agree on what is one of mig's files.
 */
public final class DatabaseFileName {

    private static final Pattern PATTERN = Pattern.compile("(.+)-([0-9a-f]{16})\\.sqlite");

    private DatabaseFileName() {
    }

    /** The file name of the database of schema {@code name} whose hash is {@code hash}. */
    public static String of(String name, String hash) {
        return name + "-" + hash + ".sqlite";
    }

    /** The file name of the database of {@code schema}. */
    public static String of(Schema schema) {
        return of(schema.name(), SchemaHash.of(schema));
    }

    /** Is {@code file} named like one of mig's databases (of any schema)? */
    public static boolean matches(Path file) {
        return PATTERN.matcher(file.getFileName().toString()).matches();
    }

    /** The schema name in the file name of one of mig's databases; empty for any other file. */
    public static Optional<String> schemaName(Path file) {
        Matcher m = PATTERN.matcher(file.getFileName().toString());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The schema hash in the file name of one of mig's databases; empty for any other file. */
    public static Optional<String> hash(Path file) {
        Matcher m = PATTERN.matcher(file.getFileName().toString());
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }
}
