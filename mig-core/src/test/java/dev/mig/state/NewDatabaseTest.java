package dev.mig.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.MigException;
import dev.mig.schema.Schema;
import dev.mig.schema.Trigger;
import dev.mig.schema.yaml.SchemaYaml;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The new file appears whole or not at all, under the permissions it was given. */
class NewDatabaseTest {

    private static final Schema SCHEMA = SchemaYaml.load("name: n\ntables:\n  t: {columns: {id: {type: INTEGER, "
            + "primaryKey: true}}}\n", "schema.yaml", "n");
    private static final Identity IDENTITY = new Identity("h", null, "now", "dev");

    @TempDir
    Path dir;

    private static NewDatabase.Spec ready(Schema schema, java.util.Set<java.nio.file.attribute.PosixFilePermission> perms) {
        return new NewDatabase.Spec(schema, null, perms, NewDatabase.Status.READY, IDENTITY, null, Map.of(), 1, List.of());
    }

    @Test
    void aLeftoverOfACreationThatWasKilledIsReplacedJournalFirst() throws Exception {
        Path target = dir.resolve("n.sqlite");
        Path leftover = NewDatabase.creatingFile(target);
        Files.writeString(leftover, "half a database");
        Files.writeString(Path.of(leftover + "-journal"), "a hot journal of the half");
        NewDatabase.create(target, ready(SCHEMA, null));
        assertTrue(StateStore.isReady(target));
        assertFalse(Files.exists(leftover));
        assertFalse(Files.exists(Path.of(leftover + "-journal")));
    }

    @Test
    void aCreationThatFailsLeavesNeitherTheFileNorItsTemporary() {
        Path target = dir.resolve("n.sqlite");
        Schema broken = new Schema("n", SCHEMA.tables(), List.of(),
                List.of(new Trigger("tr", "t", "CREATE TRIGGER tr AFTER INSERT ON missing BEGIN SELECT 1; END")), List.of());
        MigException e = assertThrows(MigException.class, () -> NewDatabase.create(target, ready(broken, null)));
        assertTrue(e.getMessage().startsWith("Cannot create " + target), e.getMessage());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(NewDatabase.creatingFile(target)));
    }

    @Test
    void theFileGetsThePermissionsItWasGiven() throws Exception {
        Path target = dir.resolve("n.sqlite");
        NewDatabase.create(target, ready(SCHEMA, PosixFilePermissions.fromString("rw-------")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        try (Db db = Db.open(target)) {
            assertEquals("1", db.one("SELECT count(*) FROM _migration_status"));
        }
    }
}
