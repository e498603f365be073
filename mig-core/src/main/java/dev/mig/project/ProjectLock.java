package dev.mig.project;

import dev.mig.api.MigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * An OS lock on {@code <dir>/.mig.lock}: one mig process works on a project at a time. The OS releases
 * it when the process dies, so a killed mig never leaves a stale lock behind (only, harmlessly, the file).
 *
 * <p>The holder deletes the file when it lets go, so a command that ends, even refused, leaves nothing
 * behind. That opens a race: a process may open the file just before the holder deletes it, and lock
 * the unlinked file after the holder lets go while a third locks a new one. So a lock counts only if the
 * locked file is still the one at the path; if not, the process tries again on the new file. The check
 * reads where the process's open file points in {@code /proc/self/fd}: reading the path itself would
 * open and close the file, and closing any descriptor of a file drops the process's POSIX locks on it.
 * Where there is no {@code /proc} the check cannot be made, and the file is kept instead of deleted.
 *
 * <p>The file says who holds it, {@code <pid> <since, UTC> <command>}, so that {@code mig status} can
 * tell a running command from one that was killed (whose file stays behind, unlocked). It tells by the
 * pid, so only within one pid namespace: a mig in another container shows as stopped.
 */
public final class ProjectLock implements AutoCloseable {

    public static final String FILE = ".mig.lock";
    private static final int ATTEMPTS = 5;
    /**
     * Projects this JVM holds the lock of. A second channel on the same file must never be opened while
     * the lock is held: closing it would drop this process's POSIX lock with it.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean deleteOnClose;

    private ProjectLock(Path key, Path file, FileChannel channel, FileLock lock, boolean deleteOnClose) {
        this.key = key;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.deleteOnClose = deleteOnClose;
    }

    /** Who holds (or, when not {@code running}, last held and was killed holding) a project's lock. */
    public record Holder(long pid, String command, String sinceUtc, boolean running) {
        /** "pid 123, 'mig migrate' since 2026-12-07T15:00:00Z" */
        public String describe() {
            return "pid " + pid + (command.isEmpty() ? "" : ", '" + command + "'")
                    + (sinceUtc.isEmpty() ? "" : " since " + sinceUtc);
        }
    }

    /** Takes the lock for {@code command} ("mig drain") or fails at once, naming the process that holds it. */
    public static ProjectLock acquire(Path dir, String command) {
        Path file = dir.resolve(FILE);
        Path key;
        try {
            key = dir.toRealPath();
        } catch (IOException e) {
            throw MigException.runtime("Cannot lock " + file + ": " + e.getMessage(),
                    "Check that the project directory exists and is readable.", e);
        }
        synchronized (HELD) { // holder() must not read the file between our open and our lock
            return acquireHeld(key, dir, file, command);
        }
    }

