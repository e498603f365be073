package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.MigException;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How copy and replay treat UNIQUE conflicts: stale holders make way, real violations fail loudly. */
class UniqueConflictsTest {

    static final String V1 = """
            name: u
            tables:
              users:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  email: {type: TEXT, unique: true}
                  nick: {type: TEXT}
            """;

    /** Same UNIQUE on email (carried over), plus a new UNIQUE on nick the old table never had. */
    static final String V2 = """
            name: u
            tables:
              users:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  email: {type: TEXT, unique: true}
                  nick: {type: TEXT, unique: true}
                  note: {type: TEXT}
            """;

    @TempDir
    Path base;

    private HotProject project() throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), V1);
        try (Db db = p.open()) {
            db.exec("INSERT INTO users VALUES (1, 'a@x', 'ann');\nINSERT INTO users VALUES (2, 'b@x', 'bob')");
        }
        return p;
    }

    @Test
    void swappingUniqueValuesDuringTheMigrationIsReplayedExactly() throws Exception {
        HotProject p = project();
        p.migrate(V2);
        try (Db db = p.open()) {
            db.exec("BEGIN IMMEDIATE;\nUPDATE users SET email = 'tmp' WHERE id = 1;\n"
                    + "UPDATE users SET email = 'a@x' WHERE id = 2;\nUPDATE users SET email = 'b@x' WHERE id = 1;\nCOMMIT");
        }
        p.drain();
        p.cutover();
        assertEquals(List.of("1|b@x", "2|a@x"), Rows.plain(p.newDb(), "SELECT id, email FROM users ORDER BY id"));
    }

    @Test
    void aWriteThatViolatesANewUniqueConstraintFailsTheDrainAndDeletesNothing() throws Exception {
        HotProject p = project();
        p.migrate(V2);
        try (Db db = p.open()) {
            db.exec("INSERT INTO users VALUES (3, 'c@x', 'ann')"); // legal in v1, a duplicate nick in v2
        }
        MigException e = assertThrows(MigException.class, p::drain);
        assertEquals(MigException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().startsWith("Rows of users violate a UNIQUE constraint of the new table users that "
                + "the old table does not enforce"), e.getMessage());
        assertEquals(List.of("1|ann", "2|bob"), Rows.plain(p.newDb(), "SELECT id, nick FROM users ORDER BY id"));
        try (Db db = p.open()) {
            assertEquals(3, db.count("SELECT count(*) FROM users"), "the old database keeps every row");
        }
    }
}
