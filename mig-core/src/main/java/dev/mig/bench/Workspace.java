package dev.mig.bench;

import dev.mig.project.Project;
import dev.mig.common.MigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The bench's scratch directory: generated databases and one project directory per measured migration. */
final class Workspace implements AutoCloseable {

    /** A project directory: v2 schema.yaml and a fresh copy of the old database ({@code old.sqlite}). */
    record Run(Path dir, Path old) {
        Project project() {
            return Project.at(dir, old);
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

    /** A new project directory holding a copy of {@code old} and the v2 schema. */
    Run run(Path old, boolean remap) {
        try {
            Path dir = Files.createDirectory(root.resolve("run" + (++runs)));
            Path copy = dir.resolve("old.sqlite");
            Files.copy(old, copy);
            Files.writeString(dir.resolve(Project.SCHEMA_FILE), BenchData.schemaV2(remap));
            return new Run(dir, copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
