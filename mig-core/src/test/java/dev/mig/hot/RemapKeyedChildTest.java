package dev.mig.hot;

import dev.mig.api.Progress;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables keyed by a reference to a remapped table keep their ids while the parent gets new ones: a
 * one-to-one table ({@code profiles.user_id}) and a join table ({@code memberships (user_id, group_id)}).
 * Their key columns hold the parent's new key, so replay must find their rows by the translated key.
 * Checked with plain SQL over the old database.
 */
class RemapKeyedChildTest {

    static final String V1 = """
            name: one
            tables:
              users:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  name: {type: TEXT, nullable: false, unique: true}
              profiles:
                columns:
                  user_id: {type: INTEGER, primaryKey: true, references: users.id, onDelete: cascade, onUpdate: cascade}
                  bio: {type: TEXT}
              groups:
                columns:
                  id: {type: INTEGER, primaryKey: true}
              memberships:
                columns:
                  user_id: {type: INTEGER, nullable: false, references: users.id, onDelete: cascade, onUpdate: cascade}
                  group_id: {type: INTEGER, nullable: false, references: groups.id}
                primaryKey: [user_id, group_id]
                withoutRowid: true
            """;

    static final String V2 = """
            name: one
            tables:
              users:
                ids: remap
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  legacy_id: {type: INTEGER, nullable: false, unique: true, from: id}
                  name: {type: TEXT, nullable: false, unique: true}
              profiles:
                columns:
                  user_id: {type: INTEGER, primaryKey: true, references: users.id, onDelete: cascade, onUpdate: cascade}
                  bio: {type: TEXT}
              groups:
                columns:
                  id: {type: INTEGER, primaryKey: true}
              memberships:
                columns:
                  user_id: {type: INTEGER, nullable: false, references: users.id, onDelete: cascade, onUpdate: cascade}
                  group_id: {type: INTEGER, nullable: false, references: groups.id}
                primaryKey: [user_id, group_id]
                withoutRowid: true
            """;

    static final String OLD = "SELECT p.user_id, p.bio FROM profiles p ORDER BY 1";
    static final String NEW = "SELECT u.legacy_id, p.bio FROM profiles p LEFT JOIN users u ON u.id = p.user_id ORDER BY 1";
    static final String OLD_MEMBERS = "SELECT user_id, group_id FROM memberships ORDER BY 1, 2";
    static final String NEW_MEMBERS = "SELECT u.legacy_id, m.group_id FROM memberships m LEFT JOIN users u "
            + "ON u.id = m.user_id ORDER BY 1, 2";

    @TempDir
    Path base;
    HotProject p;

    /** Old ids 10..40 get new ids 2..5 (2 stays first): an old key is never its own new key, except 2. */
    @BeforeEach
    void usersWithProfiles() throws Exception {
        p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), V1);
        try (Db db = p.open()) {
            db.exec("""
                    INSERT INTO users VALUES (10, 'a'), (20, 'b'), (30, 'c'), (40, 'd'), (2, 'e');
                    INSERT INTO profiles VALUES (10, 'bio a'), (20, 'bio b'), (30, 'bio c'), (40, 'bio d'), (2, 'bio e');
                    INSERT INTO groups VALUES (1), (2), (3);
                    INSERT INTO memberships VALUES (10, 1), (10, 2), (20, 1), (30, 3), (2, 3)
                    """);
        }
        HotProject.declare(p.dir, V2);
        p.migrate(Progress.NONE);
    }

    @Test
    void profileDeletedDuringTheMigrationIsDeleted() {
        write("DELETE FROM profiles WHERE user_id = 10");
        drainAndCheck();
    }

    @Test
    void profileFollowsItsUsersKeyChange() {
        write("UPDATE users SET id = 99 WHERE id = 20;\nUPDATE profiles SET bio = 'moved' WHERE user_id = 99");
        drainAndCheck();
    }

    @Test
    void membershipDeletedDuringTheMigrationIsDeleted() {
        write("DELETE FROM memberships WHERE user_id = 10 AND group_id = 2;\nINSERT INTO memberships VALUES (40, 2)");
        drainAndCheck();
    }

    private void write(String script) {
        try (Db app = p.open()) {
            app.exec(script);
        }
    }

    private void drainAndCheck() {
        p.drain();
        Rows.assertSame(Rows.typed(p.oldDb, OLD), Rows.typed(p.newDb(), NEW), "profiles");
        Rows.assertSame(Rows.typed(p.oldDb, OLD_MEMBERS), Rows.typed(p.newDb(), NEW_MEMBERS), "memberships");
        p.cutover();
        Checks.assertSound(p.newDb());
    }
}
