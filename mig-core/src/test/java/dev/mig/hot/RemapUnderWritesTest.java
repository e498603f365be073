package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.MigException;
import dev.mig.api.Progress;
import dev.mig.project.ActiveMigration;
import dev.mig.replay.Replayer;
import dev.mig.sql.SqliteFiles;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ids: remap while the application writes: a row whose parent key did not exist when the parent's id
 * mapping was filled (a parent inserted, or re-keyed, after its table was mapped or copied) is copied and
 * replayed pointing at that parent. Each write is placed at the moment that used to break it; the result
 * is compared with plain SQL over the old database ({@link Blog#assertSameAsOld}).
 */
class RemapUnderWritesTest {

    @TempDir
    Path base;
    HotProject p;

    @BeforeEach
    void blogWithRows() throws Exception {
        p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), Blog.V1);
        try (Db db = p.open()) {
            Blog.fill(db, 50);
        }
        HotProject.declare(p.dir, Blog.V2);
    }

    @Test
    void childOfAParentInsertedAfterItsTableWasCopiedIsCopied() {
        migrateWriting("authors", """
                INSERT INTO authors (id, name) VALUES (900, 'late author');
                INSERT INTO posts (id, author_id, title) VALUES (900, 900, 'late post');
                INSERT INTO comments (id, post_id, thread_id, body) VALUES (9000, 900, 9000, 'late comment')
                """);
        drainAndCheck();
    }

    @Test
    void childOfAParentWhoseKeyChangedAfterItsTableWasCopiedIsCopied() {
        migrateWriting("authors", "UPDATE authors SET id = 5000 WHERE id = 1");
        drainAndCheck();
    }

    /** Inserted (and re-keyed) after authors were copied, deleted after posts were: nothing is left of them. */
    @Test
    void parentAndChildInsertedThenDeletedDuringTheCopyLeaveNothing() {
        migrateWriting(Map.of("authors", """
                INSERT INTO authors (id, name) VALUES (900, 'brief author');
                INSERT INTO posts (id, author_id, title) VALUES (900, 900, 'brief post');
                INSERT INTO comments (id, post_id, thread_id, body) VALUES (9000, 900, 9000, 'brief comment');
                UPDATE authors SET id = 901 WHERE id = 900
                """, "posts", "DELETE FROM authors WHERE id = 901"));
        drainAndCheck();
    }

    @Test
    void grandchildOfParentsInsertedAfterTheirTablesWereCopiedIsCopied() {
        migrateWriting("posts", """
                INSERT INTO authors (id, name) VALUES (900, 'late author');
                INSERT INTO posts (id, author_id, title) VALUES (900, 900, 'late post');
                UPDATE posts SET id = 901 WHERE id = 1;
                INSERT INTO comments (id, post_id, thread_id, body) VALUES (1000000, 900, 1000000, 'late root')
                """);
        drainAndCheck();
    }

    /**
     * A post written with foreign keys off, naming an author that does not exist, gets a new key for that
     * author all the same: drain refuses it as a foreign-key violation (not as a NULL), and once the
     * application adds the author, the post points at it.
     */
    @Test
    void orphanWrittenDuringTheCopyIsRefusedUntilItsParentExists() throws Exception {
        migrateWriting("authors", "PRAGMA foreign_keys = OFF;\n"
                + "INSERT INTO posts (id, author_id, title) VALUES (900, 424242, 'orphan post')");
        MigException e = assertThrows(MigException.class, p::drain);
        assertTrue(e.getMessage().contains("foreign-key violations"), e.getMessage());
        assertTrue(e.getMessage().contains("missing parent in authors"), e.getMessage());
        write("INSERT INTO authors (id, name) VALUES (424242, 'found author')");
        drainAndCheck();
    }

    /**
     * After the first chunk of comments: a new root behind the copy's cursor (so the copy never maps its
     * key) and, ahead of the cursor, a reply in its thread.
     */
    @Test
    void selfReferenceToARowBehindTheCopyCursorIsCopied() {
        p.migrate(new Progress() {
            private boolean done;

            @Override
            public void chunkCopied(String table, long rowsCopied, long rowsTotal) {
                if (table.equals("comments") && !done) {
                    done = true;
                    write("""
                            INSERT INTO comments (id, post_id, thread_id, body) VALUES (0, 1, 0, 'new root');
                            INSERT INTO comments (id, post_id, thread_id, body) VALUES (1000000, 1, 0, 'its reply')
                            """);
                }
            }
        });
        drainAndCheck();
    }

    /**
     * Replay writes each row's current state: a post replayed in one batch already points at its author's
     * new key, which the next batch (the author's key change) maps.
     */
    @Test
    void replayedChildWhoseParentKeyChangesInALaterBatchIsReplayed() throws Exception {
        p.migrate(Progress.NONE);
        write("""
                INSERT INTO authors (id, name) VALUES (7000, 'new author');
                INSERT INTO posts (id, author_id, title) VALUES (7000, 7000, 'new post');
                UPDATE authors SET id = 7001 WHERE id = 7000
                """);
        ActiveMigration m = ActiveMigration.find(p.dir).orElseThrow();
        try (Connection pair = SqliteFiles.openSourceWithTarget(m.source(), m.target())) {
            new Replayer(pair, m.plan(), m.declared(), m.live()).replayBatch(2); // the two inserts
        }
        drainAndCheck();
    }

    private void migrateWriting(String afterTable, String script) {
        migrateWriting(Map.of(afterTable, script));
    }

    /** Runs each table's script as the application right after the copy of that table. */
    private void migrateWriting(Map<String, String> afterTable) {
        p.migrate(new Progress() {
            @Override
            public void tableFinished(String table, long rowsCopied, long millis) {
                if (afterTable.containsKey(table)) {
                    write(afterTable.get(table));
                }
            }
        });
    }

    private void write(String script) {
        try (Db app = p.open()) {
            app.exec(script);
        }
    }

    private void drainAndCheck() {
        p.drain();
        Blog.assertSameAsOld(p.oldDb, p.newDb());
        p.cutover();
        Checks.assertSound(p.newDb());
    }
}
