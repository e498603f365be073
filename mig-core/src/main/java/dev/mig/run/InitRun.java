package dev.mig.run;

import dev.mig.api.InitResult;
import dev.mig.api.MigException;
import dev.mig.project.ProjectFiles;
import dev.mig.schema.Schema;
import dev.mig.schema.introspect.Introspector;
import dev.mig.schema.introspect.LiveDatabase;
import dev.mig.schema.yaml.SchemaMerge;
import dev.mig.schema.yaml.SchemaYaml;
import dev.mig.schema.yaml.YamlComments;
import dev.mig.sql.SqliteFiles;
import dev.mig.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;

/** {@code mig init}: a schema.yaml describing an existing database. */
public final class InitRun {

    private InitRun() {
    }

    /** The database schema.yaml's schema was already migrated to (ready), by file name; null if none. */
    private static String appliedTo(Path dir) {
        Path target = ProjectFiles.at(dir, null).target();
        return StateStore.isReady(target) ? target.getFileName().toString() : null;
    }

    private static String defaultName(Path dir) {
        return dir.getFileName() == null ? "db" : dir.getFileName().toString();
    }

    /**
     * A database init can describe: one with tables, and nothing mig cannot migrate, which 'mig plan'
     * would block on. A schema.yaml that could never be migrated is not written.
     */
    private static void requireDeclarable(Path from, LiveDatabase live) {
        if (!live.unsupported().isEmpty()) {
            StringBuilder what = new StringBuilder();
            live.unsupported().forEach(u -> what.append("\n  - ").append(u));
            throw MigException.refused(from + " holds what mig cannot migrate, so 'mig plan' would block on it; nothing "
                            + "was written:" + what,
                    "Remove it from the database first (export a virtual table's content, and create it again in the "
                            + "new database after cutover), then run init again.");
        }
        if (live.schema().tables().isEmpty()) {
            throw MigException.input(from + " has no tables, so there is no schema to describe; nothing was written.",
                    "Point --from at the application's database, or write schema.yaml by hand "
                            + "(specs/schema-format.md): 'mig migrate' then creates the database from it.");
        }
    }

    /**
     * Writes {@code <dir>/schema.yaml} describing the database {@code from}. Refuses to overwrite an
     * existing schema.yaml unless {@code force} or {@code merge}, and refuses to write a file that mig
     * itself would reject, or one of a database it cannot migrate. With {@code merge} the existing file's
     * name and directives are carried over where they still apply ({@link SchemaMerge}).
     */
    public static InitResult run(Path from, Path dir, boolean force, boolean merge) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) { // before the database is opened: bad input leaves no -wal or -shm behind
            throw MigException.input("Directory " + abs + " does not exist.", "Create it first, or pass another -d DIR.");
        }
        Path file = abs.resolve(ProjectFiles.SCHEMA_FILE);
        if (Files.isDirectory(file)) {
            throw MigException.input(file + " is a directory, not a file.", "Move it away, then run init again.");
        }
        SqliteFiles.requireDatabase(from);
        if (merge && !Files.isRegularFile(file)) {
            throw MigException.input("--merge keeps the directives of " + file + ", which does not exist.",
                    "Leave out --merge to write a new schema.yaml, or pass the project directory with -d.");
        }
        if (Files.exists(file) && !force && !merge) {
            throw MigException.input(file + " already exists.",
                    "Pass --merge to rewrite it from the database keeping its directives, --force to overwrite it, "
                            + "or choose another directory with -d.");
        }
        Schema existing = merge ? SchemaYaml.load(file, defaultName(abs)) : null; // a broken file stops here
        LiveDatabase live = Introspector.read(from);
        requireDeclarable(from, live);
        SchemaMerge merged = merge ? SchemaMerge.of(live.schema(), existing, appliedTo(abs)) : null;
        String yaml = SchemaYaml.write(merge ? merged.schema() : live.schema());
        List<String> commentsGone = List.of();
        if (merge) { // the person's comments too, where their keys still are
            YamlComments.Applied withComments = YamlComments.of(readText(file)).applyTo(yaml);
            yaml = withComments.text();
            commentsGone = withComments.notPlaced();
        }
        try {
            SchemaYaml.load(yaml, file.toString(), live.schema().name());
        } catch (MigException e) {
            throw MigException.refused("The schema of " + from + " cannot be declared as it is: " + e.getMessage() + ".",
                    "Remove or fix what the message names in the database (an object that uses something mig "
                            + "left out, a foreign key to a missing table), then run init again; nothing was written.");
        }
        Path tmp = abs.resolve(".schema.yaml." + ProcessHandle.current().pid() + ".tmp");
        try {
            // Not createTempFile: its 0600 would make schema.yaml private. Like an editor: the umask's
            // permissions for a new file, the old file's when it is replaced.
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
            Files.writeString(tmp, yaml, StandardOpenOption.TRUNCATE_EXISTING);
            // After writing: the replaced file may be read-only (0444), which it then stays.
            if (Files.exists(file) && Files.getFileStore(abs).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file));
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // Already failing; the name says what it is.
            }
            throw MigException.runtime("Cannot write " + file + ": " + e.getMessage(),
                    "Check the directory's permissions and free space.", e);
        }
        if (!merge) {
            return new InitResult(file, live.unsupported());
        }
        List<String> noLongerApply = new ArrayList<>(merged.dropped());
        noLongerApply.addAll(commentsGone);
        return new InitResult(file, live.unsupported(), merged.kept(), noLongerApply);
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw MigException.runtime("Cannot read " + file + ": " + e.getMessage(),
                    "Check that it is readable, then run init again; nothing was written.", e);
        }
    }
}
