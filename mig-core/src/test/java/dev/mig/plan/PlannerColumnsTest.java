package dev.mig.plan;

import static dev.mig.plan.Fx.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.mig.api.plan.ColumnPlan;
import dev.mig.api.plan.Difference;
import dev.mig.api.plan.MigrationPlan;
import dev.mig.api.plan.TablePlan;
import dev.mig.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerColumnsTest {
    @TempDir
    Path dir;

    private static Schema live() {
        return schema(table("users").cols(col("id", "INTEGER"), col("full name", "TEXT"), col("age", "INTEGER"))
                .pk("id").build());
    }

    private static final String FULL_NAME_NOT_DECLARED = "live column users.full name is not in the declared table "
            + "users: declare it, list it in dropColumns of users to discard its values, or name it in renamedFrom of "
            + "the column that replaces it";

    private static final String ROWS = "INSERT INTO users VALUES (1, 'Ann', 30), (2, 'Bob', NULL)";

    private static Fx.T users() {
        return table("users").pk("id");
    }

    @Test
    void renamedColumnCopiesFromItsLiveColumn() throws Exception {
        Schema declared = schema(users().cols(col("id", "INTEGER"), renamedFrom(col("name", "TEXT"), "full name"),
                col("age", "INTEGER")).build());
        MigrationPlan p = plan(declared, live(), dir, ROWS);
        assertTrue(p.canMigrate());
        ColumnPlan name = p.table("users").columns().get(1);
        assertEquals(new ColumnPlan("name", ColumnPlan.Source.RENAMED, "full name", "\"full name\"", null), name);
        assertEquals(TablePlan.Action.REBUILD, p.table("users").action());
        assertEquals(List.of(new Difference(Difference.Kind.COLUMN_RENAMED, "users.name",
                "column users.full name renamed to users.name")), p.differences());
    }

    @Test
    void liveColumnLeftOutWithoutConsentBlocks() throws Exception {
        Schema declared = schema(users().cols(col("id", "INTEGER"), col("full name", "TEXT")).build());
        MigrationPlan p = plan(declared, live(), dir, ROWS);
        assertEquals(List.of("live column users.age is not in the declared table users: declare it, list it in "
                + "dropColumns of users to discard its values, or name it in renamedFrom of the column that "
                + "replaces it"), blockerMessages(p));
    }

    @Test
    void aNewColumnOfTheTypeOfAnUndeclaredOneIsSuggestedAsItsRename() throws Exception {
        Schema declared = schema(users().cols(col("id", "INTEGER"), col("title", "TEXT"), col("age", "INTEGER")).build());
        MigrationPlan p = plan(declared, live(), dir, ROWS);
        assertEquals(List.of(FULL_NAME_NOT_DECLARED + " (did you mean renamedFrom: full name on column title?)"), blockerMessages(p));
    }

    @Test
    void twoNewColumnsOfThatTypeAreNoSuggestion() throws Exception {
        Schema declared = schema(users().cols(col("id", "INTEGER"), col("title", "TEXT"), col("subtitle", "TEXT"),
                col("age", "INTEGER")).build());
        MigrationPlan p = plan(declared, live(), dir, ROWS);
        assertEquals(List.of(FULL_NAME_NOT_DECLARED), blockerMessages(p));
    }

    @Test
    void droppedColumnWithConsentIsDiscarded() throws Exception {
        Schema declared = schema(users().cols(col("id", "INTEGER"), col("full name", "TEXT")).dropColumns("age")
                .build());
        MigrationPlan p = plan(declared, live(), dir, ROWS);
        assertTrue(p.canMigrate());
        assertEquals(List.of("age"), p.table("users").droppedColumns());
        assertEquals(List.of(new Difference(Difference.Kind.COLUMN_DROPPED, "users.age",
                "column users.age dropped (dropColumns)")), p.differences());
    }

    @Test
    void dropColumnsNamingAUsedColumnBlocks() throws Exception {
        Schema declared = schema(users().cols(col("id", "INTEGER"), col("full name", "TEXT"), col("age", "INTEGER"))
                .dropColumns("age").build());
        MigrationPlan p = plan(declared, live(), dir, ROWS);
        assertEquals(List.of("column users.age is in dropColumns of users but is also used (by name, renamedFrom or "
                + "from): remove it from dropColumns, or remove the column"), blockerMessages(p));
    }

    @Test
    void newNotNullColumnWithoutDefaultBlocks() throws Exception {
        Schema declared = schema(users().cols(col("id", "INTEGER"), col("full name", "TEXT"), col("age", "INTEGER"),
                notNull(col("total", "INTEGER"))).build());
        MigrationPlan p = plan(declared, live(), dir, ROWS);
        assertEquals(List.of("column users.total is new, NOT NULL and has no default: add a default, make it "
                + "nullable, or give it a `from:` expression"), blockerMessages(p));
    }

    @Test
    void newNotNullColumnWithDefaultIsFilledByItsDefault() throws Exception {
        Schema declared = schema(users().cols(col("id", "INTEGER"), col("full name", "TEXT"), col("age", "INTEGER"),
                withDefault(notNull(col("total", "INTEGER")), "0")).build());
        MigrationPlan p = plan(declared, live(), dir, ROWS);
        assertTrue(p.canMigrate());
        assertEquals(new ColumnPlan("total", ColumnPlan.Source.DEFAULTED, null, null, null),
                p.table("users").columns().get(3));
        assertEquals("column users.total is new, filled with its default 0", p.differences().get(0).message());
    }

    @Test
    void newNullableColumnIsFilledWithNull() throws Exception {
        Schema declared = schema(users().cols(col("id", "INTEGER"), col("full name", "TEXT"), col("age", "INTEGER"),
                col("note", "TEXT")).build());
        MigrationPlan p = plan(declared, live(), dir, ROWS);
        assertTrue(p.canMigrate());
        assertEquals(ColumnPlan.Source.NULL, p.table("users").columns().get(3).source());
    }

    @Test
    void fromExpressionComputesTheColumn() throws Exception {
        Schema declared = schema(users().cols(col("id", "INTEGER"), col("full name", "TEXT"), col("age", "INTEGER"),
                from(col("label", "TEXT"), "upper(\"full name\")")).build());
        MigrationPlan p = plan(declared, live(), dir, ROWS);
        assertTrue(p.canMigrate());
        assertEquals(new ColumnPlan("label", ColumnPlan.Source.COMPUTED, null, "upper(\"full name\")", null),
                p.table("users").columns().get(3));
    }

    @Test
    void invalidFromExpressionBlocksWithSqlitesMessage() throws Exception {
        Schema declared = schema(users().cols(col("id", "INTEGER"), col("full name", "TEXT"), col("age", "INTEGER"),
                from(col("label", "TEXT"), "upper(nickname)")).build());
        MigrationPlan p = plan(declared, live(), dir, ROWS);
        assertEquals(List.of("column users.label: from: upper(nickname) is not a valid expression over live table "
                + "users (SQLite says: no such column: nickname): fix the expression; it may use the columns of "
                + "users"), blockerMessages(p));
    }

    @Test
    void aggregateFromExpressionBlocks() throws Exception {
        Schema declared = schema(users().cols(col("id", "INTEGER"), col("full name", "TEXT"), col("age", "INTEGER"),
                from(col("n", "INTEGER"), "count(*)")).build());
        MigrationPlan p = plan(declared, live(), dir, ROWS);
        assertEquals(List.of("column users.n: from: count(*) is not a valid expression over live table users "
                + "(SQLite says: misuse of aggregate function count()): fix the expression; it may use the columns "
                + "of users"), blockerMessages(p));
    }

    @Test
    void renamedFromMissingColumnBlocks() throws Exception {
        Schema declared = schema(users().cols(col("id", "INTEGER"), renamedFrom(col("name", "TEXT"), "fullname"),
                col("age", "INTEGER")).build());
        MigrationPlan p = plan(declared, live(), dir, ROWS);
        assertEquals(List.of("column users.name is declared with renamedFrom: fullname, but live table users has no "
                        + "column fullname: fix the name in renamedFrom, or remove it to add name as a new column",
                FULL_NAME_NOT_DECLARED),
                blockerMessages(p));
    }

    @Test
    void renamedFromAndFromTogetherBlock() throws Exception {
        Schema declared = schema(users().cols(col("id", "INTEGER"),
                from(renamedFrom(col("name", "TEXT"), "full name"), "\"full name\""), col("age", "INTEGER")).build());
        MigrationPlan p = plan(declared, live(), dir, ROWS);
        assertTrue(blockerMessages(p).contains("column users.name has both renamedFrom and from: keep one (from: "
                + "\"full name\" does what renamedFrom does)"));
    }

    @Test
    void generatedColumnIsNotCopied() throws Exception {
        Schema declared = schema(users().cols(col("id", "INTEGER"), col("full name", "TEXT"), col("age", "INTEGER"),
                generated(col("older", "INTEGER"), "age + 1")).build());
        MigrationPlan p = plan(declared, live(), dir, ROWS);
        assertTrue(p.canMigrate());
        ColumnPlan older = p.table("users").columns().get(3);
        assertEquals(ColumnPlan.Source.GENERATED, older.source());
        assertFalse(older.isCopied());
    }

    @Test
    void typeChangeIsRecordedOnTheColumn() throws Exception {
        Schema declared = schema(users().cols(col("id", "INTEGER"), col("full name", "TEXT"), col("age", "REAL"))
                .build());
        MigrationPlan p = plan(declared, live(), dir, ROWS);
        assertEquals(new ColumnPlan.TypeChange("INTEGER", "INTEGER", false, "REAL", "REAL", false),
                p.table("users").columns().get(2).typeChange());
        assertEquals("column users.age type INTEGER -> REAL (affinity INTEGER -> REAL)", p.differences().get(0).message());
    }

    @Test
    void rowidIsKeptOnlyWithoutAnIntegerPrimaryKey() throws Exception {
        Schema s = schema(users().cols(col("id", "INTEGER"), col("full name", "TEXT"), col("age", "INTEGER")).build(),
                table("log").cols(col("msg", "TEXT")).build());
        MigrationPlan p = plan(s, s, dir);
        assertFalse(p.table("users").keepRowid());
        assertTrue(p.table("log").keepRowid());
    }
}
