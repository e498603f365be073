package dev.mig.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.MigException;
import dev.mig.schema.FileSettings;
import dev.mig.schema.Schema;
import dev.mig.schema.yaml.SchemaYaml;
import dev.mig.sql.SchemaName;
import dev.mig.sql.SqliteFiles;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state tables of a new database as {@link NewDatabase} creates them and {@link StateStore} reads
 * and advances them: what a database created ready holds, what a migrating one starts with, and each
 * flag a migration sets on its way.
 */
class StateStoreTest {

    private static final Schema SCHEMA = SchemaYaml.load("""
            name: s
            tables:
              users:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  email: {type: TEXT}
                indexes:
                  users_by_email: [email]
            """, "schema.yaml", "s");
    private static final Identity IDENTITY = new Identity("abc123", "deadbeef", "2026-12-07T10:00:00Z", "0.1.0");
    private static final StoredPlan PLAN = new StoredPlan("/data/app.sqlite", "src", "dst", "{\"plan\":1}", "{}", "{}",
            "name: s\n", "2026-12-07T10:00:01Z");

    @TempDir
    Path dir;

    private final StateStore state = new StateStore(SchemaName.MAIN);

    private Path migrating() {
        Path target = dir.resolve("s-migrating.sqlite");
        NewDatabase.create(target, new NewDatabase.Spec(SCHEMA, null, null, NewDatabase.Status.MIGRATING, IDENTITY,
                PLAN, Map.of("users", 42L), 2, List.of("users")));
        return target;
    }

    private Path ready() {
        Path target = dir.resolve("s-ready.sqlite");
        NewDatabase.create(target, new NewDatabase.Spec(SCHEMA, null, null, NewDatabase.Status.READY, IDENTITY,
                null, Map.of(), 1, List.of()));
        return target;
    }

    @Test
    void aDatabaseCreatedReadyHasItsIdentityAndIndexesButNoMigrationTables() throws Exception {
        Path target = ready();
        assertTrue(StateStore.isReady(target));
        try (Connection c = SqliteFiles.openReadOnly(target)) {
            assertEquals(Optional.of(NewDatabase.Status.READY), state.status(c));
            assertEquals(Optional.of(IDENTITY), state.identity(c));
            assertEquals(Optional.empty(), state.plan(c));
            assertEquals(Optional.empty(), state.replay(c));
            assertEquals(List.of(), state.progress(c));
            assertFalse(state.oldWrittenOffline(c));
        }
        try (Db db = Db.open(target)) {
            assertEquals("users_by_email", db.one("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"));
        }
    }

    @Test
    void aMigratingDatabaseStartsWithItsPlanNothingReplayedAndEveryTableToCopy() throws Exception {
        Path target = migrating();
        assertFalse(StateStore.isReady(target));
        try (Connection c = SqliteFiles.openReadOnly(target)) {
            assertEquals(Optional.of(NewDatabase.Status.MIGRATING), state.status(c));
            assertEquals(Optional.of(PLAN), state.plan(c));
            assertEquals(Optional.of(new ReplayState(0, 0, 0, false, false, null, PLAN.createdUtc())), state.replay(c));
            assertEquals(List.of(new TableProgress("users", 42, 0, false, 0, List.of())), state.progress(c));
            assertTrue(state.hasTable(c, "_id_mapping_users"));
            assertFalse(state.hasTable(c, "_id_mapping_orders"));
        }
        try (Db db = Db.open(target)) {
            assertEquals(null, db.one("SELECT name FROM sqlite_schema WHERE name = 'users_by_email'"),
                    "indexes wait until the rows are copied");
        }
    }

