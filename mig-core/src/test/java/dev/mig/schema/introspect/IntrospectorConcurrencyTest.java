package dev.mig.schema.introspect;

import static dev.mig.schema.introspect.IntrospectorFixtures.database;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.schema.Table;
import dev.mig.sql.SchemaName;
import dev.mig.sql.Sql;
import dev.mig.sql.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * Introspection runs against the application's live database: it must never make a writer wait and
 * never leave a lock behind. Writers here have no busy timeout, so any lock they meet fails them at once.
 */
class IntrospectorConcurrencyTest {

    @TempDir
    Path dir;

    /** A connection that reports SQLITE_BUSY immediately instead of waiting for a lock. */
    private static Connection impatient(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(0);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** Inserts one row per IMMEDIATE transaction until stopped; remembers the first failure. */
    private static final class Writer implements Runnable {
        final AtomicLong commits = new AtomicLong();
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final Path file;

        Writer(Path file) {
            this.file = file;
        }

        @Override
        public void run() {
            try (Connection c = impatient(file); Statement st = c.createStatement()) {
                while (!stop.get()) {
                    st.execute("BEGIN IMMEDIATE");
                    st.execute("INSERT INTO events(v) VALUES ('x')");
                    st.execute("COMMIT");
                    commits.incrementAndGet();
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }
    }

    @Test
    void writerKeepsCommittingWhileIntrospectionRepeats() throws Exception {
        Path file = database(dir, "live.sqlite", "PRAGMA journal_mode = WAL;"
                + " CREATE TABLE events(id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX events_v ON events(v);");
        Writer writer = new Writer(file);
        Thread thread = new Thread(writer, "writer");
        thread.start();
        // The application is up before mig looks: its first commit has set up the WAL index. (Opening a
        // WAL file that no connection has open runs recovery, which any other opener may meet as BUSY.)
        while (writer.commits.get() == 0 && writer.failure.get() == null) {
            Thread.onSpinWait();
        }
        long before = writer.commits.get();
        int reads = 0;
        try {
            while ((reads < 25 || writer.commits.get() < before + 200) && writer.failure.get() == null
                    && reads < 1_000_000) {
                LiveDatabase db = Introspector.read(file);
                assertEquals(List.of("events"), db.schema().tables().stream().map(Table::name).toList());
                reads++;
            }
        } finally {
            writer.stop.set(true);
            thread.join();
        }

        assertNull(writer.failure.get());
        assertTrue(writer.commits.get() >= before + 200, "writer commits: " + writer.commits.get());
    }

    @Test
    void noLockIsLeftBehindInRollbackJournalMode() throws SQLException {
        Path file = database(dir, "db.sqlite", "PRAGMA journal_mode = DELETE; CREATE TABLE t(a);");

        Introspector.read(file);

        assertWriterGetsAnExclusiveLock(file);
    }

    @Test
    void noLockIsLeftBehindInWalMode() throws SQLException {
        Path file = database(dir, "db.sqlite", "PRAGMA journal_mode = WAL; CREATE TABLE t(a);");

        Introspector.read(file);

        try (Connection w = impatient(file); Statement st = w.createStatement()) {
            assertDoesNotThrow(() -> st.execute("BEGIN IMMEDIATE"));
            st.execute("INSERT INTO t VALUES (1)");
            st.execute("COMMIT");
        }
    }

    @Test
    void readingAnAttachedDatabaseEndsItsReadTransaction() throws SQLException {
        Path file = database(dir, "db.sqlite", "PRAGMA journal_mode = DELETE; CREATE TABLE t(a);");
        try (Connection c = SqliteFiles.openMemory(); Statement st = c.createStatement()) {
            st.execute("ATTACH DATABASE " + Sql.literal(file.toString()) + " AS " + SchemaName.NEW.quoted());

            Introspector.read(c, SchemaName.NEW, file);

            assertWriterGetsAnExclusiveLock(file);
        }
    }

    /** EXCLUSIVE needs every other connection's SHARED lock to be gone. */
    private static void assertWriterGetsAnExclusiveLock(Path file) throws SQLException {
        try (Connection w = impatient(file); Statement st = w.createStatement()) {
            assertDoesNotThrow(() -> st.execute("BEGIN EXCLUSIVE"));
            st.execute("INSERT INTO t VALUES (1)");
            st.execute("COMMIT");
        }
    }
}
