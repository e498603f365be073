package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mig.testing.Db;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The blog fixture: a chain of three tables that all get new keys (authors, their posts, the posts'
 * comments, which also reference their thread's root comment: a self-reference, NOT NULL, a root points at
 * itself). Every foreign key is NOT NULL and cascades, so a reference the copy cannot translate fails
 * loudly, and a key change moves the children with it.
 */
public final class Blog {

    private Blog() {
    }

    public static final String V1 = """
            name: blog
            tables:
              authors:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  name: {type: TEXT, nullable: false, unique: true}
              posts:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  author_id: {type: INTEGER, nullable: false, references: authors.id, onDelete: cascade, onUpdate: cascade}
                  title: {type: TEXT, nullable: false, unique: true}
              comments:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  post_id: {type: INTEGER, nullable: false, references: posts.id, onDelete: cascade, onUpdate: cascade}
                  thread_id: {type: INTEGER, nullable: false, references: comments.id, onDelete: cascade, onUpdate: cascade}
                  body: {type: TEXT, nullable: false, unique: true}
            """;

    /** Every table remapped; each keeps its old id in {@code legacy_id}, which is how the checks below join. */
    public static final String V2 = """
            name: blog
            tables:
              authors:
                ids: remap
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  legacy_id: {type: INTEGER, nullable: false, unique: true, from: id}
                  name: {type: TEXT, nullable: false, unique: true}
              posts:
                ids: remap
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  legacy_id: {type: INTEGER, nullable: false, unique: true, from: id}
                  author_id: {type: INTEGER, nullable: false, references: authors.id, onDelete: cascade, onUpdate: cascade}
                  title: {type: TEXT, nullable: false, unique: true}
              comments:
                ids: remap
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  legacy_id: {type: INTEGER, nullable: false, unique: true, from: id}
                  post_id: {type: INTEGER, nullable: false, references: posts.id, onDelete: cascade, onUpdate: cascade}
                  thread_id: {type: INTEGER, nullable: false, references: comments.id, onDelete: cascade, onUpdate: cascade}
                  body: {type: TEXT, nullable: false, unique: true}
            """;

    /**
     * Plain SQL over the old database, and the same rows read from the new one through its new keys: each
     * reference followed to its row and named by that row's old id. Equal lists mean every child points at
     * the same parent as before.
     */
    static final List<String[]> OLD_AND_NEW = List.of(
            new String[] {"SELECT id, name FROM authors ORDER BY id",
                    "SELECT legacy_id, name FROM authors ORDER BY legacy_id"},
            new String[] {"SELECT id, author_id, title FROM posts ORDER BY id",
                    "SELECT p.legacy_id, a.legacy_id, p.title FROM posts p LEFT JOIN authors a ON a.id = p.author_id "
                            + "ORDER BY p.legacy_id"},
            new String[] {"SELECT id, post_id, thread_id, body FROM comments ORDER BY id",
                    "SELECT c.legacy_id, p.legacy_id, t.legacy_id, c.body FROM comments c "
                            + "LEFT JOIN posts p ON p.id = c.post_id LEFT JOIN comments t ON t.id = c.thread_id "
                            + "ORDER BY c.legacy_id"});

    /** {@code authors} authors, 10 posts each, 3 comments per post (a root and two replies). */
    public static void fill(Db db, int authors) throws SQLException {
        db.conn.setAutoCommit(false);
        try (PreparedStatement a = db.conn.prepareStatement("INSERT INTO authors (id, name) VALUES (?, ?)");
             PreparedStatement p = db.conn.prepareStatement("INSERT INTO posts (id, author_id, title) VALUES (?, ?, ?)");
             PreparedStatement c = db.conn.prepareStatement(
                     "INSERT INTO comments (id, post_id, thread_id, body) VALUES (?, ?, ?, ?)")) {
            for (int i = 1; i <= authors; i++) {
                a.setLong(1, i);
                a.setString(2, "author " + i);
                a.executeUpdate();
            }
            for (int i = 1; i <= authors * 10; i++) {
                p.setLong(1, i);
                p.setLong(2, 1 + (i * 7919L) % authors);
                p.setString(3, "post " + i);
                p.executeUpdate();
                for (int j = 2; j >= 0; j--) { // the root first
                    long id = 3L * i - j;
                    c.setLong(1, id);
                    c.setLong(2, i);
                    c.setLong(3, 3L * i - 2);
                    c.setString(4, "comment " + id);
                    c.executeUpdate();
                }
            }
            db.conn.commit();
        } finally {
            db.conn.setAutoCommit(true);
        }
    }

    /** The new database holds the old one's rows, each reference pointing at the row it pointed at before. */
    static void assertSameAsOld(Path oldDb, Path newDb) {
        for (String[] q : OLD_AND_NEW) {
            Rows.assertSame(Rows.typed(oldDb, q[0]), Rows.typed(newDb, q[1]), q[0]);
        }
        assertEquals(List.of(), Rows.plain(newDb, "PRAGMA foreign_key_check"), "foreign_key_check");
    }
}
