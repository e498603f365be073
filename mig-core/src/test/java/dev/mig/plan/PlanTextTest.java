package dev.mig.plan;

import static dev.mig.plan.Fx.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mig.api.plan.MigrationPlan;
import dev.mig.api.plan.PlanText;
import dev.mig.schema.Schema;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanTextTest {
    @TempDir
    Path dir;

    private MigrationPlan samplePlan() throws Exception {
        Schema live = withDrops(schema(
                table("people").cols(col("id", "INTEGER"), col("full name", "TEXT"), col("age", "TEXT"),
                        col("legacy", "TEXT")).pk("id").build(),
                table("orders").cols(col("id", "INTEGER"), col("pid", "INTEGER"), col("total", "INTEGER")).pk("id")
                        .build(),
                table("audit").cols(col("msg", "TEXT")).build()));
        Schema declared = withDrops(schema(
                table("orders").cols(col("id", "INTEGER"), col("pid", "INTEGER"), notNull(col("total", "INTEGER")))
                        .pk("id").fk("pid", "users").build(),
                table("users").cols(col("id", "INTEGER"), renamedFrom(col("name", "TEXT"), "full name"),
                        col("age", "INTEGER"), from(col("initial", "TEXT"), "substr(\"full name\", 1, 1)"),
                        withDefault(col("active", "INTEGER"), "1")).pk("id").renamedFrom("people")
                        .dropColumns("legacy").build()), "audit");
        return plan(declared, live, dir,
                "INSERT INTO people VALUES (1, 'Ann', '30', 'x'), (2, 'Bob', 'old', NULL)",
                "INSERT INTO orders VALUES (1, 1, 10), (2, 2, NULL)",
                "INSERT INTO audit VALUES ('a')");
    }

    @Test
    void reportIsGolden() throws Exception {
        MigrationPlan p = samplePlan();
        String expected = """
                Migration plan
                  Schema:       app
                  Source:       live.db
                  Source hash:  %s
                  Target hash:  %s
                  To copy:      4 rows, about 8 KB
                  Changes:      yes

                Copy order
                  1.  users   REBUILD  2 rows  4 KB  dbstat
                  2.  orders  REBUILD  2 rows  4 KB  dbstat

                Table users <- people (REBUILD, ids preserve)
                  id       kept       "id"
                  name     renamed    "full name"
                  age      kept       "age"                      type TEXT (TEXT) -> INTEGER (INTEGER)
                  initial  computed   substr("full name", 1, 1)
                  active   defaulted
                  legacy   dropped

                Table orders (REBUILD, ids preserve)
                  id     kept  "id"
                  pid    kept  "pid"
                  total  kept  "total"

                Dropped tables
                  audit  1 row

                Differences
                  MIG251  TABLE_RENAMED      table people renamed to users
                  MIG255  COLUMN_RENAMED     column people.full name renamed to users.name
                  MIG257  COLUMN_TYPE        column users.age type TEXT -> INTEGER (affinity TEXT -> INTEGER)
                  MIG254  COLUMN_ADDED       column users.initial is new, computed from substr("full name", 1, 1)
                  MIG254  COLUMN_ADDED       column users.active is new, filled with its default 1
                  MIG112  COLUMN_DROPPED     column people.legacy dropped (dropColumns)
                  MIG258  COLUMN_NOT_NULL    column orders.total becomes NOT NULL
                  MIG260  FOREIGN_KEY_ADDED  table orders adds FOREIGN KEY (pid) REFERENCES users
                  MIG111  TABLE_DROPPED      table audit dropped (dropTables): 1 row discarded

                Risks
                  WARNING   MIG103  UNCONVERTIBLE_VALUES  column users.age: 1 row holds values that INTEGER affinity cannot convert (TEXT that is not a well-formed number, or BLOB); they are stored as they are
                  BLOCKING  MIG101  NULLS_IN_NOT_NULL     column orders.total: 1 row is NULL but the column is NOT NULL: fill them in the live database, make the column nullable, or give it a from: expression that replaces NULL (e.g. coalesce("total", ...))
                  WARNING   MIG305  JOURNAL_MODE          the source is in delete journal mode, not WAL: verify can only run while writes are paused, so drain verifies inside the write pause, which that lengthens (about four times the copy's time), and refuses --cutover when it would not fit --max-pause. WAL (PRAGMA journal_mode=WAL) lets drain verify while the application writes

                Can migrate: no
                  - MIG101 column orders.total: 1 row is NULL but the column is NOT NULL: fill them in the live database, make the column nullable, or give it a from: expression that replaces NULL (e.g. coalesce("total", ...))
                """.formatted(p.sourceHash(), p.targetHash());
        assertEquals(expected, PlanText.render(p));
    }

    @Test
    void reportOfAPlanThatCanMigrateEndsWithYes() throws Exception {
        Schema s = schema(table("t").cols(col("a", "INTEGER")).build());
        String text = PlanText.render(plan(s, s, dir));
        assertTrue(text.endsWith("\nCan migrate: yes\n"), text);
        assertTrue(text.contains("  Changes:      none (structure identical)\n"), text);
    }

    @Test
    void planSurvivesAJsonRoundTrip() throws Exception {
        MigrationPlan p = samplePlan();
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(p);
        assertTrue(text.contains("\"canMigrate\":false"), text);
        assertEquals(p, json.readValue(text, MigrationPlan.class));
    }
}
