package dev.mig.project;

import dev.mig.api.MigException;
import dev.mig.api.Project;
import dev.mig.schema.DatabaseFileName;
import dev.mig.schema.Schema;
import dev.mig.schema.SchemaHash;
import dev.mig.schema.yaml.SchemaYaml;
import dev.mig.sql.SqliteFiles;
import dev.mig.state.NewDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A project directory: its {@code schema.yaml}, the database file for that schema
 * ({@code <name>-<hash>.sqlite}) and the source database it migrates from.
 *
 * <p>The source is the one other {@code <name>-<16 hex digits>.sqlite} in the directory (less those a
 * caller knows were cut over), unless the user names it with {@code --source}. Nothing here writes to
 * disk.
 */
public final class ProjectFiles {

    public static final String SCHEMA_FILE = "schema.yaml";

    private final Path dir;
    private final Path sourceOverride;
    private Schema declared;

    private ProjectFiles(Path dir, Path sourceOverride) {
        this.dir = dir;
        this.sourceOverride = sourceOverride;
    }

    /** A project in {@code dir}; {@code sourceOverride} may be null. Fails if {@code dir} is not a directory. */
    public static ProjectFiles at(Path dir, Path sourceOverride) {
        return of(Project.at(dir, sourceOverride));
    }

    /** The files of {@code project}, as the public API names it. */
    public static ProjectFiles of(Project project) {
        return new ProjectFiles(project.dir(), project.source());
    }

    public Path dir() {
        return dir;
    }

    /** True when the user named the source with {@code --source}. */
    public boolean sourceNamed() {
        return sourceOverride != null;
    }

    public Path schemaFile() {
        return dir.resolve(SCHEMA_FILE);
    }

    /** The declared schema, loaded and validated once. */
    public Schema declared() {
        if (declared == null) {
            Path file = schemaFile();
            if (Files.isDirectory(file)) {
                throw MigException.input(file + " is a directory, not a file.",
                        "Move it away and write schema.yaml there (see specs/schema-format.md).");
            }
            if (Files.isSymbolicLink(file) && !Files.exists(file)) {
                throw MigException.input(file + " is a symbolic link that leads to no file (or loops).",
                        "Point it at the schema file, or replace it with the file itself.");
            }
            if (!Files.isRegularFile(file)) {
                throw MigException.input("No " + SCHEMA_FILE + " in " + dir + ".",
                        "Write one (see specs/schema-format.md), or describe an existing database with "
                                + "'mig init --from DATABASE -d " + dir + "'.");
            }
            Schema schema = SchemaYaml.load(file, defaultName());
            requireFileSafeName(schema.name());
            declared = schema;
        }
        return declared;
    }

    /**
     * Whether schema.yaml names the database itself ({@code name:} at its top level); without it the
     * directory's name is used, which renaming the directory would change.
     */
    public boolean nameDeclared() {
        try {
            return TOP_LEVEL_NAME.matcher(Files.readString(schemaFile())).find();
        } catch (IOException e) {
            return true; // unreadable: declared() reports that
        }
    }

    private static final java.util.regex.Pattern TOP_LEVEL_NAME =
            java.util.regex.Pattern.compile("(?m)^\uFEFF?[\"']?name[\"']?[ \t]*:"); // a BOM may open the file

    /** The warning for a schema.yaml without {@code name:}, or null when it has one. */
    public String unnamedWarning() {
        if (nameDeclared()) {
            return null;
        }
        String name = declared().name();
        return "schema.yaml has no name:, so the database is named after the directory: " + name + "-<hash>.sqlite. "
                + "Add 'name: " + name + "' to schema.yaml, so that renaming the directory does not change it.";
    }

    /** The database name when schema.yaml has no {@code name:}: the directory's name. */
    public String defaultName() {
        Path name = dir.getFileName();
        return name == null ? "db" : name.toString();
    }

    public String targetHash() {
        return SchemaHash.of(declared());
    }

    /** {@code <dir>/<name>-<hash>.sqlite}: where the declared schema's database lives. */
    public Path target() {
        return dir.resolve(DatabaseFileName.of(declared().name(), targetHash()));
    }

    /**
     * The database to migrate from: the {@code --source} file, else the one other
     * {@code <name>-<hash>.sqlite} in the directory; empty when there is none (a fresh database).
     */
    public Optional<Path> source() {
        return source(p -> false);
    }

    /**
     * As {@link #source()}, but when several files could be the source, those that {@code cutOver}
     * says were already migrated to a newer database are left out: after a cutover the old file often
     * stays beside the new one, and only the new one is current.
     */
    public Optional<Path> source(Predicate<Path> cutOver) {
        if (sourceOverride != null) {
            SqliteFiles.requireDatabase(sourceOverride);
            if (sourceOverride.equals(target())) {
                throw MigException.input("--source " + sourceOverride + " is the database of the declared schema itself.",
                        "Name the application's current database, or leave out --source.");
            }
            return Optional.of(sourceOverride);
        }
        List<Path> others = new ArrayList<>(databaseFiles());
        others.remove(target());
        if (others.size() > 1) {
            others.removeIf(cutOver);
        }
        if (others.size() > 1) {
            StringBuilder list = new StringBuilder();
            others.forEach(p -> list.append("\n    ").append(p.getFileName()));
            throw MigException.input("Cannot tell which database to migrate from: " + others.size()
                            + " candidate files in " + dir + ":" + list,
                    "Pass the application's current database with --source PATH, or move the others away.");
        }
        return others.stream().findFirst();
    }

    /** Every {@code <name>-<16 hex>.sqlite} in the directory for the declared name, sorted. */
    public List<Path> databaseFiles() {
        String name = declared().name();
        return files(p -> DatabaseFileName.schemaName(p).filter(name::equals).isPresent());
    }

    /**
     * Before the schema's database is created from nothing (no --source, no file named after the schema
     * to migrate from): the directory must hold no other SQLite database. One there is most likely the
     * application's, under a name of its own or of an earlier {@code name:}, and a forgotten --source
     * taken for "no data yet" would hand the application an empty database.
     */
    public void requireNoOtherDatabase() {
        Path target = target();
        Path leftover = NewDatabase.creatingFile(target); // of a killed bootstrap: create replaces it
        List<Path> others = files(p -> !p.equals(target) && !p.equals(leftover) && SqliteFiles.looksLikeSqlite(p));
        if (!others.isEmpty()) {
            StringBuilder list = new StringBuilder();
            others.forEach(p -> list.append("\n    ").append(p.getFileName()));
            boolean one = others.size() == 1;
            throw MigException.input("No database named " + declared().name() + "-<hash>.sqlite to migrate from in "
                            + dir + ", but it holds " + (one ? "another SQLite database" : "other SQLite databases")
                            + "; mig will not create a fresh, empty database beside " + (one ? "it" : "them") + ":" + list,
                    "To migrate the application's database, name it with --source PATH. To start from no data, "
                            + "move " + (one ? "it" : "them") + " out of the directory (or use another one).");
        }
    }

    private List<Path> files(Predicate<Path> filter) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(filter).sorted().toList();
        } catch (IOException e) {
            throw MigException.runtime("Cannot list " + dir + ": " + e.getMessage(), "Check the directory's permissions.", e);
        }
    }

    private static void requireFileSafeName(String name) {
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.contains("\0") || name.startsWith(".")) {
            throw MigException.input("Database name '" + name + "' cannot be used in a file name.",
                    "Set 'name:' in schema.yaml to a plain word such as 'shop'.");
        }
    }
}
