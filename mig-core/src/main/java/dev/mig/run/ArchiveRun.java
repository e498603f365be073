package dev.mig.run;

import dev.mig.api.ArchiveResult;
import dev.mig.api.MigException;
import dev.mig.api.Phase;
import dev.mig.capture.Capture;
import dev.mig.common.TestFaults;
import dev.mig.project.ActiveMigration;
import dev.mig.project.ProjectLock;
import dev.mig.sql.SqliteFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mig archive-old}: after cutover, removes mig's capture (triggers, marker, log) from the old
 * database, or with {@code --move} moves the old file (checkpointed, with its sidecars) into
 * {@code <dir>/archive/} unchanged. Refuses while any old database still records writes. Idempotent.
 */
public final class ArchiveRun {

    private ArchiveRun() {
    }

    /** @param source the old database when it is not named like mig's files in {@code dir}; may be null */
    public static ArchiveResult run(Path dir, Path source, boolean move) {
        try (ProjectLock lock = ProjectLock.acquire(dir, "mig archive-old")) {
            ActiveMigration.find(dir).ifPresent(m -> m.phase().require("mig archive-old", Phase.READY));
            List<Path> old = oldDatabases(dir, source);
            List<String> actions = new ArrayList<>();
            for (Path p : old) {
                actions.add(move ? moveToArchive(dir, p) : removeCapture(p));
            }
            List<String> others = actions.isEmpty() && source == null ? otherFilesWithCapture(dir) : List.of();
            return new ArchiveResult(actions, others);
        } catch (SQLException e) {
            throw Failures.sql("archive-old", e);
        }
    }

    /**
     * The archive-old command line, as it can be pasted into a shell run in the current directory, that
     * finds {@code source}: with {@code -d} when the project is elsewhere, and {@code --source} when
     * {@code source} is not one of the {@code <name>-<hash>.sqlite} files archive-old looks at in {@code dir}.
     */
    public static String commandFor(Path dir, Path source) {
        Path project = dir.toAbsolutePath().normalize();
        StringBuilder cmd = new StringBuilder("mig archive-old");
        if (!project.equals(Path.of("").toAbsolutePath())) {
            cmd.append(" -d ").append(shellWord(dir.toString()));
        }
        if (!foundByName(dir, source)) {
            cmd.append(" --source ").append(shellWord(source.toString()));
        }
        return cmd.toString();
    }

    /** {@code word} as one shell word: as it is when it is plainly safe, else single-quoted. */
    static String shellWord(String word) {
        return word.matches("[A-Za-z0-9_./:@%+=,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** Whether {@code file} is one of the {@code <name>-<hash>.sqlite} files archive-old looks at in {@code dir}. */
    private static boolean foundByName(Path dir, Path file) {
        return ActiveMigration.databaseFiles(dir).stream().anyMatch(p -> sameFile(p, file));
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** Database files in the directory that still carry mig's capture; refuses if one is recording. */
    private static List<Path> oldDatabases(Path dir, Path source) throws SQLException {
        List<Path> candidates = new ArrayList<>(ActiveMigration.databaseFiles(dir));
        if (source != null) {
            SqliteFiles.requireDatabase(source);
            if (!foundByName(dir, source)) { // named and found: archived once, not twice
                candidates.add(source);
            }
        }
        List<Path> out = new ArrayList<>();
        for (Path p : candidates) {
            if (!SqliteFiles.looksLikeSqlite(p)) {
                continue;
            }
            try (Connection c = SqliteFiles.openReadOnly(p)) {
                Capture.Marker marker = Capture.marker(c);
                if (marker == Capture.Marker.RECORDING) {
                    throw MigException.refused(p.getFileName() + " still records writes for a migration: the "
                                    + "application may still be writing to it.",
                            "Run 'mig drain' and 'mig cutover' first, or 'mig reset' if that migration was abandoned.");
                }
                if (Capture.isPresent(c)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /**
     * SQLite files in {@code dir}, not named like mig's, that carry its capture: the application's old
     * database under its own name, which is named to archive-old with --source and never guessed.
     */
    private static List<String> otherFilesWithCapture(Path dir) {
        List<String> out = new ArrayList<>();
        List<Path> named = ActiveMigration.databaseFiles(dir);
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                if (named.contains(p) || !SqliteFiles.looksLikeSqlite(p)) {
                    continue;
                }
                try (Connection c = SqliteFiles.openReadOnly(p)) {
                    if (Capture.isPresent(c)) {
                        out.add(p.toString());
                    }
                } catch (SQLException e) {
                    // unreadable (locked, damaged): not worth a suggestion, and archive-old changed nothing
                }
            }
        } catch (IOException e) {
            return out; // a listing that fails mid-way: what was found is still a fair suggestion
        }
        return out;
    }

    private static String removeCapture(Path p) throws SQLException {
        try (Connection c = SqliteFiles.openReadWrite(p)) {
            Capture.remove(c);
        }
        return "removed mig's triggers, marker and change log from " + p;
    }

    private static String moveToArchive(Path dir, Path p) throws SQLException {
        try (Connection c = SqliteFiles.openReadWrite(p); Statement s = c.createStatement()) {
            // Fold the WAL into the file so the archived copy is one self-contained file.
            s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)").close();
        }
        Path archive = dir.resolve("archive");
        try {
            Files.createDirectories(archive);
            Path dest = archive.resolve(p.getFileName());
            if (Files.exists(dest)) {
                throw MigException.refused(dest + " already exists.", "Move it away, then run archive-old --move again.");
            }
            for (String suffix : List.of("-wal", "-shm")) {
                Path side = p.resolveSibling(p.getFileName() + suffix);
                if (Files.exists(side)) {
                    Files.move(side, archive.resolve(side.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            TestFaults.reach("archive-before-move");
            Files.move(p, dest, StandardCopyOption.ATOMIC_MOVE);
            return "moved " + p + " to " + dest;
        } catch (IOException e) {
            throw MigException.runtime("Cannot move " + p + " into " + archive + ": " + e.getMessage(),
                    "Check the directory's permissions; nothing in the old database was changed.", e);
        }
    }
}
