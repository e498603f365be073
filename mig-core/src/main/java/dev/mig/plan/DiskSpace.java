package dev.mig.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mig.common.TestFaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Room for the new database, before the copy starts. The estimate is the old database's used size (its
 * pages less the free ones): the copy holds the same rows and indexes, repacked. The new file is usually
 * on the old one's file system, where the application writes too, and the capture log grows in the old
 * file meanwhile: a disk filled by the copy stops the copy (exit 3, resumable) and fails the
 * application's writes as well. This is why plan shows it; it never blocks, being an estimate.
 *
 * @param neededBytes about what the new database will take
 * @param usableBytes what the target directory's file system has free for this process
 */
public record DiskSpace(long neededBytes, long usableBytes) {

    /** Less room than the copy needs (in JSON too, beside the two numbers). */
    @JsonProperty("tight")
    public boolean tight() {
        return usableBytes < neededBytes;
    }

    /**
     * Measures through {@code liveReadOnly} (the old database as {@code main}) and the file system of
     * {@code targetDir}; empty when the file system cannot say.
     */
    public static Optional<DiskSpace> of(Connection liveReadOnly, Path targetDir) throws SQLException {
        long pageSize = pragma(liveReadOnly, "page_size");
        long used = pragma(liveReadOnly, "page_count") - pragma(liveReadOnly, "freelist_count");
        try {
            OptionalLong seen = TestFaults.usableBytes();
            long usable = seen.isPresent() ? seen.getAsLong() : Files.getFileStore(targetDir).getUsableSpace();
            return Optional.of(new DiskSpace(used * pageSize, usable));
        } catch (IOException e) {
            return Optional.empty(); // an unknown amount: nothing to warn about
        }
    }

    /** For the plan's header: needed and free. */
    public String describe() {
        return "about " + size(neededBytes) + " needed, " + size(usableBytes) + " free on the new database's file system";
    }

    /** What a tight disk risks, and what to do: plan's advice, before anything is copied. */
    public String warning() {
        return shortage() + " Free space (or move the project) before 'mig migrate'";
    }

    /**
     * The same risk, said by migrate as it starts a copy anyway (the figure is an estimate); an
     * {@code offline} copy records no writes and resumes only as it started.
     */
    public String copyingAnyway(boolean offline) {
        return shortage() + " Copying anyway, as this is an estimate: watch the free space. If the disk fills, the "
                + "copy stops (exit 3) and the application's data in the old database is untouched"
                + (offline ? "" : ", while its capture goes on recording writes") + "; free space and run 'mig migrate"
                + (offline ? " --offline" : "") + "' again to resume, or 'mig reset' to undo.";
    }

    private String shortage() {
        return "the copy needs about " + size(neededBytes) + " and the file system has " + size(usableBytes)
                + " free: the copy may fill the disk, and then the application's writes to a database on the same "
                + "file system fail too.";
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return (bytes + 1023) / 1024 + " KB";
        }
        double mb = bytes / (1024.0 * 1024.0);
        return mb < 1024 ? String.format(Locale.ROOT, "%.1f MB", mb) : String.format(Locale.ROOT, "%.1f GB", mb / 1024);
    }

    private static long pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA main." + name)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
