package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.MigException;
import dev.mig.api.Project;
import dev.mig.api.VerifyResult;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VACUUM of the old database during a migration renumbers the rowids of tables without INTEGER PRIMARY
 * KEY and without indexes, unseen by any trigger: mig names that cause instead of reporting differences.
 */
class VacuumDuringMigrationTest {

    static final String V1 = """
            name: v
            tables:
              events:
                columns:
                  msg: {type: TEXT}
              tags:
                columns:
                  name: {type: TEXT, primaryKey: true}
                  v: {type: TEXT}
            """;

    static final String V2 = V1.replace("      msg: {type: TEXT}\n", "      msg: {type: TEXT}\n      level: {type: INTEGER}\n");

    @TempDir
    Path base;

    private HotProject migrated(String v1, String v2) throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), v1, "WAL");
        try (Db db = p.open()) {
            db.exec("INSERT INTO events (msg) VALUES ('a'), ('b'), ('c'), ('d');\n"
                    + "INSERT INTO tags VALUES ('red', '1'), ('green', '2'), ('blue', '3')");
        }
        p.migrate(v2);
        return p;
    }

    @Test
    void aVacuumThatRenumberedATableKeyedByRowidIsNamedAsTheCause() throws Exception {
        HotProject p = migrated(V1, V2);
        try (Db db = p.open()) {
            db.exec("DELETE FROM events WHERE msg = 'b';\nVACUUM");
            assertEquals(List.of("1|a", "2|c", "3|d"), db.rows("SELECT rowid, msg FROM events ORDER BY rowid"));
        }
        for (Runnable command : List.<Runnable>of(() -> Mig.verify(Project.at(p.dir, null)), p::drain)) {
            MigException e = assertThrows(MigException.class, command::run);
            assertEquals(MigException.Kind.REFUSED, e.kind());
            assertTrue(e.getMessage().startsWith("The old database was VACUUMed during the migration.")
                    && e.getMessage().contains("(here: events)"), e.getMessage());
            assertTrue(e.hint().startsWith("Run 'mig reset', then 'mig migrate' again"), e.hint());
        }
    }

    @Test
    void aVacuumThatRenumberedNoCapturedTableChangesNothing() throws Exception {
        String indexed = V1.replace("      msg: {type: TEXT}\n", "      msg: {type: TEXT, unique: true}\n");
        HotProject p = migrated(indexed, indexed.replace("      v: {type: TEXT}\n", "      v: {type: TEXT}\n      w: {type: TEXT}\n"));
        try (Db db = p.open()) {
            db.exec("DELETE FROM events WHERE msg = 'b';\nDELETE FROM tags WHERE name = 'red';\nVACUUM");
            assertEquals(List.of("1|a", "3|c", "4|d"), db.rows("SELECT rowid, msg FROM events ORDER BY rowid"));
        }
        VerifyResult r = Mig.verify(Project.at(p.dir, null));
        assertTrue(r.equal(), r.toString());
        p.drain();
        p.cutover();
    }

    /** Migrates V1 to V2, runs {@code sql} on the old database, then drains and cuts over; returns the new database. */
    private Path cutOverAfter(String sql) throws Exception {
        HotProject p = migrated(V1, V2);
        try (Db db = p.open()) {
            db.exec(sql);
        }
        p.drain();
        p.cutover();
        return p.newDb();
    }

    @Test
    void aTableKeyedByRowidThatNoVacuumTouchedDrainsAndCutsOver() throws Exception {
        Path newDb = cutOverAfter("DELETE FROM events WHERE msg = 'b';\nINSERT INTO events (msg) VALUES ('e')");
        try (Db n = Db.open(newDb)) {
            assertEquals(List.of("1|a", "3|c", "4|d", "5|e"), n.rows("SELECT rowid, msg FROM events ORDER BY rowid"));
        }
    }

    /** A capture installed by an mig before the VACUUM probe has none: nothing can be told, nothing is refused. */
    @Test
    void aCaptureWithoutTheVacuumProbeIsNotTakenForAVacuum() throws Exception {
        Path newDb = cutOverAfter("DROP TABLE _migration_vacuum_probe;\nINSERT INTO events (msg) VALUES ('e')");
        try (Db n = Db.open(newDb)) {
            assertEquals(5, n.count("SELECT count(*) FROM events"));
        }
    }
}
