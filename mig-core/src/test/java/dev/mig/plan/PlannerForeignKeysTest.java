package dev.mig.plan;

import static dev.mig.plan.Fx.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.mig.api.plan.Blocker;
import dev.mig.api.plan.ForeignKeyHandling;
import dev.mig.api.plan.MigrationPlan;
import dev.mig.api.plan.TablePlan;
import dev.mig.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerForeignKeysTest {
    @TempDir
    Path dir;

    private static List<String> order(MigrationPlan p) {
        return p.tables().stream().map(TablePlan::table).toList();
    }

    @Test
    void parentsAreCopiedBeforeChildrenInStableOrder() {
        Schema s = schema(
                table("lines").cols(col("id", "INTEGER"), col("order_id", "INTEGER")).pk("id").fk("order_id", "orders").build(),
                table("tags").cols(col("id", "INTEGER")).pk("id").build(),
                table("orders").cols(col("id", "INTEGER"), col("user_id", "INTEGER")).pk("id").fk("user_id", "users").build(),
                table("users").cols(col("id", "INTEGER")).pk("id").build());
        assertEquals(List.of("tags", "users", "orders", "lines"), order(Planner.plan(s, null, null)));
    }

    @Test
    void selfReferenceIsReportedAndNeedsNoOrder() {
        Schema s = schema(table("staff").cols(col("id", "INTEGER"), col("boss", "INTEGER")).pk("id")
                .fk("boss", "staff").build());
        MigrationPlan p = Planner.plan(s, null, null);
        assertEquals(List.of("staff"), p.foreignKeys().selfReferencing());
        assertEquals(List.of(), p.foreignKeys().cycles());
        assertEquals("references itself: copied with foreign keys unenforced, in any order, then proven by "
                + "foreign_key_check before cutover", p.table("staff").fkNote());
        assertEquals(ForeignKeyHandling.MODE, p.foreignKeys().mode());
    }

    @Test
    void cycleIsReportedAndBrokenAtItsFirstDeclaredTable() {
        Schema s = schema(
                table("a").cols(col("id", "INTEGER"), col("c_id", "INTEGER")).pk("id").fk("c_id", "c").build(),
                table("b").cols(col("id", "INTEGER"), col("a_id", "INTEGER")).pk("id").fk("a_id", "a").build(),
                table("c").cols(col("id", "INTEGER"), col("b_id", "INTEGER")).pk("id").fk("b_id", "b").build(),
                table("d").cols(col("id", "INTEGER")).pk("id").build());
        MigrationPlan p = Planner.plan(s, null, null);
        assertEquals(List.of(List.of("a", "b", "c")), p.foreignKeys().cycles());
        assertEquals(List.of("d", "a", "b", "c"), order(p));
        assertEquals("is in a foreign-key cycle of a, b, c: copied with foreign keys unenforced, in any order, then "
                + "proven by foreign_key_check before cutover", p.table("b").fkNote());
    }

    @Test
    void foreignKeyToAnUndeclaredTableBlocks() {
        Schema s = schema(table("orders").cols(col("id", "INTEGER"), col("user_id", "INTEGER")).pk("id")
                .fk("user_id", "users").build());
        assertEquals(List.of("table orders: FOREIGN KEY (user_id) REFERENCES users references users, which is not a "
                + "declared table: declare it, or remove the foreign key"), blockerMessages(Planner.plan(s, null, null)));
    }

    @Test
    void foreignKeyToANonUniqueParentColumnBlocks() {
        Schema s = schema(table("users").cols(col("id", "INTEGER"), col("email", "TEXT")).pk("id").build(),
                table("orders").cols(col("id", "INTEGER"), col("email", "TEXT")).pk("id")
                        .fk(List.of("email"), "users", List.of("email")).build());
        assertEquals(List.of("table orders: FOREIGN KEY (email) REFERENCES users (email) must reference the primary "
                + "key of users or columns with a UNIQUE constraint, as many as the foreign key has: name such "
                + "columns of users"), blockerMessages(Planner.plan(s, null, null)));
    }

    @Test
    void remapOfACompositeKeyIsRefused() {
        Schema s = schema(table("pairs").cols(col("a", "INTEGER"), col("b", "INTEGER")).pk("a", "b").remap().build());
        assertEquals(List.of("table pairs has ids: remap but a composite primary key (a, b): composite keys cannot be "
                + "remapped; use ids: preserve"), blockerMessages(Planner.plan(s, null, null)));
    }

    @Test
    void remapOfANonRowidKeyIsRefused() {
        Schema s = schema(table("codes").cols(col("code", "TEXT")).pk("code").remap().build());
        assertEquals(Blocker.Kind.REMAP_NOT_ROWID_ALIAS, Planner.plan(s, null, null).blockers().get(0).kind());
    }

    @Test
    void remapListsEveryForeignKeyPointingAtTheRemappedTable() throws Exception {
        Schema s = schema(table("users").cols(col("id", "INTEGER"), col("referrer", "INTEGER")).pk("id")
                        .fk("referrer", "users").remap().build(),
                table("orders").cols(col("id", "INTEGER"), col("user_id", "INTEGER")).pk("id").fk("user_id", "users")
                        .build());
        MigrationPlan p = plan(s, s, dir, "INSERT INTO users VALUES (1, NULL), (2, 1)",
                "INSERT INTO orders VALUES (1, 2)");
        assertTrue(p.canMigrate());
        assertEquals(List.of(new TablePlan.RemapRef(List.of("user_id"), "users", "id")),
                p.table("orders").remappedForeignKeys());
        assertEquals(List.of(new TablePlan.RemapRef(List.of("referrer"), "users", "id")),
                p.table("users").remappedForeignKeys());
        assertEquals(TablePlan.Action.REBUILD, p.table("users").action());
    }

    /** Only the column facing the remapped key is translated; the others compare with kept parent columns. */
    @Test
    void remapTranslatesTheColumnOfACompositeForeignKeyThatFacesTheRemappedKey() throws Exception {
        Schema live = schema(table("parent").cols(col("id", "INTEGER"), col("code", "TEXT")).pk("id").unique("id", "code")
                        .build(),
                table("child").cols(col("id", "INTEGER"), col("pid", "INTEGER"), col("pcode", "TEXT")).pk("id")
                        .fk(List.of("pid", "pcode"), "parent", List.of("id", "code")).build(),
                table("other").cols(col("id", "INTEGER"), col("pcode", "TEXT"), col("pid", "INTEGER")).pk("id")
                        .fk(List.of("pcode", "pid"), "parent", List.of("code", "id")).build());
        Schema declared = schema(table("parent").cols(col("id", "INTEGER"), col("code", "TEXT")).pk("id")
                        .unique("id", "code").remap().build(), live.table("child").orElseThrow(),
                live.table("other").orElseThrow());
        MigrationPlan p = plan(declared, live, dir, "INSERT INTO parent VALUES (10, 'a'), (20, 'b')",
                "INSERT INTO child VALUES (1, 20, 'b')", "INSERT INTO other VALUES (1, 'a', 10)");
        assertTrue(p.canMigrate(), () -> blockerMessages(p).toString());
        assertEquals(List.of(new TablePlan.RemapRef(List.of("pid"), "parent", "id")),
                p.table("child").remappedForeignKeys());
        assertEquals(List.of(new TablePlan.RemapRef(List.of("pid"), "parent", "id")),
                p.table("other").remappedForeignKeys());
    }

    /** The orphan probe compares the whole composite value: a matching id with another code is an orphan. */
    @Test
    void compositeForeignKeyIntoARemappedTableRefusesOrphans() throws Exception {
        Schema live = schema(table("parent").cols(col("id", "INTEGER"), col("code", "TEXT")).pk("id").unique("id", "code")
                        .build(),
                table("child").cols(col("id", "INTEGER"), col("pid", "INTEGER"), col("pcode", "TEXT")).pk("id")
                        .fk(List.of("pid", "pcode"), "parent", List.of("id", "code")).build());
        Schema declared = schema(table("parent").cols(col("id", "INTEGER"), col("code", "TEXT")).pk("id")
                .unique("id", "code").remap().build(), live.table("child").orElseThrow());
        MigrationPlan p = plan(declared, live, dir, "INSERT INTO parent VALUES (10, 'a')",
                "INSERT INTO child VALUES (1, 10, 'a'), (2, 10, 'b')");
        assertEquals(List.of(Blocker.Kind.ORPHAN_ROWS), p.blockers().stream().map(Blocker::kind).toList());
    }

    /** A column translated to a remapped table's new keys cannot also match another table's kept ids. */
    @Test
    void columnReferencingARemappedTableAndAnotherIsRefused() throws Exception {
        Schema live = schema(table("accounts").cols(col("id", "INTEGER")).pk("id").build(),
                table("ledgers").cols(col("id", "INTEGER")).pk("id").build(),
                table("tickets").cols(col("id", "INTEGER"), col("ref", "INTEGER")).pk("id").fk("ref", "accounts")
                        .fk("ref", "ledgers").build());
        Schema declared = schema(table("accounts").cols(col("id", "INTEGER")).pk("id").remap().build(),
                live.table("ledgers").orElseThrow(), live.table("tickets").orElseThrow());
        MigrationPlan p = plan(declared, live, dir, "INSERT INTO accounts VALUES (10)", "INSERT INTO ledgers VALUES (10)",
                "INSERT INTO tickets VALUES (1, 10)");
        assertEquals(List.of("table tickets: column ref will hold the new keys of accounts (ids: remap), but "
                + "FOREIGN KEY (ref) REFERENCES ledgers compares it with ledgers.id, which does not get those keys, so "
                + "the copy would break that foreign key: give the column one parent, or use ids: preserve on accounts"),
                blockerMessages(p));
        assertEquals(Blocker.Kind.REMAP_AMBIGUOUS_REFERENCE, p.blockers().get(0).kind());
    }
}
