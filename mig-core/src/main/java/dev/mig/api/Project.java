package dev.mig.api;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which project a command acts on: its directory (the one holding schema.yaml and the databases) and,
 * when the user named one, the database to migrate from ({@code --source}); without it mig finds the
 * source by its file name. Paths are absolute and normalised.
 *
 * @param dir    the project directory
 * @param source the named source database; null when mig is to find it
 */
public record Project(Path dir, Path source) {

    /** The project in {@code dir}; {@code source} may be null. Fails if {@code dir} is not a directory. */
    public static Project at(Path dir, Path source) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw MigException.input("Project directory " + abs + " does not exist or is not a directory.",
                    "Pass the directory that holds schema.yaml with -d DIR.");
        }
        return new Project(abs, source == null ? null : source.toAbsolutePath().normalize());
    }

    /** The project in {@code dir}, whose source mig finds by its file name. */
    public static Project at(Path dir) {
        return at(dir, null);
    }
}
