package dev.mig.run;

import dev.mig.common.MigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An OS lock on {@code <dir>/.mig.lock}: one mig process works on a project at a time. The OS releases
 * it when the process dies, so a killed mig never leaves a stale lock behind.
 */
public final class ProjectLock implements AutoCloseable {

    public static final String FILE = ".mig.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private ProjectLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or fails at once, naming the process that holds it. */
    public static ProjectLock acquire(Path dir) {
        Path file = dir.resolve(FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
                channel.close();
                throw MigException.refused("Another mig process is working on " + dir
                                + (holder.isEmpty() ? "" : " (pid " + holder + ")") + ".",
                        "Wait for it to finish, or stop it; mig never runs two commands on one project at once.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return new ProjectLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw MigException.refused("This process already holds the lock on " + dir + ".", null);
        } catch (IOException e) {
            closeQuietly(channel);
            throw MigException.runtime("Cannot lock " + file + ": " + e.getMessage(),
                    "Check that the project directory is writable.", e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // The OS releases the lock with the process anyway.
        }
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // Already failing.
            }
        }
    }
}
