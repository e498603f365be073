package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.MigException;
import dev.mig.api.Project;
import dev.mig.api.ResetResult;
import dev.mig.testing.Db;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reset undoes a migration that has not been cut over, leaving the old database exactly as it was. */
class ResetTest {

    static final String SCHEMA = "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name";
    static final String[] DATA = {"SELECT * FROM customers ORDER BY id", "SELECT * FROM orders ORDER BY id",
            "SELECT * FROM tags ORDER BY id"};

    @TempDir
    Path dir;
    HotProject p;
    List<String> schemaBefore;
    List<List<String>> dataBefore;
    Path target;

    @BeforeEach
    void migratedWithLoggedWrites() throws Exception {
        p = HotProject.bootstrap(dir, Shop.V1, "WAL");
        try (Db db = p.open()) {
            Shop.fill(db, 50, 500);
        }
        schemaBefore = Rows.plain(p.oldDb, SCHEMA);
        dataBefore = data();
        p.migrate(Shop.V2);
        target = p.newDb();
        try (Db db = p.open()) { // the application's writes stay: reset removes only mig's objects
            db.exec("UPDATE customers SET name = 'x' WHERE id = 1;\nDELETE FROM orders WHERE id = 2");
        }
        dataBefore = data();
        assertTrue(Long.parseLong(Rows.one(p.oldDb, "SELECT count(*) FROM _migration_log")) > 0);
    }

    @Test
    void resetLeavesTheOldDatabaseAsBeforeMigrate() throws IOException {
        ResetResult r = Mig.reset(Project.at(dir, null), false);
        assertFalse(r.nothingToDo());
        assertEquals(schemaBefore, Rows.plain(p.oldDb, SCHEMA));
        assertEquals(dataBefore, data());
        assertEquals(List.of(), sqliteFiles().stream().filter(n -> n.startsWith(target.getFileName().toString())).toList(),
                "the new database and its -wal/-shm are gone");
        assertTrue(Files.exists(p.oldDb));
    }

    @Test
    void dryRunChangesNothing() throws IOException {
        List<String> schemaMigrating = Rows.plain(p.oldDb, SCHEMA);
        List<String> files = databases();
        ResetResult r = Mig.reset(Project.at(dir, null), true);
        assertTrue(r.dryRun());
        assertFalse(r.actions().isEmpty());
        assertEquals(schemaMigrating, Rows.plain(p.oldDb, SCHEMA));
        assertEquals(files, databases());
        assertEquals("migrating", Rows.one(target, "SELECT status FROM _migration_status"));
    }

    @Test
    void resetIsRefusedOnceCutoverMadeTheNewDatabaseReady() throws IOException {
        p.drain();
        p.cutover();
        List<String> schemaOld = Rows.plain(p.oldDb, SCHEMA);
        List<String> files = databases();
        List<String> newData = Rows.plain(target, "SELECT * FROM customers ORDER BY id");
        MigException e = assertThrows(MigException.class, () -> Mig.reset(Project.at(dir, null), false));
        assertEquals(MigException.Kind.REFUSED, e.kind());
        assertEquals(schemaOld, Rows.plain(p.oldDb, SCHEMA));
        assertEquals(files, databases());
        assertEquals(newData, Rows.plain(target, "SELECT * FROM customers ORDER BY id"));
    }

    private List<List<String>> data() {
        List<List<String>> out = new ArrayList<>();
        for (String sql : DATA) {
            out.add(Rows.typed(p.oldDb, sql));
        }
        return out;
    }

    /** The database files in the directory, without sidecars (read-only connections may leave -wal/-shm). */
    private List<String> databases() throws IOException {
        return sqliteFiles().stream().filter(n -> n.endsWith(".sqlite")).toList();
    }

    /** Database files in the directory, sidecars (-wal, -shm, -journal) included. */
    private List<String> sqliteFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.contains(".sqlite")).sorted().toList();
        }
    }
}
