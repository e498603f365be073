package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.common.MigException;
import dev.mig.copy.CopyListener;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate --offline} never marks ready a new database that fails {@code foreign_key_check}, even
 * when the old data was valid and the copy itself broke a reference: here {@code tickets.ref} references
 * both a remapped table and one that keeps its ids, so no value can satisfy both after the copy.
 */
class OfflineForeignKeyCheckTest {

    static final String V1 = """
            name: amb
            tables:
              accounts:
                columns:
                  id: {type: INTEGER, primaryKey: true}
              ledgers:
                columns:
                  id: {type: INTEGER, primaryKey: true}
              tickets:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  ref: {type: INTEGER, references: accounts.id}
                foreignKeys:
                  - {columns: [ref], references: ledgers, refColumns: [id]}
            """;

    static final String V2 = V1.replace("  accounts:\n", "  accounts:\n    ids: remap\n")
            .replace("      id: {type: INTEGER, primaryKey: true}\n  ledgers:",
                    "      id: {type: INTEGER, primaryKey: true}\n      note: {type: TEXT}\n  ledgers:");

    @TempDir
    Path base;

    @Test
    void offlineCopyThatBreaksAForeignKeyIsNotMarkedReady() throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), V1);
        try (Db db = p.open()) {
            db.exec("INSERT INTO accounts VALUES (10);\nINSERT INTO ledgers VALUES (10);\nINSERT INTO tickets VALUES (1, 10)");
        }
        HotProject.declare(p.dir, V2);
        MigException e = assertThrows(MigException.class,
                () -> Mig.migrate(HotProject.project(p.dir), true, CopyListener.NONE));
        assertTrue(e.getMessage().contains("foreign-key violation"), e.getMessage());
        Path target = p.newDb();
        assertTrue(!Files.exists(target) || !"ready".equals(Rows.one(target, "SELECT status FROM _migration_status")),
                "not marked ready");
        assertThrows(MigException.class, () -> Mig.migrate(HotProject.project(p.dir), true, CopyListener.NONE),
                "a rerun refuses too");
        assertNotEquals("ready", Rows.one(target, "SELECT status FROM _migration_status"));
    }
}
