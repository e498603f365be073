package dev.mig.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.schema.yaml.SchemaPositions.Position;
import dev.mig.schema.yaml.SchemaPositions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaPositionsTest {

    @TempDir
    Path dir;

    private SchemaPositions read(String yaml) throws Exception {
        Path file = dir.resolve("schema.yaml");
        Files.writeString(file, yaml);
        return SchemaPositions.read(file);
    }

    private static final String SHOP = """
            name: shop
            tables:
              Orders:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  total:
                    type: INTEGER
                dropColumns: [fax, "legacy code"]
                indexes:
                  orders_by_total: [total]
            views:
              big_orders: SELECT * FROM orders WHERE total > 100
            dropTables:
              - audit
            """;

    @Test
    void tablesAndColumnsAreFoundAtTheirKeysWhateverTheNamesCase() throws Exception {
        SchemaPositions p = read(SHOP);

        assertEquals(new Position(3, 3), p.table("orders").orElseThrow());
        assertEquals(new Position(5, 7), p.column("ORDERS", "id").orElseThrow());
        assertEquals(new Position(6, 7), p.column("orders", "total").orElseThrow());
    }

    @Test
    void droppedColumnsAndTablesAreFoundAtTheirEntries() throws Exception {
        SchemaPositions p = read(SHOP);

        assertEquals(new Position(8, 19), p.column("orders", "fax").orElseThrow());
        assertEquals(new Position(8, 24), p.column("orders", "legacy code").orElseThrow());
        assertEquals(new Position(14, 5), p.droppedTable("audit").orElseThrow());
    }

    @Test
    void indexesAndViewsAreFoundByName() throws Exception {
        SchemaPositions p = read(SHOP);

        assertEquals(new Position(10, 7), p.object("orders_by_total").orElseThrow());
        assertEquals(new Position(12, 3), p.object("big_orders").orElseThrow());
    }

    @Test
    void aKeyOfSeveralColumnsPointsAtTheFirst() throws Exception {
        assertEquals(new Position(5, 7), read(SHOP).column("orders", "id, total").orElseThrow());
    }

    @Test
    void anUndeclaredTablePointsAtTheTablesKey() throws Exception {
        assertEquals(new Position(2, 1), read(SHOP).table("customers").orElseThrow());
    }

    @Test
    void aFileThatNoLongerParsesHasNoPositions() throws Exception {
        SchemaPositions p = read("tables: [unclosed");

        assertTrue(p.table("orders").isEmpty());
        assertTrue(SchemaPositions.read(dir.resolve("missing.yaml")).topKey("name").isEmpty());
    }
}
