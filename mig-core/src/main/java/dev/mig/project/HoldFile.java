package dev.mig.project;

import dev.mig.api.MigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code DIR/mig.hold}: while it exists, a drain replays but pauses no writes (so it cannot cut over).
 * An operator holds a drain (creating the file, or {@code mig drain --hold}) to choose the moment of the
 * pause, and releases it by deleting the file. A plain file, so that any tool and any user can do both.
 */
public final class HoldFile {

    public static final String NAME = "mig.hold";

    private HoldFile() {
    }

    public static Path of(Path dir) {
        return dir.resolve(NAME);
    }

    public static boolean held(Path dir) {
        return Files.exists(of(dir));
    }

    /** Deletes the file if it is there. */
    public static void release(Path dir) {
        try {
            Files.deleteIfExists(of(dir));
        } catch (IOException e) {
            throw MigException.runtime("Cannot delete " + of(dir) + ": " + e.getMessage(),
                    "Delete it by hand; until then the next drain holds before pausing writes.", e);
        }
    }

    /** Creates the file if it is missing. */
    public static void hold(Path dir) {
        try {
            if (!held(dir)) {
                Files.writeString(of(dir), "Delete this file to let 'mig drain' pause writes and finish.\n");
            }
        } catch (IOException e) {
            throw MigException.runtime("Cannot create " + of(dir) + ": " + e.getMessage(),
                    "Check that the project directory is writable, or drain without --hold.", e);
        }
    }
}
