package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.MigException;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rowid table's TEXT primary key may hold NULL. Plan refuses such rows when they exist; one written
 * after plan cannot be found by its key, so drain refuses to finish without it (writes resumed), and
 * finishes once the application gave it a key.
 */
class NullKeyAfterPlanTest {

    private static final String V1 = """
            name: n
            tables:
              codes:
                columns:
                  code: {type: TEXT, primaryKey: true}
                  v: {type: INTEGER}
            """;

    @TempDir
    Path base;

    @Test
    void drainRefusesARowWithANullKeyWrittenAfterPlanAndFinishesOnceItHasOne() throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), V1, "WAL");
        try (Db db = p.open()) {
            db.exec("INSERT INTO codes VALUES ('a', 1)");
        }
        p.migrate(V1 + "      note: {type: TEXT}\n");
        try (Db db = p.open()) {
            db.exec("INSERT INTO codes VALUES (NULL, 2)");
        }

        MigException e = assertThrows(MigException.class, p::drain);

        assertTrue(e.getMessage().contains("1 row with NULL in its primary key"), e.getMessage());
        try (Db db = p.open()) {
            assertEquals("recording", db.one("SELECT status FROM _migration_marker"), "writes go on");
            db.exec("UPDATE codes SET code = 'b' WHERE code IS NULL");
        }
        p.drain();
        try (Db db = Db.open(p.newDb())) {
            assertEquals("a|1,b|2", db.one("SELECT group_concat(code || '|' || v) FROM (SELECT * FROM codes ORDER BY code)"));
        }
    }
}