    @Test
    void eachPhaseFlagIsSetOnItsOwn() throws Exception {
        try (Connection c = SqliteFiles.openReadWrite(migrating())) {
            state.markCopyComplete(c);
            assertEquals(new ReplayState(0, 0, 0, true, false, null, PLAN.createdUtc()), state.replay(c).orElseThrow());
            state.markDrainComplete(c, 17);
            assertEquals(new ReplayState(0, 0, 0, true, true, 17L, PLAN.createdUtc()), state.replay(c).orElseThrow());
            state.markDrainIncomplete(c);
            assertEquals(new ReplayState(0, 0, 0, true, false, null, PLAN.createdUtc()), state.replay(c).orElseThrow());
        }
    }

    @Test
    void aDrainThatNeverPausedWritesRecordsAZeroPauseNotNone() throws Exception {
        try (Connection c = SqliteFiles.openReadWrite(migrating())) {
            state.markDrainComplete(c, 0);
            assertEquals(0L, state.replay(c).orElseThrow().writePauseMs());
        }
    }

    @Test
    void anOfflineWriteOnceRecordedIsReadBack() throws Exception {
        try (Connection c = SqliteFiles.openReadWrite(migrating())) {
            assertFalse(state.oldWrittenOffline(c));
            state.markOldWrittenOffline(c);
            assertTrue(state.oldWrittenOffline(c));
        }
    }

    @Test
    void aDatabaseMadeBeforeTheOfflineWriteColumnReadsAsNotWritten() throws Exception {
        Path target = migrating();
        try (Db db = Db.open(target)) {
            db.exec("ALTER TABLE _migration_replay DROP COLUMN old_written_offline");
        }
        try (Connection c = SqliteFiles.openReadOnly(target)) {
            assertFalse(state.oldWrittenOffline(c));
        }
    }

    @Test
    void aFlagWhoseStateRowIsMissingIsAnInternalErrorNotASilentNoOp() throws Exception {
        Path target = migrating();
        try (Db db = Db.open(target)) {
            db.exec("DELETE FROM _migration_replay");
        }
        try (Connection c = SqliteFiles.openReadWrite(target)) {
            MigException e = assertThrows(MigException.class, () -> state.markCopyComplete(c));
            assertEquals(MigException.Kind.INTERNAL, e.kind());
            assertEquals(Optional.empty(), state.replay(c));
        }
    }

    @Test
    void historyRowsComeBackInOrderWithAMissingPauseAsNull() throws Exception {
        StateStore.HistoryRow hot = new StateStore.HistoryRow(null, "h1", "t0", "t1", 10, 3, 12L, "0.1.0");
        StateStore.HistoryRow offline = new StateStore.HistoryRow("h1", "h2", "t2", "t3", 20, 0, null, "0.1.1");
        try (Connection c = SqliteFiles.openReadWrite(ready())) {
            assertEquals(List.of(), state.history(c));
            state.appendHistory(c, hot);
            state.appendHistory(c, offline);
            assertEquals(List.of(hot, offline), state.history(c));
        }
    }

