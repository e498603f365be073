package dev.mig.cli.acceptance;

import static dev.mig.cli.acceptance.Cli.mig;
import static dev.mig.cli.acceptance.PlanReport.assertCanMigrate;
import static dev.mig.cli.acceptance.PlanReport.assertRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.schema.SchemaHash;
import dev.mig.schema.introspect.Introspector;
import dev.mig.sql.Sql;
import dev.mig.sql.SqliteFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/shop is what the README says it is, and its plan can run. */
class ExampleShopTest {

    private static final Path SHOP = Path.of("../examples/shop");
    private static final List<String> TABLES = List.of("customers", "products", "orders", "order_items");

    @TempDir
    Path tmp;

    @Test
    void committedDatabaseIsNamedWithTheHashOfItsSchema() {
        Path db = Fixture.onlyDatabase(SHOP);

        String hash = SchemaHash.of(Introspector.read(db).schema());

        assertEquals("shop-" + hash + ".sqlite", db.getFileName().toString());
    }

    @Test
    void committedDatabaseIsTheOneV1SqlMakes() throws SQLException {
        Path committed = Fixture.onlyDatabase(SHOP);
        Path fresh = Fixture.database(tmp.resolve("v1.sqlite"), Fixture.read(SHOP.resolve("v1.sql")));

        assertEquals(SchemaHash.of(Introspector.read(fresh).schema()),
                SchemaHash.of(Introspector.read(committed).schema()));
        assertEquals(rows(fresh), rows(committed));
    }

    @Test
    void exampleHoldsAFewDozenLinkedRows() throws SQLException {
        List<String> rows = rows(Fixture.onlyDatabase(SHOP));

        assertTrue(rows.size() >= 24 && rows.size() <= 100, rows.size() + " rows");
    }

    @Test
    void planOfTheExampleCanMigrate() {
        Map<String, String> before = Fixture.snapshot(SHOP);

        Cli.Run plan = mig("plan", "-d", SHOP.toString()).assertNoStackTrace();

        assertEquals(0, plan.exit(), plan.toString());
        assertCanMigrate(plan.out());
        assertEquals(before, Fixture.snapshot(SHOP));
    }

    @Test
    void afterTheMigrationPlanAndMigrateSayThereIsNothingToMigrateAndChangeNothing() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("shop"));
        for (String name : List.of("schema.yaml", Fixture.onlyDatabase(SHOP).getFileName().toString())) {
            Files.copy(SHOP.resolve(name), dir.resolve(name));
        }
        assertEquals(0, mig("migrate", "--offline", "-d", dir.toString()).exit());
        Map<String, String> before = Fixture.snapshot(dir);

        Cli.Run plan = mig("plan", "-d", dir.toString()).assertNoStackTrace();
        Cli.Run migrate = mig("migrate", "-d", dir.toString()).assertNoStackTrace();

        assertEquals(0, plan.exit(), plan.toString());
        assertTrue(plan.out().contains("already holds this schema; nothing to migrate"), plan.toString());
        assertEquals(0, migrate.exit(), migrate.toString());
        assertTrue(migrate.out().contains("already holds this schema; nothing to migrate"), migrate.toString());
        assertEquals(before, Fixture.snapshot(dir), "the old file stays, unused; nothing was written");
    }

    @Test
    void betweenDrainAndCutoverPlanExitsAsMigrateDoesWithItsReason() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("shop"));
        for (String name : List.of("schema.yaml", Fixture.onlyDatabase(SHOP).getFileName().toString())) {
            Files.copy(SHOP.resolve(name), dir.resolve(name));
        }
        assertEquals(0, mig("migrate", "-d", dir.toString()).exit());
        assertEquals(0, mig("drain", "-d", dir.toString()).exit());

        Cli.Run plan = mig("plan", "-d", dir.toString()).assertNoStackTrace();
        Cli.Run migrate = mig("migrate", "-d", dir.toString()).assertNoStackTrace();

        assertEquals(1, migrate.exit(), migrate.toString());
        assertTrue(migrate.err().contains("this one is drained"), migrate.toString());
        assertEquals(1, plan.exit(), plan.toString());
        assertTrue(plan.out().contains("Can migrate: no"), plan.toString());
        assertTrue(plan.out().contains("this one is drained") && plan.out().contains("Run 'mig cutover', or 'mig reset'"), plan.toString());
    }

    @Test
    void planOfTheExampleShowsEachChangeTheReadmeDescribes() {
        Cli.Run plan = mig("plan", "-d", SHOP.toString());

        assertRow(plan.out(), "TABLE_RENAMED", "table order_items renamed to order_lines");
        assertRow(plan.out(), "COLUMN_RENAMED", "column products.title renamed to products.name");
        assertRow(plan.out(), "COLUMN_ADDED",
                "column order_lines.line_total_cents is new, computed from quantity * unit_price_cents");
        assertRow(plan.out(), "COLUMN_DROPPED", "column customers.fax dropped (dropColumns)");
        assertRow(plan.out(), "KEYS_REMAPPED",
                "table products gets new keys (ids: remap); foreign keys pointing at it are translated");
        assertTrue(plan.out().contains("\n  translates (product_id) -> products.id (remapped)\n"), plan.out());
        assertRow(plan.out(), "3.", "orders", "KEEP", "8 rows", "4 KB", "dbstat");
    }

    /** Every row of the v1 tables, as text, in key order. */
    private static List<String> rows(Path db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = SqliteFiles.openReadOnly(db); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + Sql.ident(table) + " ORDER BY 1")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int i = 1; i <= n; i++) {
                            row.append('|').append(rs.getString(i));
                        }
                        out.add(row.toString());
                    }
                }
            }
        }
        return out;
    }
}
