package dev.mig.cli.acceptance;

import static dev.mig.cli.acceptance.Cli.mig;
import static dev.mig.cli.acceptance.PlanReport.assertBlocker;
import static dev.mig.cli.acceptance.PlanReport.assertCanMigrate;
import static dev.mig.cli.acceptance.PlanReport.assertRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mig plan} through the command line on small projects: a schema.yaml snippet and a source
 * database named {@code app-<hash>.sqlite} that mig finds by itself. Each test checks the exact line
 * that reports the change, risk or blocker, its counts, and the exit code (0 go, 1 blocked).
 */
class PlanGoldenTest {

    /** Five customers (three share an e-mail, two ages are not numbers) and four orders (two orphans). */
    private static final String SHOP = """
            CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT, age TEXT);
            INSERT INTO customers VALUES (1, 'ann', 'a@x', '31'), (2, 'bob', 'a@x', 'n/a'), (3, 'cy', 'c@x', '40'),
                                         (4, 'dee', 'a@x', NULL), (5, 'eve', 'e@x', 'unknown');
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, total INTEGER);
            INSERT INTO orders VALUES (1, 1, 10), (2, 9, 20), (3, 8, 30), (4, 2, 5);
            """;

    private static final String ORDERS = """
              orders:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  customer_id: {type: INTEGER}
                  total: {type: INTEGER}
            """;

    @TempDir
    Path tmp;

    @Test
    void tableRenamedFromIsPlannedAsARename() {
        Cli.Run plan = plan(customers("clients", "renamedFrom: customers", "") + ORDERS);

        assertEquals(0, plan.exit(), plan.toString());
        assertRow(plan.out(), "1.", "clients", "RENAME", "5 rows", "4 KB", "dbstat");
        assertRow(plan.out(), "TABLE_RENAMED", "table customers renamed to clients");
        assertCanMigrate(plan.out());
    }

    @Test
    void columnRenamedFromTakesTheOldColumnsValues() {
        Cli.Run plan = plan("""
                tables:
                  customers:
                    columns:
                      id: {type: INTEGER, primaryKey: true}
                      full_name: {type: TEXT, nullable: false, renamedFrom: name}
                      email: {type: TEXT}
                      age: {type: TEXT}
                """ + ORDERS);

        assertEquals(0, plan.exit(), plan.toString());
        assertRow(plan.out(), "full_name", "renamed", "\"name\"");
        assertRow(plan.out(), "COLUMN_RENAMED", "column customers.name renamed to customers.full_name");
        assertCanMigrate(plan.out());
    }

    @Test
    void droppedColumnWithConsentIsReported() {
        Cli.Run plan = plan(customers("customers", "dropColumns: [age]", "age") + ORDERS);

        assertEquals(0, plan.exit(), plan.toString());
        assertRow(plan.out(), "age", "dropped");
        assertRow(plan.out(), "COLUMN_DROPPED", "column customers.age dropped (dropColumns)");
        assertCanMigrate(plan.out());
    }

    @Test
    void droppedColumnWithoutConsentBlocks() {
        Cli.Run plan = plan(customers("customers", "", "age") + ORDERS);

        assertEquals(1, plan.exit(), plan.toString());
        assertBlocker(plan.out(), "live column customers.age is not in the declared table customers: declare it, "
                + "list it in dropColumns of customers to discard its values, or name it in renamedFrom of the "
                + "column that replaces it");
    }

    @Test
    void droppedTableWithConsentReportsItsRows() {
        Cli.Run plan = plan(customers("customers", "", "") + "dropTables: [orders]\n");

        assertEquals(0, plan.exit(), plan.toString());
        assertTrue(plan.out().contains("\nDropped tables\n  orders  4 rows\n"), plan.out());
        assertRow(plan.out(), "TABLE_DROPPED", "table orders dropped (dropTables): 4 rows discarded");
        assertCanMigrate(plan.out());
    }

    @Test
    void droppedTableWithoutConsentBlocks() {
        Cli.Run plan = plan(customers("customers", "", ""));

        assertEquals(1, plan.exit(), plan.toString());
        assertBlocker(plan.out(), "live table orders (4 rows) is not in the declared schema: declare it, list it "
                + "in dropTables to discard its rows, or name it in renamedFrom of the table that replaces it");
    }

