package dev.mig.state;

import dev.mig.api.MigException;
import dev.mig.common.TestFaults;
import dev.mig.schema.FileSettings;
import dev.mig.schema.Schema;
import dev.mig.schema.SchemaDdl;
import dev.mig.schema.Table;
import dev.mig.schema.View;
import dev.mig.sql.SchemaName;
import dev.mig.sql.SqliteFiles;
import dev.mig.sql.Tx;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates the new database file: the declared tables and views, mig's state tables, and the file
 * settings carried over from the old file. It is built under a temporary name and renamed into place
 * only when complete, so {@code <name>-<hash>.sqlite} either does not exist or is a whole database.
 */
public final class NewDatabase {

    /** What the new file starts with. */
    public enum Status {
        /** Being filled by a hot migration. */
        MIGRATING,
        /** Complete: applications may use it. */
        READY;

        public String sql() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Everything the new file is created from.
     *
     * @param settings    file settings to carry over; null for SQLite's defaults (a fresh database)
     * @param permissions the old file's permission bits (the new file never gets wider ones); null for defaults
     * @param plan        the stored plan; null when the file is created {@link Status#READY} at once
     * @param tables      tables whose copy progress is tracked, with their live row counts
     * @param keyWidth    the widest source key (cursor columns of {@code _migration_progress})
     * @param remapped    the {@code ids: remap} tables, each of which gets an id mapping
     */
    public record Spec(Schema declared, FileSettings settings, Set<PosixFilePermission> permissions, Status status,
                       Identity identity, StoredPlan plan, Map<String, Long> tables, int keyWidth, List<String> remapped) {
    }

    private NewDatabase() {
    }

    /** Where {@link #create} builds {@code target} before renaming it into place. */
    public static Path creatingFile(Path target) {
        return target.resolveSibling(target.getFileName() + ".creating");
    }

    public static void create(Path target, Spec spec) {
        Path tmp = creatingFile(target);
        try {
            // A leftover of a run killed while creating was never renamed, never used. Its journal goes
            // first: SQLite would otherwise roll that hot journal into the fresh file.
            deleteWithSidecars(tmp);
            Files.createFile(tmp, permissions(spec.permissions()));
            try (Connection c = SqliteFiles.openReadWrite(tmp)) {
                applyFileSettings(c, spec.settings());
                Tx.immediate(c, conn -> {
                    createSchema(conn, spec);
                    return null;
                });
            }
            TestFaults.reach("new-database-before-rename");
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            TestFaults.reach("new-database-renamed");
            if (spec.settings() != null && "wal".equals(spec.settings().journalMode())) {
                try (Connection c = SqliteFiles.openReadWrite(target); Statement s = c.createStatement()) {
                    s.executeQuery("PRAGMA journal_mode = WAL").close();
                }
            }
        } catch (RuntimeException e) {
            deleteQuietly(tmp); // a failing cutover: statement, say: nothing is left half made
            throw e;
        } catch (IOException | SQLException e) {
            deleteQuietly(tmp);
            throw MigException.runtime("Cannot create " + target + ": " + e.getMessage(),
                    "Check free disk space and the directory's permissions, then run the command again.", e);
        }
    }

    private static FileAttribute<?>[] permissions(Set<PosixFilePermission> perms) {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (perms == null || !posix) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)};
    }

    /** Page size, auto_vacuum and encoding only take effect before the first table is created. */
    private static void applyFileSettings(Connection c, FileSettings settings) throws SQLException {
        if (settings == null) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size = " + settings.pageSize());
            s.execute("PRAGMA auto_vacuum = " + settings.autoVacuum());
            s.execute("PRAGMA encoding = " + dev.mig.sql.Sql.literal(settings.encoding()));
            s.execute("PRAGMA user_version = " + settings.userVersion());
            s.execute("PRAGMA application_id = " + settings.applicationId());
        }
    }

    private static void createSchema(Connection c, Spec spec) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Table t : spec.declared().tables()) {
                s.execute(SchemaDdl.createTableAsDeclared(t));
            }
            for (View v : spec.declared().views()) {
                s.execute(SchemaDdl.createView(v));
            }
        }
        StateStore state = new StateStore(SchemaName.MAIN);
        state.create(c, spec.keyWidth(), spec.remapped(), spec.plan() != null);
        if (spec.status() == Status.READY) {
            createIndexesAndTriggers(c, spec.declared());
            CutoverStatements.apply(c, spec.declared().cutover(), "schema.yaml");
        }
        state.seed(c, spec.status(), spec.identity(), spec.plan());
        if (spec.plan() != null) {
            ProgressStore progress = new ProgressStore(SchemaName.MAIN);
            for (Map.Entry<String, Long> t : spec.tables().entrySet()) {
                progress.register(c, t.getKey(), t.getValue());
            }
        }
    }

    /** Declared indexes and user triggers: at creation for a database that is ready at once, else at cutover. */
    public static void createIndexesAndTriggers(Connection c, Schema declared) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Table t : declared.tables()) {
                for (var index : t.indexes()) {
                    s.execute(SchemaDdl.createIndex(t.name(), index));
                }
            }
            for (var trigger : declared.triggers()) {
                s.execute(trigger.sql());
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            deleteWithSidecars(p);
        } catch (IOException ignored) {
            // Best effort: the temporary file is never used, and the next run deletes it first.
        }
    }

    /**
     * Deletes a database file and its -journal, -wal and -shm, sidecars first: a stale WAL or hot
     * journal left beside a later file of the same name would be applied to it.
     */
    public static void deleteWithSidecars(Path db) throws IOException {
        for (String suffix : List.of("-journal", "-wal", "-shm")) {
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
        }
        Files.deleteIfExists(db);
    }
}
