package dev.mig.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.MigException;
import dev.mig.hot.ChildJvm;
import dev.mig.project.ProjectLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project lock: one holder at a time across processes, even though every holder deletes the lock
 * file when it lets go (so that commands leave nothing behind).
 */
class ProjectLockTest {

    @TempDir
    Path dir;

    @Test
    void lettingGoDeletesTheLockFile() {
        try (ProjectLock lock = ProjectLock.acquire(dir, "mig test")) {
            assertTrue(Files.exists(dir.resolve(ProjectLock.FILE)));
        }
        assertFalse(Files.exists(dir.resolve(ProjectLock.FILE)));
    }

    @Test
    void aLockFileLeftByAKilledHolderIsTakenOver() throws Exception {
        Files.writeString(dir.resolve(ProjectLock.FILE), "999999");
        try (ProjectLock lock = ProjectLock.acquire(dir, "mig test")) {
            assertTrue(Files.readString(dir.resolve(ProjectLock.FILE)).matches(ProcessHandle.current().pid() + " \\S+Z mig test"));
        }
        assertFalse(Files.exists(dir.resolve(ProjectLock.FILE)));
    }

    @Test
    void aSecondHolderInTheSameProcessIsRefusedAndTheFirstLockStillHolds() throws Exception {
        try (ProjectLock lock = ProjectLock.acquire(dir, "mig test")) {
            MigException e = assertThrows(MigException.class, () -> ProjectLock.acquire(dir, "mig test"));
            assertEquals(MigException.Kind.REFUSED, e.kind());

            // Had the refused attempt opened and closed the file, the OS would have dropped our lock.
            try (ChildJvm other = ChildJvm.start(dir.resolve("other.err"), List.of(), CrashChild.class, "hold-lock",
                    dir.toString())) {
                assertEquals(MigException.Kind.REFUSED.exitCode, other.waitFor(), Files.readString(dir.resolve("other.err")));
            }
        }
        try (ProjectLock again = ProjectLock.acquire(dir, "mig test")) {
            assertTrue(Files.exists(dir.resolve(ProjectLock.FILE)), "released, the lock can be taken again");
        }
    }

    @Test
    void twoProcessesTakingAndLeavingTheLockNeverHoldItAtOnce() throws Exception {
        try (ChildJvm a = ChildJvm.start(dir.resolve("a.err"), List.of(), CrashChild.class, "lock-loop", dir.toString());
             ChildJvm b = ChildJvm.start(dir.resolve("b.err"), List.of(), CrashChild.class, "lock-loop", dir.toString())) {
            assertTrue(a.awaitLines(1) && b.awaitLines(1), "both children started");
            Files.createFile(dir.resolve("go"));

            assertEquals(0, a.waitFor(), Files.readString(dir.resolve("a.err")));
            assertEquals(0, b.waitFor(), Files.readString(dir.resolve("b.err")));
            assertTrue(a.awaitLines(2) && b.awaitLines(2));
            long[] ra = counts(a.lines().get(1));
            long[] rb = counts(b.lines().get(1));
            assertTrue(ra[0] > 0 && rb[0] > 0, "both took the lock: " + a.lines() + " " + b.lines());
            assertTrue(ra[1] + rb[1] > 0, "they contended for it: " + a.lines() + " " + b.lines());
        }
        assertFalse(Files.exists(dir.resolve(ProjectLock.FILE)), "the last holder deleted the file");
    }

    /** "acquired refused" as printed by the lock-loop child. */
    private static long[] counts(String line) {
        String[] parts = line.trim().split(" ");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }
}
