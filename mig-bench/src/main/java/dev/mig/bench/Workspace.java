package dev.mig.bench;

import dev.mig.api.MigException;
import dev.mig.project.ProjectFiles;
import dev.mig.sql.SqliteFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.sqlite.SQLiteConnection;

/** The bench's scratch directory: generated databases and one project directory per measured migration. */
final class Workspace implements AutoCloseable {

    /** A project directory: v2 schema.yaml and a fresh copy of the old database ({@code old.sqlite}). */
    record Run(Path dir, Path old) {
        ProjectFiles project() {
            return ProjectFiles.at(dir, old);
        }
    }

    private final Path root;
    private final boolean keep;
    private int runs;

    Workspace(Path root, boolean keep) {
        this.root = root;
        this.keep = keep;
    }

    static Workspace create(Path parent, boolean keep) {
        try {
            Path p = parent == null ? Files.createTempDirectory("mig-bench") : Files.createTempDirectory(
                    Files.createDirectories(parent), "mig-bench");
            return new Workspace(p, keep);
        } catch (IOException e) {
            throw MigException.runtime("Cannot create the benchmark's work directory: " + e.getMessage(),
                    "Pass a writable directory with --work-dir.", e);
        }
    }

    Path file(String name) {
        return root.resolve(name);
    }

    /**
     * A new project directory holding a copy of {@code old} and the v2 schema. The copy is made by
     * SQLite's backup, page for page: mig never reads a database file with plain Java I/O, which would
     * drop this process's locks on it (specs/reliability.md, Findings).
     */
    Run run(Path old, boolean remap) {
        try {
            Path dir = Files.createDirectory(root.resolve("run" + (++runs)));
            Path copy = dir.resolve("old.sqlite");
            try (Connection c = SqliteFiles.openReadOnly(old)) {
                int rc = c.unwrap(SQLiteConnection.class).getDatabase().backup("main", copy.toString(), null);
                if (rc != 0) {
                    throw new SQLException("SQLite's backup ended with code " + rc);
                }
            }
            Files.writeString(dir.resolve(ProjectFiles.SCHEMA_FILE), BenchData.schemaV2(remap));
            return new Run(dir, copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw MigException.runtime("Cannot copy the benchmark's database: " + e.getMessage(),
                    "Check free space in the work directory (--work-dir).", e);
        }
    }

    /** Deletes a run's files: the bench keeps at most a few databases on disk at once. */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Scratch files only; leaving one behind is not worth failing the run.
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        if (!keep) {
            delete(root);
        }
    }
}
