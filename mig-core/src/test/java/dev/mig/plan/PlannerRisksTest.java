package dev.mig.plan;

import static dev.mig.plan.Fx.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.mig.api.plan.Blocker;
import dev.mig.api.plan.MigrationPlan;
import dev.mig.api.plan.Risk;
import dev.mig.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerRisksTest {
    @TempDir
    Path dir;

    private static Schema items(String qtyType, boolean strict) {
        Fx.T t = table("items").cols(col("id", "INTEGER"), col("qty", qtyType)).pk("id");
        return schema((strict ? t.strict() : t).build());
    }

    private static final String QTY_ROWS = "INSERT INTO items VALUES (1, '10'), (2, ' 7 '), (3, 'ten'), (4, '3x'), "
            + "(5, NULL), (6, X'01')";

    private static List<Risk> risks(MigrationPlan p, Risk.Kind kind) {
        return p.risks().stream().filter(r -> r.kind() == kind).toList();
    }

    @Test
    void strictTypeChangeWithUnconvertibleRowsBlocks() throws Exception {
        MigrationPlan p = plan(items("INTEGER", true), items("TEXT", false), dir, QTY_ROWS);
        assertEquals(List.of("column items.qty: 3 rows hold values that a STRICT INTEGER column rejects (the copy "
                + "would fail with SQLITE_CONSTRAINT_DATATYPE): fix those rows in the live database, or give the "
                + "column a from: expression that converts them"), blockerMessages(p));
        assertEquals(3, risks(p, Risk.Kind.UNCONVERTIBLE_VALUES).get(0).rows());
    }

    @Test
    void nonStrictTypeChangeWithUnconvertibleRowsWarns() throws Exception {
        MigrationPlan p = plan(items("INTEGER", false), items("TEXT", false), dir, QTY_ROWS);
        assertTrue(p.canMigrate());
        Risk r = risks(p, Risk.Kind.UNCONVERTIBLE_VALUES).get(0);
        assertEquals(Risk.Severity.WARNING, r.severity());
        assertEquals(3, r.rows());
        assertEquals("column items.qty: 3 rows hold values that INTEGER affinity cannot convert (TEXT that is not a "
                + "well-formed number, or BLOB); they are stored as they are", r.message());
    }

    @Test
    void conversionIsCheckedOverTheFromExpression() throws Exception {
        Schema declared = schema(table("items").cols(col("id", "INTEGER"),
                from(col("qty", "INTEGER"), "CASE WHEN typeof(\"qty\") = 'blob' THEN NULL ELSE length(\"qty\") END"))
                .pk("id").strict().build());
        MigrationPlan p = plan(declared, items("TEXT", false), dir, QTY_ROWS);
        assertEquals(List.of(), p.blockers());
    }

    @Test
    void integerPrimaryKeyRejectsNonIntegers() throws Exception {
        Schema live = schema(table("codes").cols(col("code", "TEXT")).build());
        Schema declared = schema(table("codes").cols(col("code", "INTEGER")).pk("code").build());
        MigrationPlan p = plan(declared, live, dir, "INSERT INTO codes VALUES ('1'), ('2.0'), ('x')");
        assertEquals("column codes.code: 1 row holds values that an INTEGER PRIMARY KEY rejects (the copy "
                + "would fail with datatype mismatch): fix those rows in the live database, or give the column a "
                + "from: expression that converts them", blockerMessages(p).get(0));
        // The rowid-keyed live table gaining an INTEGER PRIMARY KEY is, besides, not replayable (ReplayKeysTest).
        assertEquals(Blocker.Kind.NO_REPLAY_KEY, p.blockers().get(1).kind());
    }

    @Test
    void integersBeyondRealPrecisionAreReportedAsRounded() throws Exception {
        MigrationPlan p = plan(items("REAL", false), items("INTEGER", false), dir,
                "INSERT INTO items VALUES (1, 9007199254740993), (2, 5)");
        assertTrue(p.canMigrate());
        Risk r = risks(p, Risk.Kind.LOSSY_CONVERSION).get(0);
        assertEquals(1, r.rows());
        assertEquals("column items.qty: 1 row holds integers that REAL cannot represent exactly; they are rounded to "
                + "the nearest REAL", r.message());
    }

    @Test
    void nullsUnderNewNotNullBlock() throws Exception {
        Schema declared = schema(table("items").cols(col("id", "INTEGER"), notNull(col("qty", "TEXT"))).pk("id")
                .build());
        MigrationPlan p = plan(declared, items("TEXT", false), dir, QTY_ROWS, "INSERT INTO items VALUES (7, NULL)");
        assertEquals(List.of("column items.qty: 2 rows are NULL but the column is NOT NULL: fill them in the live "
                + "database, make the column nullable, or give it a from: expression that replaces NULL (e.g. "
                + "coalesce(\"qty\", ...))"), blockerMessages(p));
        assertEquals(2, risks(p, Risk.Kind.NULLS_IN_NOT_NULL).get(0).rows());
    }

    @Test
    void fromExpressionThatReplacesNullsClearsTheNullRisk() throws Exception {
        Schema declared = schema(table("items").cols(col("id", "INTEGER"),
                from(notNull(col("qty", "TEXT")), "coalesce(\"qty\", '0')")).pk("id").build());
        MigrationPlan p = plan(declared, items("TEXT", false), dir, QTY_ROWS);
        assertEquals(List.of(), p.blockers());
    }

    @Test
    void duplicatesUnderNewUniqueBlock() throws Exception {
        Schema live = schema(table("users").cols(col("id", "INTEGER"), col("email", "TEXT")).pk("id").build());
        Schema declared = schema(table("users").cols(col("id", "INTEGER"), col("email", "TEXT")).pk("id")
                .unique("email").build());
        MigrationPlan p = plan(declared, live, dir, "INSERT INTO users VALUES (1, 'a'), (2, 'a'), (3, 'b'), (4, 'b'), "
                + "(5, 'b'), (6, 'c'), (7, NULL), (8, NULL)");
        assertEquals(List.of("table users: UNIQUE (email) has 2 groups of duplicate values (5 rows): remove the "
                + "duplicates in the live database, or drop the constraint"), blockerMessages(p));
        Risk r = risks(p, Risk.Kind.DUPLICATE_KEYS).get(0);
        assertEquals(2, r.groups());
        assertEquals(5, r.rows());
    }

    @Test
    void duplicatesFollowTheTargetCollation() throws Exception {
        Schema live = schema(table("users").cols(col("id", "INTEGER"), col("email", "TEXT")).pk("id")
                .unique("email").build());
        Schema declared = schema(table("users").cols(col("id", "INTEGER"), collate(col("email", "TEXT"), "NOCASE"))
                .pk("id").unique("email").build());
        MigrationPlan p = plan(declared, live, dir, "INSERT INTO users VALUES (1, 'a@x'), (2, 'A@X'), (3, 'b@x')");
        assertEquals(1, risks(p, Risk.Kind.DUPLICATE_KEYS).get(0).groups());
    }

    @Test
    void duplicatesAreCountedOverRenamedColumns() throws Exception {
        Schema live = schema(table("users").cols(col("id", "INTEGER"), col("mail", "TEXT")).pk("id").build());
        Schema declared = schema(table("users").cols(col("id", "INTEGER"), renamedFrom(col("email", "TEXT"), "mail"))
                .pk("id").unique("email").build());
        MigrationPlan p = plan(declared, live, dir, "INSERT INTO users VALUES (1, 'a'), (2, 'a')");
        assertEquals(2, risks(p, Risk.Kind.DUPLICATE_KEYS).get(0).rows());
    }

    @Test
    void orphansUnderNewForeignKeyBlock() throws Exception {
        Fx.T users = table("users").cols(col("id", "INTEGER")).pk("id");
        Schema live = schema(users.build(), table("orders").cols(col("id", "INTEGER"), col("user_id", "INTEGER"))
                .pk("id").build());
        Schema declared = schema(users.build(), table("orders").cols(col("id", "INTEGER"), col("user_id", "INTEGER"))
                .pk("id").fk("user_id", "users").build());
        MigrationPlan p = plan(declared, live, dir, "INSERT INTO users VALUES (1), (2)",
                "INSERT INTO orders VALUES (1, 1), (2, 2), (3, 3), (4, 9), (5, NULL)");
        assertEquals(List.of("table orders: 2 rows have no parent row in users under the new FOREIGN KEY (user_id) "
                + "REFERENCES users; the new database enforces foreign keys, so the migration would fail its "
                + "foreign_key_check: delete or fix those rows in the live database, or remove the foreign key"),
                blockerMessages(p));
    }

    @Test
    void orphansUnderAnExistingUnenforcedForeignKeyBlock() throws Exception {
        Fx.T users = table("users").cols(col("id", "INTEGER")).pk("id");
        Schema s = schema(users.build(), table("orders").cols(col("id", "INTEGER"), col("user_id", "INTEGER"))
                .pk("id").fk("user_id", "users").build());
        MigrationPlan p = plan(s, s, dir, "INSERT INTO users VALUES (1)", "INSERT INTO orders VALUES (1, 1), (2, 5)");
        assertTrue(blockerMessages(p).get(0).startsWith("table orders: 1 row has no parent row in users under the "
                + "existing, unenforced FOREIGN KEY (user_id) REFERENCES users;"));
    }

    @Test
    void orphansAreMatchedAgainstTheParentsMappedKeys() throws Exception {
        Schema live = schema(table("users").cols(col("uid", "INTEGER")).pk("uid").build(),
                table("orders").cols(col("id", "INTEGER"), col("user_id", "TEXT")).pk("id").build());
        Schema declared = schema(table("users").cols(renamedFrom(col("id", "INTEGER"), "uid")).pk("id").build(),
                table("orders").cols(col("id", "INTEGER"), col("user_id", "INTEGER")).pk("id").fk("user_id", "users")
                        .build());
        MigrationPlan p = plan(declared, live, dir, "INSERT INTO users VALUES (1), (2)",
                "INSERT INTO orders VALUES (1, '1'), (2, '2'), (3, '3')");
        assertEquals(1, risks(p, Risk.Kind.ORPHAN_ROWS).get(0).rows());
    }

    @Test
    void rowsFailingANewCheckBlock() throws Exception {
        Schema declared = schema(table("items").cols(col("id", "INTEGER"), col("qty", "TEXT")).pk("id")
                .check("length(qty) < 3").build());
        MigrationPlan p = plan(declared, items("TEXT", false), dir, QTY_ROWS);
        assertEquals(List.of("table items: 2 rows fail CHECK (length(qty) < 3): fix those rows in the live database, "
                + "or change the CHECK"), blockerMessages(p));
    }

    @Test
    void checkIsEvaluatedOverTheMappedValues() throws Exception {
        Schema live = schema(table("t").cols(col("id", "INTEGER"), col("n", "INTEGER")).pk("id").build());
        Schema declared = schema(table("t").cols(col("id", "INTEGER"), from(col("n", "INTEGER"), "abs(\"n\")"))
                .pk("id").check("n >= 0").build());
        MigrationPlan p = plan(declared, live, dir, "INSERT INTO t VALUES (1, -5), (2, 3)");
        assertEquals(List.of(), p.blockers());
    }

    @Test
    void checkThatSqliteCannotEvaluateBlocks() throws Exception {
        Schema declared = schema(table("items").cols(col("id", "INTEGER"), col("qty", "TEXT")).pk("id")
                .check("nosuch > 0").build());
        MigrationPlan p = plan(declared, items("TEXT", false), dir, QTY_ROWS);
        assertEquals(List.of("table items: cannot evaluate CHECK (nosuch > 0) over the live rows (SQLite says: no such "
                + "column: nosuch): fix the declaration so that it is valid for the columns of items"),
                blockerMessages(p));
    }
}
