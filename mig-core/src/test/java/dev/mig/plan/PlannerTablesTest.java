package dev.mig.plan;

import static dev.mig.plan.Fx.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.mig.api.plan.Difference;
import dev.mig.api.plan.DroppedTable;
import dev.mig.api.plan.MigrationPlan;
import dev.mig.api.plan.Risk;
import dev.mig.api.plan.TablePlan;
import dev.mig.schema.Schema;
import dev.mig.schema.SchemaHash;
import dev.mig.schema.Table;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTablesTest {
    @TempDir
    Path dir;

    private static Table users() {
        return table("users").cols(col("id", "INTEGER"), col("name", "TEXT")).pk("id").build();
    }

    @Test
    void identicalSchemaHasNoChanges() throws Exception {
        Schema s = schema(users());
        MigrationPlan p = plan(s, s, dir, "INSERT INTO users VALUES (1, 'a'), (2, 'b')");
        assertEquals(List.of(), p.blockers());
        assertTrue(p.noChanges());
        assertTrue(p.canMigrate());
        assertEquals(List.of(), p.differences());
        assertEquals(TablePlan.Action.KEEP, p.table("users").action());
        assertEquals(2, p.totalRows());
        assertEquals(SchemaHash.of(s), p.sourceHash());
    }

    @Test
    void renamedTableCopiesFromItsLiveName() throws Exception {
        Schema live = schema(table("people").cols(col("id", "INTEGER"), col("name", "TEXT")).pk("id").build());
        Schema declared = schema(table("users").cols(col("id", "INTEGER"), col("name", "TEXT")).pk("id")
                .renamedFrom("people").build());
        MigrationPlan p = plan(declared, live, dir, "INSERT INTO people VALUES (1, 'a')");
        TablePlan t = p.table("users");
        assertEquals("people", t.sourceTable());
        assertEquals(TablePlan.Action.RENAME, t.action());
        assertEquals(1, t.rowCount());
        assertEquals(List.of(new Difference(Difference.Kind.TABLE_RENAMED, "users", "table people renamed to users")),
                p.differences());
        assertTrue(p.canMigrate());
        assertFalse(p.noChanges());
    }

    @Test
    void renamedFromMissingTableBlocks() throws Exception {
        Schema live = schema(users());
        Schema declared = schema(users(), table("orders").cols(col("id", "INTEGER")).renamedFrom("ordrs").build());
        MigrationPlan p = plan(declared, live, dir);
        assertEquals(List.of("table orders is declared with renamedFrom: ordrs, but the live database has no table "
                + "ordrs: fix the name in renamedFrom, or remove it to create orders empty"), blockerMessages(p));
    }

    @Test
    void renamedFromWithBothTablesLiveIsAmbiguous() throws Exception {
        Schema live = schema(users(), table("people").cols(col("id", "INTEGER")).build());
        Schema declared = schema(table("users").cols(col("id", "INTEGER"), col("name", "TEXT")).pk("id")
                .renamedFrom("people").build());
        MigrationPlan p = plan(declared, live, dir);
        assertEquals(List.of("table users is declared with renamedFrom: people, but the live database has both users "
                + "and people: mig will not guess which one holds the rows; remove renamedFrom to keep the live users "
                + "(and declare or drop people), or rename the declared table"), blockerMessages(p));
    }

    @Test
    void liveTableClaimedTwiceBlocks() throws Exception {
        Schema live = schema(users());
        Schema declared = schema(users(), table("members").cols(col("id", "INTEGER"), col("name", "TEXT")).pk("id")
                .renamedFrom("users").build());
        MigrationPlan p = plan(declared, live, dir);
        assertEquals(List.of("live table users is claimed by the declared tables users and members (by name or "
                + "renamedFrom): a live table can become only one declared table; keep the name or renamedFrom in "
                + "one of them"), blockerMessages(p));
    }

    @Test
    void undeclaredLiveTableBlocksWithItsRowCount() throws Exception {
        Schema live = schema(users(), table("audit").cols(col("msg", "TEXT")).build());
        MigrationPlan p = plan(schema(users()), live, dir, "INSERT INTO audit VALUES ('x'), ('y'), ('z')");
        assertFalse(p.canMigrate());
        assertEquals(List.of("live table audit (3 rows) is not in the declared schema: declare it, list it in "
                + "dropTables to discard its rows, or name it in renamedFrom of the table that replaces it"),
                blockerMessages(p));
    }

    @Test
    void droppedTableWithConsentIsDiscarded() throws Exception {
        Schema live = schema(users(), table("audit").cols(col("msg", "TEXT")).build());
        MigrationPlan p = plan(withDrops(schema(users()), "audit"), live, dir, "INSERT INTO audit VALUES ('x'), ('y')");
        assertTrue(p.canMigrate());
        assertEquals(List.of(new DroppedTable("audit", 2)), p.droppedTables());
        assertEquals(List.of(new Difference(Difference.Kind.TABLE_DROPPED, "audit",
                "table audit dropped (dropTables): 2 rows discarded")), p.differences());
        assertFalse(p.noChanges());
    }

    @Test
    void dropTablesNamingAnUnknownTableOnlyWarns() throws Exception {
        Schema s = schema(users());
        MigrationPlan p = plan(withDrops(s, "audti"), s, dir);
        assertTrue(p.canMigrate());
        assertEquals(List.of("dropTables names audti, which is not a table in the live database: nothing to drop "
                + "(remove it from dropTables)"), p.risks().stream().map(Risk::message).toList());
        assertEquals(Risk.Severity.WARNING, p.risks().get(0).severity());
    }

    @Test
    void dropTablesNamingADeclaredTableBlocks() throws Exception {
        Schema s = schema(users());
        MigrationPlan p = plan(withDrops(s, "users"), s, dir);
        assertEquals(List.of("table users is in dropTables but is also declared (by name or renamedFrom): remove it "
                + "from dropTables to keep its rows, or remove the declaration to discard them"), blockerMessages(p));
    }

    @Test
    void staleTableRenameMatchesByNameWithAWarning() throws Exception {
        Schema live = schema(users());
        Schema declared = schema(table("users").cols(col("id", "INTEGER"), col("name", "TEXT")).pk("id")
                .renamedFrom("people").build());
        MigrationPlan p = plan(declared, live, dir);
        assertTrue(p.canMigrate());
        assertEquals("users", p.table("users").sourceTable());
        assertEquals(Risk.Kind.STALE_RENAME, p.risks().get(0).kind());
    }

    @Test
    void newTableIsCreatedEmpty() throws Exception {
        Schema live = schema(users());
        Schema declared = schema(users(), table("tags").cols(col("name", "TEXT")).build());
        MigrationPlan p = plan(declared, live, dir);
        TablePlan t = p.table("tags");
        assertEquals(TablePlan.Action.CREATE, t.action());
        assertNull(t.sourceTable());
        assertEquals(List.of(new Difference(Difference.Kind.TABLE_ADDED, "tags", "table tags is new (created empty)")),
                p.differences());
    }

    @Test
    void freshPlanHasNoSource() {
        Schema declared = schema(users(), table("orders").cols(col("id", "INTEGER"), col("user_id", "INTEGER"))
                .pk("id").fk("user_id", "users").build());
        MigrationPlan p = Planner.plan(declared, null, null);
        assertTrue(p.fresh());
        assertNull(p.sourceHash());
        assertNull(p.sourceFile());
        assertTrue(p.canMigrate());
        assertFalse(p.noChanges());
        assertEquals(List.of("users", "orders"), p.tables().stream().map(TablePlan::table).toList());
        assertTrue(p.tables().stream().allMatch(t -> t.action() == TablePlan.Action.CREATE));
    }

    @Test
    void unsupportedLiveObjectBlocks() throws Exception {
        Schema s = schema(users());
        java.nio.file.Path file = createLive(dir, s);
        var db = new dev.mig.schema.introspect.LiveDatabase(file, s, new dev.mig.schema.FileSettings(0, 0, 4096, "delete",
                "UTF-8", 0), java.util.Map.of(), List.of("Virtual table docs (fts5) cannot be copied."));
        try (var ro = dev.mig.sql.SqliteFiles.openReadOnly(file)) {
            MigrationPlan p = Planner.plan(s, db, ro);
            assertEquals(List.of("the live database holds something mig cannot migrate: Virtual table docs (fts5) "
                    + "cannot be copied. Its data would be lost: remove it from the live database (or export it) "
                    + "before migrating"), blockerMessages(p));
        }
    }

    @Test
    void tableSizeIsMeasuredWithDbstat() throws Exception {
        Schema s = schema(users());
        MigrationPlan p = plan(s, s, dir, "INSERT INTO users VALUES (1, 'a')");
        assertEquals(TablePlan.SizeMethod.DBSTAT, p.table("users").sizeMethod());
        assertEquals(4096, p.table("users").approxBytes());
        assertEquals(4096, p.totalBytes());
    }

    @Test
    void planningLeavesTheLiveFileByteForByteUnchanged() throws Exception {
        Schema live = schema(users(), table("audit").cols(col("msg", "TEXT")).build());
        Schema declared = schema(table("users").cols(col("id", "INTEGER"), notNull(col("name", "TEXT"))).pk("id")
                .unique("name").build());
        java.nio.file.Path file = createLive(dir, live, "INSERT INTO users VALUES (1, 'a'), (2, 'a'), (3, NULL)",
                "INSERT INTO audit VALUES ('x')");
        byte[] before = java.nio.file.Files.readAllBytes(file);
        MigrationPlan p = planFile(declared, live, file);
        assertEquals(3, p.blockers().size());
        assertArrayEquals(before, java.nio.file.Files.readAllBytes(file));
    }
}
