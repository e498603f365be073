package dev.mig.plan;

import dev.mig.api.plan.DiskSpace;
import dev.mig.common.TestFaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalLong;

/** Measures {@link DiskSpace}: the old database's used size against the target file system's free room. */
public final class DiskProbe {

    private DiskProbe() {
    }

    /**
     * Measures through {@code liveReadOnly} (the old database as {@code main}) and the file system of
     * {@code targetDir}; empty when the file system cannot say.
     */
    public static Optional<DiskSpace> measure(Connection liveReadOnly, Path targetDir) throws SQLException {
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

    private static long pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA main." + name)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
