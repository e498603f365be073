package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ids: remap across foreign keys: a TEXT key becoming INTEGER ids (children follow), a self-reference,
 * and a two-table cycle of which one side is remapped. Rows written before the copy and during
 * recording (replayed) both land with their references pointing at the right rows.
 */
class RemapTest {

    static final String V1 = """
            name: rel
            tables:
              teams:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  code: {type: TEXT, nullable: false, unique: true}
                  title: {type: TEXT, nullable: false}
              people:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  name: {type: TEXT, nullable: false, unique: true}
                  team_id: {type: INTEGER, references: teams.id}
                  mentor_id: {type: INTEGER, references: people.id}
                  desk_id: {type: INTEGER, references: desks.id}
              desks:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  label: {type: TEXT, nullable: false, unique: true}
                  owner_id: {type: INTEGER, references: people.id}
            """;

    /**
     * teams and people remapped (people: a self-reference, and a cycle with desks, which keeps its ids).
     * ids: is a directive, not structure: without a column added the schema hash would not change.
     */
    static final String V2 = """
            name: rel
            tables:
              teams:
                ids: remap
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  code: {type: TEXT, nullable: false, unique: true}
                  title: {type: TEXT, nullable: false}
                  budget: {type: INTEGER}
              people:
                ids: remap
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  name: {type: TEXT, nullable: false, unique: true}
                  team_id: {type: INTEGER, references: teams.id}
                  mentor_id: {type: INTEGER, references: people.id}
                  desk_id: {type: INTEGER, references: desks.id}
              desks:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  label: {type: TEXT, nullable: false, unique: true}
                  owner_id: {type: INTEGER, references: people.id}
            """;

    static final String OLD_PEOPLE = "SELECT p.name, t.code, m.name, d.label FROM people p LEFT JOIN teams t ON t.id = p.team_id "
            + "LEFT JOIN people m ON m.id = p.mentor_id LEFT JOIN desks d ON d.id = p.desk_id ORDER BY p.name";
    static final String NEW_PEOPLE = "SELECT p.name, t.code, m.name, d.label FROM people p LEFT JOIN teams t ON t.id = p.team_id "
            + "LEFT JOIN people m ON m.id = p.mentor_id LEFT JOIN desks d ON d.id = p.desk_id ORDER BY p.name";
    static final String DESKS = "SELECT d.id, d.label, o.name FROM desks d LEFT JOIN people o ON o.id = d.owner_id ORDER BY d.id";
    static final String TEAMS = "SELECT code, title FROM teams ORDER BY code";

    @TempDir
    Path base;
    HotProject p;

    @BeforeEach
    void oldDatabaseWithReferences() throws Exception {
        p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), V1);
        try (Db db = p.open()) {
            db.exec("""
                    INSERT INTO teams VALUES (30, 'zeta', 'Z team'), (10, 'alpha', 'A team'), (20, 'mid', 'M team');
                    INSERT INTO people (id, name, team_id, mentor_id) VALUES (50, 'ann', 30, NULL), (7, 'bob', 10, 50),
                      (30, 'cat', 10, 7), (8, 'dan', NULL, 30), (900, 'eve', 20, 900);
                    INSERT INTO desks (id, label, owner_id) VALUES (1, 'window', 7), (2, 'door', 50), (3, 'spare', NULL);
                    UPDATE people SET desk_id = 1 WHERE name = 'bob';
                    UPDATE people SET desk_id = 2 WHERE name = 'ann'
                    """);
        }
        HotProject.declare(p.dir, V2);
        p.migrate(dev.mig.api.Progress.NONE);
        try (Db db = p.open()) { // recorded, then replayed: new keys, new references, a moved mentor
            db.exec("""
                    INSERT INTO teams VALUES (5, 'beta', 'B team');
                    INSERT INTO people (id, name, team_id, mentor_id, desk_id) VALUES (3, 'fay', 5, 900, 3);
                    UPDATE desks SET owner_id = 3 WHERE id = 3;
                    UPDATE people SET mentor_id = 3, team_id = 30 WHERE name = 'dan';
                    UPDATE people SET id = 1000 WHERE name = 'cat'
                    """);
        }
        p.drain();
    }

    @Test
    void idMappingHasOneRowPerOldKeyBeforeCutover() {
        Path target = p.newDb();
        assertEquals(Rows.typed(p.oldDb, "SELECT id FROM teams ORDER BY id"),
                Rows.typed(target, "SELECT old_key FROM _id_mapping_teams ORDER BY old_key"));
        // cat's old key 30 was mapped by the copy, its new key 1000 by replay; both stay in the mapping.
        assertEquals(Rows.typed(p.oldDb, "SELECT id FROM people UNION SELECT 30 ORDER BY 1"),
                Rows.typed(target, "SELECT old_key FROM _id_mapping_people ORDER BY old_key"));
    }

    @Test
    void newKeysFollowOldKeyOrderAndReplayedRowsComeAfter() {
        p.cutover();
        assertEquals(List.of("1|alpha", "2|mid", "3|zeta", "4|beta"),
                Rows.plain(p.newDb(), "SELECT id, code FROM teams ORDER BY id"));
        assertEquals(Rows.plain(p.oldDb, TEAMS), Rows.plain(p.newDb(), TEAMS));
    }

    @Test
    void foreignKeysPointAtTheSameRowsAsBefore() {
        List<String> people = Rows.plain(p.oldDb, OLD_PEOPLE);
        List<String> desks = Rows.plain(p.oldDb, DESKS);
        p.cutover();
        assertEquals(people, Rows.plain(p.newDb(), NEW_PEOPLE));
        assertEquals(desks, Rows.plain(p.newDb(), DESKS));
        assertEquals("eve|mid|eve|null", people.get(4), "a row that mentors itself still does");
    }

    @Test
    void newDatabasePassesIntegrityAndForeignKeyChecks() {
        p.cutover();
        Checks.assertSound(p.newDb());
    }
}
