package dev.mig.plan;

import static dev.mig.plan.Fx.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.mig.api.plan.Difference;
import dev.mig.api.plan.MigrationPlan;
import dev.mig.api.plan.TablePlan;
import dev.mig.schema.Schema;
import dev.mig.schema.Trigger;
import dev.mig.schema.View;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerDifferencesTest {
    @TempDir
    Path dir;

    private static List<String> messages(List<Difference> diffs) {
        return diffs.stream().map(Difference::message).toList();
    }

    @Test
    void strictAndWithoutRowidChangesAreDifferences() throws Exception {
        Schema live = schema(table("kv").cols(col("k", "TEXT"), col("v", "TEXT")).pk("k").build());
        Schema declared = schema(table("kv").cols(col("k", "TEXT"), col("v", "TEXT")).pk("k").withoutRowid().strict()
                .build());
        MigrationPlan p = plan(declared, live, dir);
        assertEquals(List.of("table kv becomes WITHOUT ROWID", "table kv becomes STRICT"), messages(p.differences()));
        assertEquals(TablePlan.Action.REBUILD, p.table("kv").action());
    }

    @Test
    void collationNotNullDefaultAndConstraintChangesAreDifferences() throws Exception {
        Schema live = schema(table("t").cols(col("id", "INTEGER"), col("a", "TEXT")).pk("id").check("a <> ''").build());
        Schema declared = schema(table("t").cols(col("id", "INTEGER"),
                withDefault(notNull(collate(col("a", "TEXT"), "NOCASE")), "'x'")).pk("id").unique("a").build());
        MigrationPlan p = plan(declared, live, dir);
        assertEquals(List.of("column t.a becomes NOT NULL", "column t.a default (none) -> 'x'",
                "column t.a collation BINARY -> NOCASE", "table t adds UNIQUE (a)", "table t removes CHECK (a <> '')"),
                messages(p.differences()));
    }

    @Test
    void foreignKeyThroughARenamedTableIsNotAChange() throws Exception {
        Schema live = schema(table("people").cols(col("id", "INTEGER")).pk("id").build(),
                table("orders").cols(col("id", "INTEGER"), col("pid", "INTEGER")).pk("id").fk("pid", "people").build());
        Schema declared = schema(table("users").cols(col("id", "INTEGER")).pk("id").renamedFrom("people").build(),
                table("orders").cols(col("id", "INTEGER"), col("pid", "INTEGER")).pk("id").fk("pid", "users").build());
        MigrationPlan p = plan(declared, live, dir);
        assertEquals(List.of("table people renamed to users"), messages(p.differences()));
        assertEquals(TablePlan.Action.KEEP, p.table("orders").action());
    }

    @Test
    void columnOrderChangeIsADifference() throws Exception {
        Schema live = schema(table("t").cols(col("a", "INTEGER"), col("b", "INTEGER")).build());
        Schema declared = schema(table("t").cols(col("b", "INTEGER"), col("a", "INTEGER")).build());
        assertEquals(List.of("table t column order a, b -> b, a"), messages(plan(declared, live, dir).differences()));
    }

    @Test
    void indexViewAndTriggerChangesAreObjectDifferences() throws Exception {
        View v1 = new View("v", List.of(), "SELECT a FROM t");
        Trigger tr = new Trigger("t_ai", "t", "CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN SELECT 1; END");
        Schema live = withViewsAndTriggers(schema(table("t").cols(col("a", "INTEGER"), col("b", "INTEGER"))
                .index("t_a", false, "a").build()), List.of(v1), List.of(tr));
        Schema declared = withViewsAndTriggers(schema(table("t").cols(col("a", "INTEGER"), col("b", "INTEGER"))
                .index("t_b", true, "b").build()), List.of(new View("v", List.of(), "SELECT b FROM t"),
                new View("w", List.of(), "SELECT a FROM t")), List.of());
        MigrationPlan p = plan(declared, live, dir);
        assertEquals(List.of("index t_b on t is new", "index t_a on t is removed", "view v changes", "view w is new",
                "trigger t_ai on t is removed"), messages(p.objectDifferences()));
        assertEquals(TablePlan.Action.KEEP, p.table("t").action());
        assertFalse(p.noChanges());
    }
}
