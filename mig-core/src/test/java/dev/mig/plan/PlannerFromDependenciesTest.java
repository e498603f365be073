package dev.mig.plan;

import static dev.mig.plan.Fx.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.mig.api.plan.Blocker;
import dev.mig.api.plan.MigrationPlan;
import dev.mig.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** from: expressions a hot migration cannot keep current block only the hot migration (specs/planning.md). */
class PlannerFromDependenciesTest {
    @TempDir
    Path dir;

    private static final String[] ROWS = {"INSERT INTO users VALUES (1, 'a@x'), (2, 'b@x')",
            "INSERT INTO articles VALUES (1, 1, 't1'), (2, 2, 't2')"};

    private static Schema live() {
        return schema(table("users").cols(col("id", "INTEGER"), col("email", "TEXT")).pk("id").build(),
                table("articles").cols(col("id", "INTEGER"), col("user_id", "INTEGER"), col("title", "TEXT"))
                        .pk("id").build());
    }

    private static Schema declaredWith(String from) {
        return schema(table("users").cols(col("id", "INTEGER"), col("email", "TEXT")).pk("id").build(),
                table("articles").cols(col("id", "INTEGER"), col("user_id", "INTEGER"), col("title", "TEXT"),
                        from(col("author_email", "TEXT"), from)).pk("id").build());
    }

    @Test
    void aSubqueryFromBlocksOnlyAHotMigrationAndNamesTheTableItReads() throws Exception {
        MigrationPlan p = plan(declaredWith("(SELECT email FROM users u WHERE u.id = articles.user_id)"), live(), dir,
                ROWS);

        assertEquals(1, p.blockers().size(), blockerMessages(p).toString());
        Blocker b = p.blockers().get(0);
        assertEquals(Blocker.Kind.FROM_READS_OTHER_ROWS, b.kind());
        assertTrue(b.kind().hotOnly(), "mig migrate --offline ignores it");
        assertEquals("articles", b.table());
        assertEquals("author_email", b.column());
        assertEquals("column articles.author_email: from: reads table users, not only its own row of articles: a hot "
                + "migration computes the value when that row is copied or written, so a later write to users would "
                + "leave it stale. Migrate with 'mig migrate --offline' while nothing writes (it computes each value "
                + "once, from data that no longer changes), or compute the value from the columns of articles alone",
                b.message());
    }

    @Test
    void aSubqueryOfItsOwnTableBlocksAHotMigrationToo() throws Exception {
        MigrationPlan p = plan(declaredWith("(SELECT count(*) FROM articles a2 WHERE a2.user_id = articles.user_id)"),
                live(), dir, ROWS);

        assertEquals(List.of(Blocker.Kind.FROM_READS_OTHER_ROWS), p.blockers().stream().map(Blocker::kind).toList());
        assertTrue(p.blockers().get(0).message().contains("reads table articles, not only its own row"));
    }

    @Test
    void aVolatileFromBlocksOnlyAHotMigration() throws Exception {
        MigrationPlan p = plan(declaredWith("datetime('now')"), live(), dir, ROWS);

        assertEquals(1, p.blockers().size(), blockerMessages(p).toString());
        Blocker b = p.blockers().get(0);
        assertEquals(Blocker.Kind.FROM_NOT_REPEATABLE, b.kind());
        assertTrue(b.kind().hotOnly());
        assertTrue(b.message().startsWith("column articles.author_email: from: calls datetime() with 'now', whose "
                + "value differs at each call"), b.message());
        assertTrue(b.message().contains("'mig migrate --offline'"), b.message());
    }

    @Test
    void anInvalidSubqueryIsReportedAsInvalidOnly() throws Exception {
        MigrationPlan p = plan(declaredWith("(SELECT mail FROM users u WHERE u.id = articles.user_id)"), live(), dir,
                ROWS);

        assertEquals(List.of(Blocker.Kind.INVALID_FROM), p.blockers().stream().map(Blocker::kind).toList());
    }

    @Test
    void otherBlockersStillBlockEveryMigration() {
        assertFalse(Blocker.Kind.INVALID_FROM.hotOnly());
        assertTrue(Blocker.Kind.NO_REPLAY_KEY.hotOnly());
    }
}
