package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mig.Mig;
import dev.mig.api.ArchiveResult;
import dev.mig.api.MigException;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.api.VerifyResult;
import dev.mig.common.Json;
import dev.mig.sql.SqliteFiles;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mig status at each phase (JSON keys), mig verify, and mig archive-old. */
class StatusVerifyArchiveTest {

    static final String V1 = """
            name: sv
            tables:
              items:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  label: {type: TEXT, nullable: false}
                  qty: {type: INTEGER}
            """;

    static final String V2 = """
            name: sv
            tables:
              items:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  name: {type: TEXT, nullable: false, renamedFrom: label}
                  qty: {type: INTEGER}
                  doubled: {type: INTEGER, from: "qty * 2"}
            """;

    @TempDir
    Path base;

    private HotProject project(String journalMode, int rows) throws Exception {
        return items(base, journalMode, rows);
    }

    /** A project at V1 in {@code base/app} whose items table holds {@code rows} rows. */
    static HotProject items(Path base, String journalMode, int rows) throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), V1, journalMode);
        try (Db db = p.open()) {
            db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows + ") "
                    + "INSERT INTO items SELECT i, 'item ' || i, i % 7 FROM n");
        }
        return p;
    }

    private static JsonNode status(Path dir) throws Exception {
        return new ObjectMapper().readTree(Json.write(Mig.status(Project.at(dir, null))));
    }

    @Test
    void statusJsonAtEachPhase() throws Exception {
        HotProject p = project("WAL", 20_000);
        Path none = Files.createDirectory(base.resolve("empty"));
        assertEquals("none", status(none).get("phase").asText());

        HotProject.declare(p.dir, V2);
        try (ChildJvm child = ChildJvm.start(base.resolve("child.err"), "migrate-halt", p.dir.toString(), "2")) {
            assertEquals(137, child.waitFor(), "the copy was halted after two chunks");
        }
        JsonNode copying = status(p.dir);
        assertEquals("copying", copying.get("phase").asText());
        assertFalse(copying.get("replay").get("copyComplete").asBoolean());
        assertTrue(copying.get("copy").get(0).get("rowsCopied").asLong() > 0);
        assertTrue(copying.get("copy").get(0).get("percent").asDouble() < 100.0);

        p.migrate(Progress.NONE);
        try (Db db = p.open()) {
            db.exec("UPDATE items SET qty = 99 WHERE id <= 10");
        }
        JsonNode recording = status(p.dir);
        assertEquals("recording", recording.get("phase").asText());
        assertEquals("recording", recording.get("oldDatabase").get("marker").asText());
        assertEquals(10, recording.get("replay").get("pending").asLong());
        assertEquals("migrating", recording.get("newDatabase").get("status").asText());
        assertFalse(recording.get("schemaYamlChanged").asBoolean());
        for (String key : List.of("path", "exists", "marker", "logEntries")) {
            assertTrue(recording.get("oldDatabase").has(key), key);
        }
        for (String key : List.of("copyComplete", "checkpoint", "pending", "entriesReplayed", "entriesPerSecond",
                "predictedPauseMs", "drainComplete", "writePauseMs")) {
            assertTrue(recording.get("replay").has(key), key);
        }

        HotProject.declare(p.dir, V2.replace("doubled", "tripled"));
        assertTrue(status(p.dir).get("schemaYamlChanged").asBoolean(), "schema.yaml no longer matches the plan");
        HotProject.declare(p.dir, V2);

        p.drain();
        JsonNode drained = status(p.dir);
        assertEquals("drained", drained.get("phase").asText());
        assertEquals("draining", drained.get("oldDatabase").get("marker").asText());
        assertTrue(drained.get("replay").get("drainComplete").asBoolean());
        assertNotNull(drained.get("replay").get("writePauseMs").numberValue());

        p.cutover();
        JsonNode ready = status(p.dir);
        assertEquals("ready", ready.get("phase").asText());
        assertEquals("ready", ready.get("newDatabase").get("status").asText());
        assertEquals(1, ready.get("history").size());
        JsonNode history = ready.get("history").get(0);
        assertEquals(20_000, history.get("rowsCopied").asLong());
        assertEquals(10, history.get("entriesReplayed").asLong());
        assertEquals(drained.get("replay").get("writePauseMs").asLong(), history.get("writePauseMs").asLong());
        assertFalse(history.get("writePauseMs").isNull(), "a hot migration paused writes");
    }

    @Test
    void anOfflineMigrationsHistoryRecordsNoWritePause() throws Exception {
        HotProject p = project("WAL", 100);
        HotProject.declare(p.dir, V2);
        Mig.migrate(HotProject.project(p.dir), true, Progress.NONE);
        JsonNode history = status(p.dir).get("history").get(0);
        assertEquals(100, history.get("rowsCopied").asLong());
        assertEquals(0, history.get("entriesReplayed").asLong());
        assertTrue(history.get("writePauseMs").isNull(), "offline, writes were never paused: " + history);
    }

    @Test
    void verifyFindsTheNewDatabaseEqualWhileTheApplicationWrites() throws Exception {
        HotProject p = project("WAL", 2_000);
        p.migrate(V2);
        try (Db db = p.open()) {
            db.exec("UPDATE items SET qty = qty + 1 WHERE id % 3 = 0;\nDELETE FROM items WHERE id > 1990;\n"
                    + "INSERT INTO items (label, qty) VALUES ('new', 5)");
        }
        VerifyResult r = Mig.verify(Project.at(p.dir, null));
        assertTrue(r.equal(), r.toString());
        assertEquals(2_000 - 10 + 1, r.tables().get(0).newRows());
    }

    @Test
    void verifyDetectsADeliberatelyCorruptedRowAndNamesIt() throws Exception {
        HotProject p = project("WAL", 500);
        p.migrate(V2);
        try (Connection c = SqliteFiles.openReadWrite(p.newDb()); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE items SET name = 'tampered' WHERE id = 42");
        }
        VerifyResult r = Mig.verify(Project.at(p.dir, null));
        assertFalse(r.equal());
        assertEquals(List.of("42|'item 42'|0|0"), r.tables().get(0).oldOnly());
        assertEquals(List.of("42|'tampered'|0|0"), r.tables().get(0).newOnly());
    }

    @Test
    void verifyRefusesWhileARollbackJournalSourceRecordsWrites() throws Exception {
        HotProject p = project("DELETE", 100);
        p.migrate(V2);
        MigException e = assertThrows(MigException.class, () -> Mig.verify(Project.at(p.dir, null)));
        assertEquals(MigException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("journal mode"), e.getMessage());
        p.drain(); // in rollback-journal mode drain skips its own verify; writes are paused afterwards
        assertTrue(Mig.verify(Project.at(p.dir, null)).equal());
    }

    @Test
    void archiveOldRemovesCaptureAfterCutoverAndIsIdempotent() throws Exception {
        HotProject p = project("WAL", 100);
        p.migrate(V2);
        MigException early = assertThrows(MigException.class, () -> Mig.archiveOld(Project.at(p.dir, null), false));
        assertEquals(MigException.Kind.REFUSED, early.kind());
        p.drain();
        p.cutover();
        ArchiveResult r = Mig.archiveOld(Project.at(p.dir, null), false);
        assertEquals(1, r.actions().size());
        try (Db db = p.open()) {
            assertEquals(0, db.count("SELECT count(*) FROM sqlite_schema WHERE name LIKE '\\_mig\\_%' ESCAPE '\\' "
                    + "OR name IN ('_migration_marker', '_migration_log')"));
            assertEquals(100, db.count("SELECT count(*) FROM items"));
        }
        assertEquals(List.of(), Mig.archiveOld(Project.at(p.dir, null), false).actions());
    }

    @Test
    void archiveOldMoveKeepsTheOldFileWholeInArchive() throws Exception {
        HotProject p = project("WAL", 100);
        p.migrateAll(V2);
        Mig.archiveOld(Project.at(p.dir, null), true);
        Path archived = p.dir.resolve("archive").resolve(p.oldDb.getFileName());
        assertFalse(Files.exists(p.oldDb));
        assertTrue(Files.exists(archived));
        assertEquals("100", Rows.one(archived, "SELECT count(*) FROM items"));
        assertNull(Mig.status(Project.at(p.dir, null)).oldDatabase());
    }

    @Test
    void archiveOldMoveWithSourceNamingAFileItFindsAnywayMovesItOnce() throws Exception {
        HotProject p = project("WAL", 100);
        p.migrateAll(V2);

        ArchiveResult r = Mig.archiveOld(Project.at(p.dir, p.oldDb), true);

        assertEquals(1, r.actions().size(), r.actions().toString());
        assertFalse(Files.exists(p.oldDb), "moved, and not recreated empty by a second pass");
        assertTrue(Files.exists(p.dir.resolve("archive").resolve(p.oldDb.getFileName())));
    }

    @Test
    void archiveOldMoveThroughASymlinkedDirectoryMovesTheNamedFileOnce() throws Exception {
        HotProject p = project("WAL", 100);
        p.migrateAll(V2);
        Path link = Files.createSymbolicLink(p.dir.resolveSibling("link"), p.dir);

        ArchiveResult r = Mig.archiveOld(Project.at(link, p.oldDb), true);

        assertEquals(1, r.actions().size(), r.actions().toString());
        assertFalse(Files.exists(p.oldDb), "moved, and not recreated empty by a second pass");
    }
}
