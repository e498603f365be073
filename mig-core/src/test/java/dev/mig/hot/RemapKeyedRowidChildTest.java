package dev.mig.hot;

import dev.mig.api.Progress;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A join table keyed by a reference to a remapped table, as in {@link RemapKeyedChildTest}, but a rowid
 * table whose key is not its rowid: replay carries the rowid and finds gone or moved rows by the key, which
 * holds the parent's new key and so must be compared translated. Checked with plain SQL over the old database.
 */
class RemapKeyedRowidChildTest {

    static final String V1 = """
            name: one
            tables:
              users:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  name: {type: TEXT, nullable: false, unique: true}
              groups:
                columns:
                  id: {type: INTEGER, primaryKey: true}
              memberships:
                columns:
                  user_id: {type: INTEGER, nullable: false, references: users.id, onDelete: cascade, onUpdate: cascade}
                  group_id: {type: INTEGER, nullable: false, references: groups.id}
                primaryKey: [user_id, group_id]
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
              groups:
                columns:
                  id: {type: INTEGER, primaryKey: true}
              memberships:
                columns:
                  user_id: {type: INTEGER, nullable: false, references: users.id, onDelete: cascade, onUpdate: cascade}
                  group_id: {type: INTEGER, nullable: false, references: groups.id}
                primaryKey: [user_id, group_id]
            """;

    static final String OLD_MEMBERS = "SELECT rowid, user_id, group_id FROM memberships ORDER BY 1";
    static final String NEW_MEMBERS = "SELECT m.rowid, u.legacy_id, m.group_id FROM memberships m LEFT JOIN users u "
            + "ON u.id = m.user_id ORDER BY 1";

    @TempDir
    Path base;
    HotProject p;

    @ParameterizedTest(name = "journal_mode={0}")
    @ValueSource(strings = {"DELETE", "WAL"})
    void membershipDeletedDuringTheMigrationIsDeleted(String journalMode) throws Exception {
        migrate(journalMode);
        write("DELETE FROM memberships WHERE user_id = 10 AND group_id = 2;\nINSERT INTO memberships VALUES (40, 2)");
        drainAndCheck();
    }

    /** New membership (2, 1) has the old key that membership (10, 1) holds as its new key: that one stays. */
    @ParameterizedTest(name = "journal_mode={0}")
    @ValueSource(strings = {"DELETE", "WAL"})
    void membershipWhoseOldKeyIsAnotherMembershipsNewKeyLeavesThatOneAlone(String journalMode) throws Exception {
        migrate(journalMode);
        write("INSERT INTO memberships VALUES (2, 1)");
        drainAndCheck();
    }

    /** Old ids 2, 10..40 get new ids 1..5: old key 2 is old user 10's new key. */
    private void migrate(String journalMode) throws Exception {
        p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), V1, journalMode);
        try (Db db = p.open()) {
            db.exec("""
                    INSERT INTO users VALUES (10, 'a'), (20, 'b'), (30, 'c'), (40, 'd'), (2, 'e');
                    INSERT INTO groups VALUES (1), (2), (3);
                    INSERT INTO memberships VALUES (10, 1), (10, 2), (20, 1), (30, 3), (2, 3)
                    """);
        }
        HotProject.declare(p.dir, V2);
        p.migrate(Progress.NONE);
    }

    private void write(String script) {
        try (Db app = p.open()) {
            app.exec(script);
        }
    }

    private void drainAndCheck() {
        p.drain();
        Rows.assertSame(Rows.typed(p.oldDb, OLD_MEMBERS), Rows.typed(p.newDb(), NEW_MEMBERS), "memberships");
        p.cutover();
        Checks.assertSound(p.newDb());
    }
}
