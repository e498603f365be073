package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.DrainOptions;
import dev.mig.api.MigException;
import dev.mig.api.Progress;
import dev.mig.api.plan.Blocker;
import dev.mig.capture.Capture;
import dev.mig.sql.SqliteFiles;
import dev.mig.state.StateStore;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * schema.yaml's cutover: statements, the way an ORM's migration history (Django's django_migrations)
 * is right the moment the new database is: they run in the transaction that makes it ready, and a
 * failing one makes nothing ready.
 */
class CutoverStatementsTest {

    @TempDir
    Path dir;

    private static final String V1 = """
            name: blog
            tables:
              django_migrations:
                columns:
                  id: {type: INTEGER, primaryKey: true, autoincrement: true}
                  app: {type: varchar(255), nullable: false}
                  name: {type: varchar(255), nullable: false}
                  applied: {type: datetime, nullable: false}
                unique: [[app, name]]
              posts:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  body: {type: TEXT}
            """;

    private static String v2(String statement) {
        return V1.replace("      body: {type: TEXT}\n", "      body: {type: TEXT}\n      title: {type: TEXT, default: \"''\", nullable: false}\n")
                + "cutover:\n  - \"" + statement + "\"\n";
    }

    private static final String RECORD_0002 = "INSERT INTO django_migrations (app, name, applied) "
            + "VALUES ('blog', '0002_post_title', datetime('now'))";

    private HotProject migratedToV2(String statement) {
        HotProject p = copiedToV2(statement);
        p.drain();
        return p;
    }

    private HotProject copiedToV2(String statement) {
        HotProject p = HotProject.bootstrap(dir, V1, "WAL");
        try (Db db = p.open()) {
            db.exec("INSERT INTO django_migrations (app, name, applied) VALUES ('blog', '0001_initial', '2026-01-01');"
                    + "INSERT INTO posts (body) VALUES ('hello');");
        }
        p.migrate(v2(statement));
        return p;
    }

    private static List<String> history(Path db) {
        try (Db d = Db.open(db)) {
            return d.rows("SELECT name FROM django_migrations ORDER BY id");
        }
    }

    @Test
    void theStatementsRunInTheCutoverAndOnlyOnTheNewDatabase() {
        HotProject p = migratedToV2(RECORD_0002);

        p.cutover();

        assertEquals(List.of("0001_initial", "0002_post_title"), history(p.newDb()));
        assertEquals(List.of("0001_initial"), history(p.oldDb), "the old database is left as the application left it");
    }

    @Test
    void aFailingStatementMakesNothingReadyAndCanBeFixedInSchemaYaml() throws Exception {
        HotProject p = migratedToV2("INSERT INTO django_migrations (app, name, applied) "
                + "VALUES ('blog', '0001_initial', datetime('now'))");

        MigException e = assertThrows(MigException.class, p::cutover);

        assertTrue(e.getMessage().startsWith("cutover statement 1 (from schema.yaml) failed: ")
                && e.getMessage().contains("UNIQUE"), e.getMessage());
        assertTrue(e.hint().contains("INSERT OR IGNORE") && e.hint().contains("read again"), e.hint());
        assertFalse(StateStore.isReady(p.newDb()), "rolled back: the new database is not ready");
        assertEquals(List.of("0001_initial"), history(p.newDb()));

        Files.writeString(dir.resolve("schema.yaml"), v2(RECORD_0002));
        p.cutover();

        assertTrue(StateStore.isReady(p.newDb()));
        assertEquals(List.of("0001_initial", "0002_post_title"), history(p.newDb()));
    }

    @Test
    void drainCutoverTriesTheStatementsBeforePausingAnything() throws Exception {
        HotProject p = copiedToV2("INSERT INTO django_migrations (id, app, name, applied) VALUES (1, 'x', 'y', 1)");

        MigException e = assertThrows(MigException.class, () -> Mig.drain(HotProject.project(dir),
                new DrainOptions(3_000, true, true), Progress.NONE));

        assertTrue(e.getMessage().startsWith("cutover statement 1 (from schema.yaml) failed: ")
                && e.getMessage().endsWith("Tried before pausing: nothing was paused."), e.getMessage());
        try (Connection old = SqliteFiles.openReadOnly(p.oldDb)) {
            assertEquals(Capture.Marker.RECORDING, Capture.marker(old), "the application never stopped writing");
        }
        assertFalse(StateStore.isReady(p.newDb()));
    }

    @Test
    void aStatementThatCannotRunOnTheDeclaredSchemaBlocksThePlan() {
        HotProject p = HotProject.bootstrap(dir, V1, "WAL");
        HotProject.declare(dir, v2("INSERT INTO django_migration (app, name, applied) VALUES ('blog', 'x', 1)"));

        var plan = Mig.plan(HotProject.project(dir));

        assertFalse(plan.canMigrate());
        Blocker b = plan.plan().blockers().stream().filter(x -> x.kind() == Blocker.Kind.CUTOVER_STATEMENT)
                .findFirst().orElseThrow();
        assertTrue(b.message().contains("cutover statement 1 fails on the declared schema: ")
                && b.message().contains("no such table: django_migration"), b.message());
        assertThrows(MigException.class, () -> Mig.migrate(HotProject.project(dir), false, Progress.NONE));
        assertTrue(Files.exists(p.oldDb));
    }

    @Test
    void aDatabaseCreatedReadyGetsItsRowsToo() {
        HotProject.declare(dir, v2(RECORD_0002));

        Mig.migrate(HotProject.project(dir), false, Progress.NONE);

        assertEquals(List.of("0002_post_title"), history(HotProject.files(dir).target()));
    }
}
