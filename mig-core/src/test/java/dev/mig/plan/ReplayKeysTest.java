package dev.mig.plan;

import static dev.mig.plan.Fx.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.plan.Blocker;
import dev.mig.api.plan.MigrationPlan;
import dev.mig.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayKeysTest {

    @TempDir
    Path dir;

    private static List<Blocker.Kind> kinds(MigrationPlan p) {
        return p.blockers().stream().map(Blocker::kind).toList();
    }

    @Test
    void aKeyColumnThatIsNotCarriedOverMakesReplayImpossible() throws Exception {
        Schema live = schema(table("t").cols(col("a", "TEXT"), col("b", "TEXT"), col("v", "TEXT")).pk("a", "b").build());
        Schema declared = schema(table("t").cols(col("a", "TEXT"), from(col("b2", "TEXT"), "upper(b)"), col("v", "TEXT"))
                .pk("a", "b2").dropColumns("b").build());
        MigrationPlan p = plan(declared, live, dir, "INSERT INTO t VALUES ('x', 'y', 'z')");
        assertEquals(List.of(Blocker.Kind.NO_REPLAY_KEY), kinds(p));
        assertTrue(p.blockers().get(0).message().contains("key column t.b is not kept or renamed in t"),
                p.blockers().get(0).message());
    }

    @Test
    void aRenamedKeyColumnStillCarriesTheKey() throws Exception {
        Schema live = schema(table("t").cols(col("id", "INTEGER"), col("v", "TEXT")).pk("id").build());
        Schema declared = schema(table("t").cols(renamedFrom(col("ident", "INTEGER"), "id"), col("v", "TEXT"))
                .pk("ident").build());
        assertTrue(plan(declared, live, dir).canMigrate());
    }

    @Test
    void aRowidKeyedTableCannotGainAnIntegerPrimaryKeyHot() throws Exception {
        Schema live = schema(table("log").cols(col("n", "INTEGER"), col("msg", "TEXT")).build());
        Schema declared = schema(table("log").cols(col("n", "INTEGER"), col("msg", "TEXT")).pk("n").build());
        MigrationPlan p = plan(declared, live, dir, "INSERT INTO log VALUES (1, 'a')");
        assertEquals(List.of(Blocker.Kind.NO_REPLAY_KEY), kinds(p));
        assertTrue(p.blockers().get(0).message().contains("mig migrate --offline"), p.blockers().get(0).message());
    }

    @Test
    void remapOverACompositeLiveKeyBlocksOfflineToo() throws Exception {
        Schema live = schema(table("pairs").cols(col("a", "INTEGER"), col("b", "INTEGER"), col("v", "TEXT"))
                .pk("a", "b").build());
        Schema declared = schema(table("pairs").cols(col("id", "INTEGER"), col("a", "INTEGER"), col("b", "INTEGER"),
                col("v", "TEXT")).pk("id").remap().build());
        MigrationPlan p = plan(declared, live, dir, "INSERT INTO pairs VALUES (1, 1, 'x'), (1, 2, 'y')");
        assertEquals(List.of(Blocker.Kind.REMAP_COMPOSITE_KEY), kinds(p));
        assertFalse(p.blockers().get(0).kind().hotOnly(), "the copy keeps one old key per row, hot or offline");
        assertTrue(p.blockers().get(0).message().contains("composite primary key (a, b): use ids: preserve"),
                p.blockers().get(0).message());
    }

    @Test
    void nullsInANonIntegerPrimaryKeyBlockWithTheirCount() throws Exception {
        Schema s = schema(table("t").cols(col("code", "TEXT"), col("v", "TEXT")).pk("code").build());
        MigrationPlan p = plan(s, s, dir, "INSERT INTO t VALUES (NULL, 'a'), (NULL, 'b'), ('x', 'c')");
        assertFalse(p.canMigrate());
        assertEquals(List.of(Blocker.Kind.NULL_KEYS), kinds(p));
        assertEquals("table t: 2 rows have NULL in its primary key (SQLite allows it in rowid tables); mig cannot "
                + "address such rows: give them key values in the live database first", p.blockers().get(0).message());
    }
}
