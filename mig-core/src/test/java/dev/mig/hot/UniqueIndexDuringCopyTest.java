package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.MigException;
import dev.mig.api.MigrateOptions;
import dev.mig.api.Progress;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A UNIQUE index declared under indexes: is built after its table's rows. When the application moves a
 * value from a row already copied to one copied later, the stale copy still holds it at that moment:
 * migrate leaves the index for drain, which builds it once replay has written the move, and cutover
 * refuses while it is missing.
 */
class UniqueIndexDuringCopyTest {

    private static final String V1 = """
            name: u
            tables:
              users:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  handle: {type: TEXT}
                  note: {type: TEXT}
                indexes:
                  users_handle: {columns: [handle], unique: true}
            """;

    /** The same table with a column renamed: the copy rebuilds it, and builds the index after its rows. */
    private static final String V2 = V1.replace("note: {type: TEXT}", "memo: {type: TEXT, renamedFrom: note}");

    @TempDir
    Path base;

    /** Migrates while, once the first chunks are copied, the application moves h1 from row 1 to row 600. */
    private HotProject migrateWhileAValueMoves(List<String> said) throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), V1, "WAL");
        try (Db db = p.open()) {
            db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600) "
                    + "INSERT INTO users (id, handle, note) SELECT i, 'h' || i, 'n' FROM n");
        }
        HotProject.declare(p.dir, V2);
        boolean[] moved = {false};
        Progress listener = new Progress() {
            @Override
            public void chunkCopied(String table, long copied, long total) {
                if (!moved[0] && copied >= 200 && copied < total) {
                    moved[0] = true;
                    try (Db db = p.open()) {
                        db.exec("UPDATE users SET handle = 'moved' WHERE id = 1");
                        db.exec("UPDATE users SET handle = 'h1' WHERE id = 600");
                    }
                }
            }

            @Override
            public void info(String line) {
                said.add(line);
            }
        };
        Mig.migrate(HotProject.project(p.dir), new MigrateOptions(false, 2_000, 75), listener);
        assertTrue(moved[0], "the value moved while the copy ran");
        return p;
    }

    @Test
    void migrateLeavesTheIndexForDrainWhichBuildsItOnceTheMoveIsReplayed() throws Exception {
        List<String> said = new ArrayList<>();
        HotProject p = migrateWhileAValueMoves(said);

        assertTrue(said.stream().anyMatch(l -> l.contains("index users_handle waits for drain")), said.toString());
        p.drain();
        p.cutover();

        try (Db db = Db.open(p.newDb())) {
            assertEquals(List.of("1|moved", "600|h1"), db.rows("SELECT id || '|' || handle FROM users WHERE id IN (1, 600) "
                    + "ORDER BY id"));
            assertEquals("1", db.one("SELECT count(*) FROM sqlite_schema WHERE name = 'users_handle'"));
        }
    }

    @Test
    void cutoverRefusesWhileTheIndexIsMissing() throws Exception {
        HotProject p = migrateWhileAValueMoves(new ArrayList<>());

        MigException e = org.junit.jupiter.api.Assertions.assertThrows(MigException.class, p::cutover);

        assertTrue(e.getMessage().contains("users_handle"), e.getMessage());
    }
}
