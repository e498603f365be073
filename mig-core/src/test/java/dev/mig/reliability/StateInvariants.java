package dev.mig.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.hot.Rows;
import dev.mig.sql.SqliteFiles;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What must hold after mig dies at any point: the states the protocol can be in (specs/hot-migration.md,
 * Phases), never a mixture. Checked on the files alone, as the next mig run would find them.
 */
final class StateInvariants {

    private StateInvariants() {
    }

    /** Fails with {@code where} if the old and new database are in a state the protocol never produces. */
    static void assertPossible(Path oldDb, Path newDb, String where) {
        Path archived = oldDb.resolveSibling("archive").resolve(oldDb.getFileName());
        if (!Files.exists(oldDb) && Files.exists(archived)) {
            oldDb = archived; // archive-old --move finished: the old database is checked where it went
        }
        rollBackHotJournal(oldDb); // the application's next write would do it anyway
        newDb = rolledBackView(newDb); // mig's next run must cope with the hot journal itself
        assertEquals(List.of("ok"), Rows.plain(oldDb, "PRAGMA integrity_check"), where + ": old integrity");
        String marker = marker(oldDb);
        long triggers = count(oldDb, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '\\_mig\\_%' ESCAPE '\\'");
        boolean log = count(oldDb, "SELECT count(*) FROM sqlite_schema WHERE name = '_migration_log'") == 1;
        // Capture is installed and removed in one transaction: all of it or none of it.
        if (marker == null) {
            assertEquals(0, triggers, where + ": capture triggers without a marker");
            assertTrue(!log, where + ": a change log without a marker");
        } else {
            assertTrue(triggers > 0 && log, where + ": a marker without its triggers or log");
            assertTrue(Files.exists(newDb), where + ": the old database records writes for a new database that is gone");
        }
        if (!Files.exists(newDb)) {
            return;
        }
        assertTrue(SqliteFiles.looksLikeSqlite(newDb), where + ": the new database is not a whole SQLite file");
        assertEquals(List.of("ok"), Rows.plain(newDb, "PRAGMA integrity_check"), where + ": new integrity");
        String status = Rows.one(newDb, "SELECT status FROM _migration_status");
        if ("ready".equals(status)) {
            assertReady(oldDb, newDb, marker, where);
        } else {
            assertEquals("migrating", status, where + ": new status");
            assertMigrating(oldDb, newDb, marker, where);
        }
    }

    /**
     * A rollback-journal file killed mid-transaction has a hot journal that read-only connections cannot
     * roll back; the next read-write reader (the application, or mig) does. So does this check.
     */
    private static void rollBackHotJournal(Path db) {
        if (Files.exists(Path.of(db + "-journal"))) {
            try (Db c = Db.open(db)) {
                c.one("SELECT count(*) FROM sqlite_schema");
            }
        }
    }

    /** A copy of {@code db} with its hot journal rolled back, or {@code db} itself when there is none. */
    private static Path rolledBackView(Path db) {
        Path journal = Path.of(db + "-journal");
        if (!Files.exists(journal)) {
            return db;
        }
        try {
            Path dir = Files.createTempDirectory(db.getParent().getParent(), "view");
            Path copy = dir.resolve(db.getFileName());
            Files.copy(db, copy);
            Files.copy(journal, Path.of(copy + "-journal"));
            rollBackHotJournal(copy);
            return copy;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertReady(Path oldDb, Path newDb, String marker, String where) {
        assertEquals(1, count(newDb, "SELECT count(*) FROM _migration_history"), where + ": ready without history");
        assertEquals(0, count(newDb, "SELECT count(*) FROM sqlite_schema WHERE name IN ('_migration_plan', "
                + "'_migration_progress', '_migration_replay') OR name LIKE '\\_id\\_mapping%' ESCAPE '\\'"), where + ": ready with replay tables");
        assertTrue(marker == null || marker.equals("draining"), where + ": ready while the old database says " + marker);
    }

    private static void assertMigrating(Path oldDb, Path newDb, String marker, String where) {
        boolean copyComplete = count(newDb, "SELECT copy_complete FROM _migration_replay") == 1;
        boolean drainComplete = count(newDb, "SELECT drain_complete FROM _migration_replay") == 1;
        long undone = count(newDb, "SELECT count(*) FROM _migration_progress WHERE done = 0");
        if (copyComplete) {
            assertEquals(0, undone, where + ": copy complete with tables not done");
        }
        if ("draining".equals(marker)) {
            assertTrue(copyComplete, where + ": writes paused before the copy completed");
        }
        if (drainComplete) {
            assertEquals("draining", marker, where + ": drain complete while writes are still accepted");
            long lastSeq = count(newDb, "SELECT last_seq FROM _migration_replay");
            assertTrue(count(oldDb, "SELECT coalesce(max(seq), 0) FROM _migration_log") <= lastSeq,
                    where + ": drain complete with log entries not replayed");
        }
    }

    private static String marker(Path oldDb) {
        if (count(oldDb, "SELECT count(*) FROM sqlite_schema WHERE name = '_migration_marker'") == 0) {
            return null;
        }
        return Rows.one(oldDb, "SELECT status FROM _migration_marker");
    }

    /** The old database's schema, every object and its SQL: what reset must restore exactly. */
    static List<String> schemaOf(Path db) {
        return Rows.plain(db, "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name");
    }

    /** mig left nothing of its capture in the old database: its schema is what it was before migrate. */
    static void assertNoCapture(Path oldDb, List<String> schemaBefore, String where) {
        assertEquals(schemaBefore, schemaOf(oldDb), where + ": the old database's schema after mig cleaned up");
    }

    static long count(Path db, String sql) {
        return Long.parseLong(Rows.one(db, sql));
    }
}
