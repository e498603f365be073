package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mig.Mig;
import dev.mig.api.MigException;
import dev.mig.api.Progress;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate --offline} never marks ready a new database that fails {@code foreign_key_check}. Here an
 * offline copy stops after its first table, a row naming no parent is written (foreign keys off) into the
 * next, and the copy is resumed: whatever refuses it, the database is not ready.
 */
class OfflineForeignKeyCheckTest {

    static final String V1 = """
            name: off
            tables:
              parents:
                columns:
                  id: {type: INTEGER, primaryKey: true}
              kids:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  parent_id: {type: INTEGER, references: parents.id}
            """;

    static final String V2 = V1 + "      nickname: {type: TEXT}\n";

    @TempDir
    Path base;

    @Test
    void offlineCopyWithAForeignKeyViolationIsNotMarkedReady() throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), V1);
        try (Db db = p.open()) {
            db.exec("INSERT INTO parents VALUES (1);\nINSERT INTO kids VALUES (1, 1)");
        }
        HotProject.declare(p.dir, V2);
        assertThrows(RuntimeException.class, () -> Mig.migrate(HotProject.project(p.dir), true, new Progress() {
            @Override
            public void tableFinished(String table, long rowsCopied, long millis) {
                throw new IllegalStateException("stopped after " + table);
            }
        }));
        try (Db db = p.open()) {
            db.exec("PRAGMA foreign_keys = OFF;\nINSERT INTO kids VALUES (2, 424242)");
        }
        assertThrows(MigException.class, () -> Mig.migrate(HotProject.project(p.dir), true, Progress.NONE));
        assertNotEquals("ready", Rows.one(p.newDb(), "SELECT status FROM _migration_status"));
    }
}