    private static ProjectLock acquireHeld(Path key, Path dir, Path file, String command) {
        if (!HELD.add(key)) {
            throw MigException.refused("This process already holds the lock on " + dir + ".", null);
        }
        boolean locked = false;
        try {
            String content = ProcessHandle.current().pid() + " " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " "
                    + command;
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                ProjectLock held = tryAcquire(key, dir, file, content);
                if (held != null) {
                    locked = true;
                    return held;
                }
            }
            throw MigException.runtime("Cannot lock " + file + ": it was replaced " + ATTEMPTS + " times while mig took "
                    + "it.", "Check that no other program deletes files in the project directory, then run the command "
                    + "again.", null);
        } finally {
            if (!locked) {
                HELD.remove(key);
            }
        }
    }

    /** The lock, or null when the file was replaced meanwhile (see the class comment). */
    private static ProjectLock tryAcquire(Path key, Path dir, Path file, String content) {
        FileChannel channel = null;
        boolean ours = false;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                Optional<Holder> holder = parse(readQuietly(file), true);
                channel.close();
                throw MigException.refused("Another mig process is working on " + dir
                                + holder.map(h -> " (" + h.describe() + ")").orElse("") + ".",
                        "Wait for it to finish, or stop it; mig never runs two commands on one project at once.");
            }
            Boolean linked = stillLinked(dir, file);
            if (Boolean.FALSE.equals(linked)) {
                lock.release();
                channel.close();
                return null;
            }
            ours = linked != null;
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return new ProjectLock(key, file, channel, lock, ours);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw MigException.refused("This process already holds the lock on " + dir + ".", null);
        } catch (IOException | UncheckedIOException e) {
            if (ours) {
                deleteQuietly(file); // still holding the lock on the file at the path: nobody else uses it
            }
            closeQuietly(channel);
            String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied (mig writes its lock file "
                    + "there)" : e.getMessage() == null || e.getMessage().equals(file.toString())
                    ? e.getClass().getSimpleName().replace("Exception", "") : e.getMessage();
            throw MigException.runtime("Cannot lock " + file + ": " + why,
                    "Check that the project directory is writable and the disk is not full.", e);
        } catch (RuntimeException e) {
            closeQuietly(channel); // never keep a lock nobody will release
            throw e;
        }
    }

    /**
     * Who holds {@code dir}'s lock, or was killed holding it (the file stayed behind); empty when no mig
     * command works on the project. Takes no lock: reading never stops a command from starting.
     */
    public static Optional<Holder> holder(Path dir) {
        Path file = dir.resolve(FILE);
        Optional<Holder> recorded;
        synchronized (HELD) { // no thread of this process takes the lock while the file is read
            try {
                if (HELD.contains(dir.toRealPath())) {
                    // Reading the file would close a descriptor of it, and so drop this process's lock.
                    return Optional.of(new Holder(ProcessHandle.current().pid(), "", "", true));
                }
            } catch (IOException e) {
                return Optional.empty();
            }
            recorded = parse(readQuietly(file), false);
        }
        return recorded.map(h -> new Holder(h.pid(), h.command(), h.sinceUtc(), alive(h)));
    }

    /** {@code <pid> [<since> <command>]}; an older mig wrote the pid alone. */
    private static Optional<Holder> parse(String content, boolean running) {
        String[] parts = content.split(" ", 3);
        try {
            long pid = Long.parseLong(parts[0]);
            return Optional.of(new Holder(pid, parts.length > 2 ? parts[2] : "", parts.length > 1 ? parts[1] : "",
                    running));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The recorded process still runs: its pid is alive and that process started before the lock was
     * taken (a pid reused by a later process is not the holder).
     */
    private static boolean alive(Holder h) {
        Optional<ProcessHandle> p = ProcessHandle.of(h.pid()).filter(ProcessHandle::isAlive);
        if (p.isEmpty()) {
            return false;
        }
        Optional<Instant> started = p.get().info().startInstant();
        try {
            return started.isEmpty() || h.sinceUtc().isEmpty()
                    || !started.get().isAfter(Instant.parse(h.sinceUtc()).plusSeconds(1));
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    /** The file's content, trimmed; empty when it is gone or unreadable. Only when not holding its lock. */
    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Whether the lock file this process has open is still the one at {@code file}; null when this OS
     * cannot tell. An open file that was unlinked shows in {@code /proc/self/fd} as "path (deleted)".
     */
    static Boolean stillLinked(Path dir, Path file) throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return null;
        }
        String expected = dir.toRealPath().resolve(file.getFileName()).toString();
        try (Stream<Path> open = Files.list(fds)) {
            for (Path fd : open.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals(expected)) {
                        return true;
                    }
                } catch (IOException e) {
                    // Closed meanwhile (such as the listing's own descriptor): not ours.
                }
            }
        }
        return false;
    }

    /** Deletes the file while still holding the lock (nobody else can be holding it), then lets go. */
    @Override
    public void close() {
        if (deleteOnClose) {
            deleteQuietly(file);
        } else {
            emptyQuietly(); // kept (no /proc): empty, so status does not take a finished command for a killed one
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // The OS releases the lock with the process anyway.
        } finally {
            HELD.remove(key);
        }
    }

    private void emptyQuietly() {
        try {
            channel.truncate(0);
        } catch (IOException ignored) {
            // Status then names the last holder, whose process is gone: it says so.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Left behind, the file is harmless: the next holder takes it over.
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
