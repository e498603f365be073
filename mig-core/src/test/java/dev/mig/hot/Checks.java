package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

/** Whole-database checks of a new database after cutover. */
public final class Checks {

    private Checks() {
    }

    /** integrity_check ok, no foreign key violation, status ready, no replay-only table left. */
    public static void assertSound(Path db) {
        assertEquals(List.of("ok"), Rows.plain(db, "PRAGMA integrity_check"), "integrity_check");
        assertEquals(List.of(), Rows.plain(db, "PRAGMA foreign_key_check"), "foreign_key_check");
        assertEquals("ready", Rows.one(db, "SELECT status FROM _migration_status"));
        assertEquals(List.of(), Rows.plain(db, "SELECT name FROM sqlite_schema WHERE name IN ('_migration_plan', "
                + "'_migration_progress', '_migration_replay') OR name LIKE '\\_id\\_mapping%' ESCAPE '\\'"), "replay-only tables dropped");
    }
}