    @Test
    void aFileThatIsNotADatabaseOfMigsIsNotReady() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.sqlite"), "not a database");
        assertFalse(StateStore.isReady(text));
        assertFalse(StateStore.isReady(dir.resolve("missing.sqlite")));
        Path plain = dir.resolve("plain.sqlite");
        try (Db db = Db.open(plain)) {
            db.exec("CREATE TABLE t (x)");
        }
        assertFalse(StateStore.isReady(plain));
        try (Connection c = SqliteFiles.openReadOnly(plain)) {
            assertEquals(Optional.empty(), state.status(c));
            assertEquals(Optional.empty(), state.identity(c));
            assertEquals(List.of(), state.history(c));
        }
    }

    @Test
    void aStatusRowThatIsMissingMeansNoStatus() throws Exception {
        Path target = ready();
        try (Db db = Db.open(target)) {
            db.exec("DELETE FROM _migration_status;\nDELETE FROM _schema_identity");
        }
        assertFalse(StateStore.isReady(target));
        try (Connection c = SqliteFiles.openReadOnly(target)) {
            assertEquals(Optional.empty(), state.status(c));
            assertEquals(Optional.empty(), state.identity(c));
        }
    }

    @Test
    void fileSettingsOfTheOldDatabaseAreCarriedIntoTheNewFile() throws Exception {
        Path target = dir.resolve("s-settings.sqlite");
        NewDatabase.create(target, new NewDatabase.Spec(SCHEMA, new FileSettings(7, 99, 8192, "wal", "UTF-8", 2),
                null, NewDatabase.Status.READY, IDENTITY, null, Map.of(), 1, List.of()));
        try (Db db = Db.open(target)) {
            assertEquals(List.of("7|99|8192|wal|2"), db.rows("SELECT (SELECT user_version FROM pragma_user_version), "
                    + "(SELECT application_id FROM pragma_application_id), (SELECT page_size FROM pragma_page_size), "
                    + "(SELECT journal_mode FROM pragma_journal_mode), (SELECT auto_vacuum FROM pragma_auto_vacuum)"));
        }
        assertFalse(Files.exists(NewDatabase.creatingFile(target)));
    }

    @Test
    void theReplayCheckpointAdvancesBatchByBatch() throws Exception {
        try (Connection c = SqliteFiles.openReadWrite(migrating())) {
            assertEquals(0, state.replayCheckpoint(c));
            state.advanceReplay(c, 40, 40, 5);
            state.advanceReplay(c, 55, 15, 2);
            assertEquals(55, state.replayCheckpoint(c));
            assertEquals(new ReplayState(55, 55, 7, false, false, null, PLAN.createdUtc()), state.replay(c).orElseThrow());
        }
    }

    @Test
    void markingReadyDropsEveryTableOnlyAMigrationNeedsAndKeepsHistory() throws Exception {
        Path target = migrating();
        try (Connection c = SqliteFiles.openReadWrite(target)) {
            state.markReady(c, List.of("users"));
        }
        assertTrue(StateStore.isReady(target));
        try (Db db = Db.open(target)) {
            assertEquals(List.of("_migration_history", "_migration_status", "_schema_identity", "users"),
                    db.rows("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"));
        }
    }

    @Test
    void historyIsCarriedFromTheOldDatabaseOnceWhateverTheReruns() throws Exception {
        Path old = ready();
        StateStore.HistoryRow earlier = new StateStore.HistoryRow(null, "h0", "t0", "t1", 1, 0, null, "0.0.9");
        try (Connection c = SqliteFiles.openReadWrite(old)) {
            state.appendHistory(c, earlier);
        }
        Path target = migrating();
        try (Connection pair = SqliteFiles.openSourceWithTarget(old, target)) {
            StateStore newDb = new StateStore(SchemaName.NEW);
            newDb.carryHistory(pair, SchemaName.OLD);
            newDb.carryHistory(pair, SchemaName.OLD);
            assertEquals(List.of(earlier), newDb.history(pair));
        }
    }

    @Test
    void anOldDatabaseWithoutHistoryCarriesNone() throws Exception {
        Path old = dir.resolve("plain.sqlite");
        try (Db db = Db.open(old)) {
            db.exec("CREATE TABLE t (x)");
        }
        try (Connection pair = SqliteFiles.openSourceWithTarget(old, migrating())) {
            StateStore newDb = new StateStore(SchemaName.NEW);
            newDb.carryHistory(pair, SchemaName.OLD);
            assertEquals(List.of(), newDb.history(pair));
        }
    }

    @Test
    void aStatusTableOfAnotherShapeIsNotReady() throws Exception {
        Path odd = dir.resolve("odd.sqlite");
        try (Db db = Db.open(odd)) {
            db.exec("CREATE TABLE _migration_status (id INTEGER PRIMARY KEY, state TEXT);\n"
                    + "INSERT INTO _migration_status VALUES (0, 'ready')");
        }
        assertFalse(StateStore.isReady(odd));
    }
}
