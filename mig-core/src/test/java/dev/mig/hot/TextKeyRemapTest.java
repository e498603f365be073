package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TEXT primary key becomes INTEGER ids (ids: remap), the text kept in a column; children follow. */
class TextKeyRemapTest {

    static final String V1 = """
            name: rel
            tables:
              teams:
                columns:
                  code: {type: TEXT, primaryKey: true}
                  title: {type: TEXT, nullable: false}
              people:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  name: {type: TEXT, nullable: false, unique: true}
                  team: {type: TEXT, references: teams.code}
                  mentor_id: {type: INTEGER, references: people.id}
            """;

    /** teams: TEXT key to INTEGER ids, the code kept; people: remapped (self-reference, cycle with desks). */
    static final String V2 = """
            name: rel
            tables:
              teams:
                ids: remap
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  code: {type: TEXT, nullable: false, unique: true}
                  title: {type: TEXT, nullable: false}
              people:
                ids: remap
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  name: {type: TEXT, nullable: false, unique: true}
                  team_id: {type: INTEGER, references: teams.id, renamedFrom: team}
                  mentor_id: {type: INTEGER, references: people.id}
            """;

    static final String OLD_PEOPLE = "SELECT p.name, t.code, m.name FROM people p LEFT JOIN teams t ON t.code = p.team "
            + "LEFT JOIN people m ON m.id = p.mentor_id ORDER BY p.name";
    static final String NEW_PEOPLE = "SELECT p.name, t.code, m.name FROM people p LEFT JOIN teams t ON t.id = p.team_id "
            + "LEFT JOIN people m ON m.id = p.mentor_id ORDER BY p.name";

    @TempDir
    Path base;

    @Test
    void textPrimaryKeyBecomesIntegerIdsAndReferencesFollow() throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), V1);
        try (Db db = p.open()) {
            db.exec("""
                    INSERT INTO teams VALUES ('zeta', 'Z team'), ('alpha', 'A team'), ('mid', 'M team');
                    INSERT INTO people (id, name, team, mentor_id) VALUES (50, 'ann', 'zeta', NULL), (7, 'bob', 'alpha', 50)
                    """);
        }
        HotProject.declare(p.dir, V2);
        p.migrate(dev.mig.api.Progress.NONE);
        try (Db db = p.open()) {
            db.exec("""
                    INSERT INTO teams VALUES ('beta', 'B team');
                    INSERT INTO people (id, name, team, mentor_id) VALUES (3, 'fay', 'beta', 7)
                    """);
        }
        p.drain();
        assertEquals(Rows.typed(p.oldDb, "SELECT code FROM teams ORDER BY code"),
                Rows.typed(p.newDb(), "SELECT old_key FROM _id_mapping_teams ORDER BY old_key"));
        List<String> people = Rows.plain(p.oldDb, OLD_PEOPLE);
        p.cutover();
        // New keys in old-key order, then the team added during the migration; the text key kept as code.
        assertEquals(List.of("1|alpha", "2|mid", "3|zeta", "4|beta"),
                Rows.plain(p.newDb(), "SELECT id, code FROM teams ORDER BY id"));
        assertEquals(people, Rows.plain(p.newDb(), NEW_PEOPLE));
        Checks.assertSound(p.newDb());
    }
}
