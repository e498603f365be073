package dev.mig.sql;

import dev.mig.api.MigException;
import dev.mig.common.TestFaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** Opening SQLite files: the one place that decides connection flags, so every caller gets the same. */
public final class SqliteFiles {

    /** How long a connection waits for a lock held by the application before it reports SQLITE_BUSY, by default. */
    public static final int BUSY_TIMEOUT_MS = 5_000;

    /**
     * The wait of every connection mig opens from now on: one setting for the process, as every command
     * is (the CLI's --busy-timeout). Volatile: a drain's checkpointer thread opens connections too.
     */
    private static volatile int busyTimeoutMs = BUSY_TIMEOUT_MS;

    /** Sets how long connections opened from now on wait for a lock before reporting SQLITE_BUSY. */
    public static void busyTimeout(int millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("busy timeout " + millis);
        }
        busyTimeoutMs = millis;
    }

    /** How long connections wait for a lock: {@link #BUSY_TIMEOUT_MS} unless {@link #busyTimeout(int)} was set. */
    public static int busyTimeout() {
        return busyTimeoutMs;
    }

    private SqliteFiles() {
    }

    /**
     * True if SQLite accepts the file as a database: a non-empty regular file whose header SQLite reads
     * as its own (an empty file is not a database here, though SQLite would create one in it).
     *
     * <p>The header is read through SQLite, never with plain Java I/O. POSIX locks belong to the process:
     * closing any descriptor of the file drops every lock this process's SQLite connections hold on it,
     * including the SHARED lock of a WAL connection. Another process closing its last connection would
     * then checkpoint and unlink the -wal and -shm under those connections, and writes would vanish
     * (sqlite-facts.md, "Concurrency"). SQLite's own file layer shares one descriptor per file across the
     * process's connections and defers closing it while locks are held, so probing through it is safe.
     */
    public static boolean looksLikeSqlite(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        SQLiteConfig config = baseConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(0);
        try (Connection c = config.createConnection("jdbc:sqlite:" + readOnlyUri(file));
             var s = c.createStatement()) {
            s.executeQuery("PRAGMA schema_version").close();
            return true;
        } catch (SQLException e) {
            // Only SQLite's own verdict on the header counts; a lock or an unreadable -shm means the file
            // is in use as a database, and the caller's real open reports any other problem.
            return !isNotADatabase(e);
        }
    }

    private static boolean isNotADatabase(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_NOTADB") || m.contains("not a database");
    }

    /** True when SQLite says a file is damaged (corrupt pages, or not a database past its header). */
    public static boolean isDamage(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_CORRUPT") || m.contains("SQLITE_NOTADB");
    }

    /**
     * The report of a damaged file met while reading it: it may be the application's own database, so
     * the advice is a backup, never that mig removes it.
     */
    public static MigException damaged(Path file, SQLException e) {
        return MigException.runtime(file.getFileName() + " is damaged (" + e.getMessage() + "); mig changed nothing.",
                "If it is the application's database, restore it from a backup (PRAGMA integrity_check shows the "
                        + "damage). If it is a new database mig was filling, delete it and run 'mig reset'.", e);
    }

    /**
     * Why {@code what} of {@code file} could not be read, said by its cause: damage, a directory SQLite
     * cannot create a WAL database's -shm file in (needed even to read it), a lock held longer than mig
     * waits, or else SQLite's own words.
     */
    public static MigException cannotRead(Path file, String what, SQLException e) {
        if (isDamage(e)) {
            return damaged(file, e);
        }
        String m = String.valueOf(e.getMessage());
        String head = "Cannot read " + what + " of " + file + ": ";
        if (m.contains("SQLITE_READONLY_DIRECTORY")) {
            Path folder = file.toAbsolutePath().getParent();
            return MigException.runtime(head + "its directory cannot be written, and SQLite must create the -shm file "
                            + "beside a WAL database even to read it (" + m + ")",
                    "Make " + folder + " writable for this user, or work on a copy of the database (with its -wal "
                            + "file) in a directory you can write.", e);
        }
        if (m.contains("SQLITE_BUSY") || m.contains("SQLITE_LOCKED")) {
            return MigException.runtime(head + "another connection held a lock on it for longer than mig waits ("
                            + busyTimeout() + " ms, --busy-timeout): " + m,
                    "Run the command again when that transaction has ended, or wait longer with --busy-timeout MS.", e);
        }
        return MigException.runtime(head + m, "Check that the file is a readable SQLite database, then run the command "
                + "again.", e);
    }

    /**
     * Fails with a clear message unless {@code file} exists and is an SQLite database. An empty file, named
     * on purpose, is one: SQLite opens it as a database without tables. (Scans of a directory for
     * databases, {@link #looksLikeSqlite}, still pass over empty files.)
     */
    public static void requireDatabase(Path file) {
        if (file.toString().isEmpty()) { // Path.of("") is the current directory: say what was typed
            throw MigException.input("The database path is empty.", "Name the SQLite database file, such as app.sqlite.");
        }
        if (!Files.exists(file)) {
            throw MigException.input("Database file " + file + " does not exist.",
                    "Check the path: it must name an existing SQLite database file (a relative path is read from "
                            + "the current directory).");
        }
        if (Files.isDirectory(file)) {
            throw MigException.input(file + " is a directory, not an SQLite database file.",
                    "Name the database file itself.");
        }
        if (!Files.isRegularFile(file) || !(isEmpty(file) || looksLikeSqlite(file))) {
            throw MigException.input(file + " is not an SQLite database (its header is not 'SQLite format 3').",
                    "Point mig at the application's database file.");
        }
    }

    private static boolean isEmpty(Path file) {
        try {
            return Files.size(file) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A read-only connection: it can never take a write lock, so reading a live database never blocks
     * its application's writers.
     */
    public static Connection openReadOnly(Path file) {
        requireDatabase(file);
        rollBackHotJournal(file);
        SQLiteConfig config = baseConfig();
        config.setReadOnly(true);
        return open(file, config);
    }

    /**
     * A process killed mid-transaction on a rollback-journal database (mig itself, or the application)
     * leaves a hot journal, which only a read-write connection may roll back: a read-only one fails with
     * SQLITE_READONLY_ROLLBACK, and a killed command could then never be resumed or reset. Any reader
     * does this rollback; it restores the last committed state and changes nothing else.
     */
    public static void rollBackHotJournal(Path db) {
        if (!Files.exists(Path.of(db + "-journal"))) {
            return;
        }
        try (Connection c = openReadWrite(db); java.sql.Statement s = c.createStatement()) {
            s.executeQuery("SELECT count(*) FROM sqlite_schema").close();
        } catch (SQLException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("SQLITE_BUSY") || m.contains("SQLITE_LOCKED")) {
                // The journal belongs to a write still under way (it is hot only once its writer is gone).
                throw MigException.runtime(db + " stayed locked by a connection that is writing to it for longer "
                                + "than mig waits (" + busyTimeoutMs + " ms): " + m,
                        "Run the command again once that write transaction has finished, or wait longer with "
                                + "--busy-timeout.", e);
            }
            throw MigException.runtime("Cannot recover " + db + " after an interrupted write: " + m,
                    "Check that the file and its directory are writable, then run the command again.", e);
        }
    }

    /** A read-write connection with foreign keys enforced; creates the file if it is missing. */
    public static Connection openReadWrite(Path file) {
        SQLiteConfig config = baseConfig();
        config.enforceForeignKeys(true);
        return open(file, config);
    }

    /**
     * The connection the copy, replay and verify run on: the old database as {@code main}, opened
     * read-only (so nothing on this connection can write to it, and unqualified names in {@code from:}
     * expressions mean the old tables), and the new database attached read-write as
     * {@link SchemaName#NEW}. Foreign-key enforcement is off: see specs/hot-migration.md, "The copy".
     */
    public static Connection openSourceWithTarget(Path source, Path target) {
        requireDatabase(source);
        requireDatabase(target);
        rollBackHotJournal(source);
        SQLiteConfig config = baseConfig();
        config.enforceForeignKeys(false);
        Connection c = open(readOnlyUri(source), config);
        try (var s = c.createStatement()) {
            s.execute("ATTACH DATABASE " + Sql.literal(target.toAbsolutePath().toString()) + " AS "
                    + SchemaName.NEW.quoted());
            if (TestFaults.newDatabaseMaxPages() > 0) {
                s.executeQuery("PRAGMA " + SchemaName.NEW.quoted() + ".max_page_count = "
                        + TestFaults.newDatabaseMaxPages()).close();
            }
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw MigException.runtime("Cannot attach " + target + ": " + e.getMessage(),
                    "Check that the file is readable and writable.", e);
        }
    }

    /** {@code file:/path?mode=ro} with the path percent-encoded where URI syntax requires it. */
    static String readOnlyUri(Path file) {
        StringBuilder uri = new StringBuilder("file:");
        for (char ch : file.toAbsolutePath().toString().toCharArray()) {
            if (ch == '%' || ch == '?' || ch == '#' || ch == ' ' || ch < 0x20) {
                uri.append(String.format("%%%02X", (int) ch));
            } else {
                uri.append(ch);
            }
        }
        return uri.append("?mode=ro").toString();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Already failing; the first error is the one to report.
        }
    }

    /** A private in-memory database, used to validate declared schemas. */
    public static Connection openMemory() {
        try {
            return baseConfig().createConnection("jdbc:sqlite::memory:");
        } catch (SQLException e) {
            throw new MigException(MigException.Kind.INTERNAL, "cannot open an in-memory SQLite database: "
                    + e.getMessage(), null, e);
        }
    }

    private static SQLiteConfig baseConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(busyTimeoutMs);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        return config;
    }

    private static Connection open(Path file, SQLiteConfig config) {
        return open(file.toAbsolutePath().toString(), config);
    }

    private static Connection open(String fileOrUri, SQLiteConfig config) {
        try {
            return config.createConnection("jdbc:sqlite:" + fileOrUri);
        } catch (SQLException e) {
            throw MigException.runtime("Cannot open " + fileOrUri + ": " + e.getMessage(),
                    "Check that the file is readable and not locked exclusively by another process.", e);
        }
    }
}
