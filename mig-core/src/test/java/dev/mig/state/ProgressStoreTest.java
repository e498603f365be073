package dev.mig.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mig.schema.Schema;
import dev.mig.schema.yaml.SchemaYaml;
import dev.mig.sql.SchemaName;
import dev.mig.sql.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy cursors: registered once per table, advanced chunk by chunk, read back with their types. */
class ProgressStoreTest {

    @TempDir
    Path dir;

    private final ProgressStore progress = new ProgressStore(SchemaName.MAIN);
    private Connection c;

    @BeforeEach
    void migratingDatabase() throws Exception {
        Schema schema = SchemaYaml.load("name: p\ntables:\n  t: {columns: {a: {type: TEXT}, b: {type: INTEGER}}, "
                + "primaryKey: [a, b]}\n  u: {columns: {id: {type: INTEGER, primaryKey: true}}}\n", "schema.yaml", "p");
        Path target = dir.resolve("p.sqlite");
        java.util.LinkedHashMap<String, Long> tables = new java.util.LinkedHashMap<>();
        tables.put("u", 5L);
        tables.put("t", 3L);
        NewDatabase.create(target, new NewDatabase.Spec(schema, null, null, NewDatabase.Status.MIGRATING,
                new Identity("h", null, "now", "dev"), new StoredPlan("/a", null, "h", "{}", "{}", "{}", null, "now"),
                tables, 2, List.of()));
        c = SqliteFiles.openReadWrite(target);
    }

    @org.junit.jupiter.api.AfterEach
    void close() throws Exception {
        c.close();
    }

    @Test
    void aTableIsRegisteredOnceWithItsFirstRowCount() throws Exception {
        progress.register(c, "u", 999);
        assertEquals(5, progress.load(c, "u", 1).orElseThrow().rowsTotal());
        assertEquals(Optional.empty(), progress.load(c, "missing", 1));
    }

    @Test
    void advancingAddsRowsAndTimeAndMovesTheCompositeCursor() throws Exception {
        progress.advance(c, "t", List.of("shop 1", 20), 2, 30);
        progress.advance(c, "t", List.of("shop 2", 7), 1, 12);
        assertEquals(new TableProgress("t", 3, 3, false, 42, List.of("shop 2", 7)),
                progress.load(c, "t", 2).orElseThrow());
    }

    @Test
    void aCursorKeepsTheTypeOfTheKeyValues() throws Exception {
        progress.advance(c, "t", List.of("10", 10), 1, 0);
        List<Object> cursor = progress.load(c, "t", 2).orElseThrow().cursor();
        assertEquals(List.of("10", 10), cursor);
    }

    @Test
    void markingDoneTouchesOnlyThatTable() throws Exception {
        progress.markDone(c, "t");
        assertEquals(List.of(new TableProgress("u", 5, 0, false, 0, List.of()),
                new TableProgress("t", 3, 0, true, 0, List.of())), progress.all(c));
    }

    @Test
    void advancingOneTableLeavesTheOthersAlone() throws Exception {
        progress.advance(c, "u", List.of(5), 5, 1);
        assertEquals(new TableProgress("t", 3, 0, false, 0, List.of()), progress.load(c, "t", 2).orElseThrow());
        assertEquals(new TableProgress("u", 5, 5, false, 1, List.of(5)), progress.load(c, "u", 1).orElseThrow());
    }
}
