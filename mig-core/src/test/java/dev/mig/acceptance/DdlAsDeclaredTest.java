package dev.mig.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.project.ProjectFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an ORM reads back from the new database is what it wrote: after 'mig init' and a migration, a
 * table mig did not change has its declared types spelled as the ORM spelled them, its single-column
 * UNIQUE constraints on their columns, and each CHECK where it was declared (on a column or the table), so that introspection (PRAGMA table_info, the index list, the
 * CREATE TABLE text Django's inspectdb parses) finds the same columns, lengths and unique flags.
 */
class DdlAsDeclaredTest {

    @TempDir
    Path dir;

    private static final String DJANGO_DDL = "CREATE TABLE \"shop_product\" (\"id\" integer NOT NULL PRIMARY KEY "
            + "AUTOINCREMENT, \"sku\" varchar(32) NOT NULL UNIQUE, \"price\" decimal(10,2) NULL, "
            + "\"title\" varchar(100) NOT NULL, \"created\" datetime NOT NULL)";

    @Test
    void anUnchangedTableReadsBackAsTheOrmDeclaredIt() throws Exception {
        Path old = dir.resolve("app.db");
        exec(old, DJANGO_DDL, "INSERT INTO shop_product (sku, price, title, created) VALUES ('a', 1.5, 't', '2026-01-01')");
        Path migrated = initAndMigrate(old);

        assertEquals(rows(old, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('shop_product')"),
                rows(migrated, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('shop_product')"));
        assertEquals(uniques(old), uniques(migrated));
        String ddl = rows(migrated, "SELECT sql FROM sqlite_schema WHERE name = 'shop_product'").get(0);
        assertTrue(ddl.contains("\"sku\" varchar(32) NOT NULL UNIQUE") && ddl.contains("\"price\" decimal(10,2)"), ddl);
    }

    /** Django writes a PositiveIntegerField's CHECK on its column; Rails and hand-written DDL may use either. */
    private static final String CHECKS_DDL = "CREATE TABLE \"stock\" (\"id\" integer NOT NULL PRIMARY KEY, "
            + "\"qty\" integer unsigned NOT NULL CHECK (\"qty\" >= 0), \"lo\" integer NOT NULL, \"hi\" integer NOT NULL, "
            + "CONSTRAINT \"lo_below_hi\" CHECK (lo <= hi))";

    @Test
    void checksComeBackOnTheColumnOrTheTableWhereTheyWereDeclared() throws Exception {
        Path old = dir.resolve("app.db");
        exec(old, CHECKS_DDL, "INSERT INTO stock (qty, lo, hi) VALUES (3, 1, 2)");
        Path migrated = initAndMigrate(old);

        String ddl = rows(migrated, "SELECT sql FROM sqlite_schema WHERE name = 'stock'").get(0);
        assertTrue(ddl.contains("\"qty\" integer unsigned NOT NULL CHECK (\"qty\" >= 0)"), ddl);
        assertTrue(ddl.contains("CONSTRAINT \"lo_below_hi\" CHECK (lo <= hi)\n)"), ddl);
        String yaml = java.nio.file.Files.readString(dir.resolve("schema.yaml"));
        assertTrue(yaml.lines().anyMatch(l -> l.strip().startsWith("qty:") && l.contains("check:")), yaml);
        assertTrue(yaml.contains("checks:"), yaml);
    }

    @Test
    void whereACheckIsWrittenDoesNotChangeTheSchemaHash() throws Exception {
        Path column = dir.resolve("column.db");
        Path table = dir.resolve("table.db");
        exec(column, "CREATE TABLE t (id INTEGER PRIMARY KEY, qty INTEGER CHECK (qty >= 0))");
        exec(table, "CREATE TABLE t (id INTEGER PRIMARY KEY, qty INTEGER, CHECK (qty >= 0))");

        assertEquals(Mig.schemaHash(table), Mig.schemaHash(column));
    }

    @Test
    void theSchemaHashDoesNotDependOnHowTypesAreSpelled() throws Exception {
        Path lower = dir.resolve("lower.db");
        Path upper = dir.resolve("upper.db");
        exec(lower, DJANGO_DDL);
        exec(upper, DJANGO_DDL.replace("integer", "INTEGER").replace("varchar", "VARCHAR")
                .replace("decimal(10,2)", "DECIMAL(10, 2)").replace("datetime", "DATETIME"));

        assertEquals(Mig.schemaHash(upper), Mig.schemaHash(lower));
    }

    /** What a user does: mig init from the application's database, then an offline migration; the new file. */
    private Path initAndMigrate(Path old) {
        Mig.init(old, dir, false);
        Mig.migrate(Project.at(dir, old), true, Progress.NONE);
        return ProjectFiles.at(dir, null).target();
    }

    /** Each unique index (column-level UNIQUE makes one): whether unique, how it was made, its columns. */
    private static List<String> uniques(Path db) throws Exception {
        return rows(db, "SELECT l.\"unique\" || ' ' || l.origin || ' ' || group_concat(i.name) "
                + "FROM pragma_index_list('shop_product') AS l, pragma_index_info(l.name) AS i GROUP BY l.name ORDER BY 1");
    }

    private static void exec(Path db, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static List<String> rows(Path db, String query) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
