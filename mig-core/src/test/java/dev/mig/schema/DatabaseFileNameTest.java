package dev.mig.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** mig's database files are {@code <name>-<16 hex>.sqlite}; nothing else is taken for one. */
class DatabaseFileNameTest {

    @Test
    void aFileNameIsTheSchemaNameAndItsHash() {
        assertEquals("shop-0123456789abcdef.sqlite", DatabaseFileName.of("shop", "0123456789abcdef"));
    }

    @Test
    void theNameAndHashAreReadBackEvenWhenTheNameHasDashes() {
        Path file = Path.of("/data/my-shop-0123456789abcdef.sqlite");
        assertTrue(DatabaseFileName.matches(file));
        assertEquals(Optional.of("my-shop"), DatabaseFileName.schemaName(file));
        assertEquals(Optional.of("0123456789abcdef"), DatabaseFileName.hash(file));
    }

    @Test
    void otherFilesAreNotMigDatabases() {
        for (String name : new String[] {"app.sqlite", "shop-0123456789ABCDEF.sqlite", "shop-0123456789abcde.sqlite",
                "shop-0123456789abcdef.sqlite-wal", "shop-0123456789abcdef.db", "-0123456789abcdef.sqlite"}) {
            Path file = Path.of(name);
            assertFalse(DatabaseFileName.matches(file), name);
            assertEquals(Optional.empty(), DatabaseFileName.hash(file), name);
        }
    }
}