    @Test
    void newNotNullColumnWithDefaultCanMigrate() {
        Cli.Run plan = plan(customers("customers", "", "") + ORDERS.replace(
                "total: {type: INTEGER}", "total: {type: INTEGER}\n      paid: {type: INTEGER, nullable: false, default: 0}"));

        assertEquals(0, plan.exit(), plan.toString());
        assertRow(plan.out(), "paid", "defaulted");
        assertRow(plan.out(), "COLUMN_ADDED", "column orders.paid is new, filled with its default 0");
        assertCanMigrate(plan.out());
    }

    @Test
    void newNotNullColumnWithoutDefaultBlocks() {
        Cli.Run plan = plan(customers("customers", "", "") + ORDERS.replace(
                "total: {type: INTEGER}", "total: {type: INTEGER}\n      paid: {type: INTEGER, nullable: false}"));

        assertEquals(1, plan.exit(), plan.toString());
        assertBlocker(plan.out(), "column orders.paid is new, NOT NULL and has no default: add a default, make it "
                + "nullable, or give it a `from:` expression");
    }

    @Test
    void typeChangeToStrictIntegerCountsTheRowsItRejects() {
        Cli.Run plan = plan(customers("customers", "strict: true", "").replace("age: {type: TEXT}",
                "age: {type: INTEGER}") + ORDERS);

        assertEquals(1, plan.exit(), plan.toString());
        assertBlocker(plan.out(), "column customers.age: 2 rows hold values that a STRICT INTEGER column rejects "
                + "(the copy would fail with SQLITE_CONSTRAINT_DATATYPE): fix those rows in the live database, or "
                + "give the column a from: expression that converts them");
    }

    @Test
    void typeChangeToIntegerAffinityWarnsWithTheCount() {
        Cli.Run plan = plan(customers("customers", "", "").replace("age: {type: TEXT}", "age: {type: INTEGER}")
                + ORDERS);

        assertEquals(0, plan.exit(), plan.toString());
        assertRow(plan.out(), "WARNING", "UNCONVERTIBLE_VALUES", "column customers.age: 2 rows hold values that "
                + "INTEGER affinity cannot convert (TEXT that is not a well-formed number, or BLOB); they are "
                + "stored as they are");
        assertCanMigrate(plan.out());
    }

    @Test
    void newUniqueOverDuplicatesCountsGroupsAndRows() {
        Cli.Run plan = plan(customers("customers", "", "").replace("email: {type: TEXT}",
                "email: {type: TEXT, unique: true}") + ORDERS);

        assertEquals(1, plan.exit(), plan.toString());
        assertBlocker(plan.out(), "table customers: UNIQUE (email) has 1 group of duplicate values (3 rows): "
                + "remove the duplicates in the live database, or drop the constraint");
    }

    @Test
    void newForeignKeyOverOrphansCountsThem() {
        Cli.Run plan = plan(customers("customers", "", "") + ORDERS.replace("customer_id: {type: INTEGER}",
                "customer_id: {type: INTEGER, references: customers.id}"));

        assertEquals(1, plan.exit(), plan.toString());
        assertBlocker(plan.out(), "table orders: 2 rows have no parent row in customers under the new FOREIGN KEY "
                + "(customer_id) REFERENCES customers (id); the new database enforces foreign keys, so the "
                + "migration would fail its foreign_key_check: delete or fix those rows in the live database, or "
                + "remove the foreign key");
    }

    @Test
    void jsonPlanParsesAndSaysWhetherItCanMigrate() throws IOException {
        Path dir = Fixture.project(tmp, "app", customers("customers", "", "").replace("email: {type: TEXT}",
                "email: {type: TEXT, unique: true}") + ORDERS, SHOP);

        Cli.Run run = mig("plan", "--json", "-d", dir.toString());

        assertEquals(1, run.exit(), run.toString());
        JsonNode plan = new ObjectMapper().readTree(run.out()).get("plan");
        assertFalse(plan.get("canMigrate").asBoolean());
        JsonNode risk = plan.get("risks").get(0);
        assertEquals("DUPLICATE_KEYS", risk.get("kind").asText());
        assertEquals(1, risk.get("groups").asLong());
        assertEquals(3, risk.get("rows").asLong());
        assertEquals(1, plan.get("blockers").size());
    }

    @Test
    void anUnchangedSchemaHasNothingToMigrateAsMigrateSays() throws IOException {
        Path dir = Fixture.project(tmp, "app", customers("customers", "", "") + ORDERS, SHOP);

        Cli.Run run = mig("plan", "--json", "-d", dir.toString());
        Cli.Run text = mig("plan", "-d", dir.toString());

        assertEquals(0, run.exit(), run.toString());
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertTrue(report.get("targetCurrent").asBoolean(), run.out());
        assertTrue(report.get("canMigrate").asBoolean(), run.out());
        assertTrue(report.get("plan").isNull(), "nothing to plan: " + run.out());
        assertEquals(0, text.exit(), text.toString());
        assertTrue(text.out().contains("already holds this schema; nothing to migrate"), text.toString());
    }

    @Test
    void planSaysHowMuchRoomTheCopyNeedsAndHowMuchThereIs() throws IOException {
        Path dir = Fixture.project(tmp, "app", customers("clients", "renamedFrom: customers", "") + ORDERS, SHOP);

        Cli.Run text = mig("plan", "-d", dir.toString());
        Cli.Run json = mig("plan", "--json", "-d", dir.toString());

        assertTrue(text.out().matches("(?s).*\n  Disk: +about [0-9]+ KB needed, [0-9.]+ [MG]B free on the new database's "
                + "file system\n.*"), text.out());
        JsonNode disk = new ObjectMapper().readTree(json.out()).get("disk");
        assertEquals(3 * 4096, disk.get("neededBytes").asLong(), "schema page and two tables: " + json.out());
        assertTrue(disk.get("usableBytes").asLong() > 0, json.out());
        assertFalse(disk.get("tight").asBoolean(), json.out());
    }

    @Test
    void sourceIsFoundByItsFileName() {
        Path dir = Fixture.project(tmp, "app", customers("clients", "renamedFrom: customers", "") + ORDERS, SHOP);
        Path source = Fixture.onlyDatabase(dir);

        Cli.Run plan = mig("plan", "-d", dir.toString());

        assertEquals(0, plan.exit(), plan.toString());
        assertRow(plan.out(), "Source:", source.toAbsolutePath().toString());
        assertTrue(source.getFileName().toString().matches("app-[0-9a-f]{16}\\.sqlite"), source.toString());
    }

    @Test
    void sourceOptionNamesADatabaseOutsideTheProject() throws IOException {
        Path dir = java.nio.file.Files.createDirectory(tmp.resolve("app"));
        Fixture.write(dir.resolve("schema.yaml"), customers("clients", "renamedFrom: customers", "") + ORDERS);
        Path source = Fixture.database(tmp.resolve("live.db"), SHOP);

        Cli.Run plan = mig("plan", "-d", dir.toString(), "--source", source.toString());

        assertEquals(0, plan.exit(), plan.toString());
        assertRow(plan.out(), "Source:", source.toAbsolutePath().toString());
        assertRow(plan.out(), "TABLE_RENAMED", "table customers renamed to clients");
    }

    /** The customers table as declared, named {@code name}, with extra table keys, minus one column. */
    private static String customers(String name, String tableKeys, String omitColumn) {
        StringBuilder yaml = new StringBuilder("tables:\n  " + name + ":\n");
        if (!tableKeys.isEmpty()) {
            yaml.append("    ").append(tableKeys).append('\n');
        }
        yaml.append("    columns:\n");
        String[][] columns = {{"id", "{type: INTEGER, primaryKey: true}"}, {"name", "{type: TEXT, nullable: false}"},
            {"email", "{type: TEXT}"}, {"age", "{type: TEXT}"}};
        for (String[] c : columns) {
            if (!c[0].equals(omitColumn)) {
                yaml.append("      ").append(c[0]).append(": ").append(c[1]).append('\n');
            }
        }
        return yaml.toString();
    }

    private Cli.Run plan(String schemaYaml) {
        Path dir = Fixture.project(tmp, "app", schemaYaml, SHOP);
        return mig("plan", "-d", dir.toString()).assertNoStackTrace();
    }
}
