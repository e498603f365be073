package dev.mig.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.DrainOptions;
import dev.mig.api.MigException;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.project.ProjectFiles;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigDatabaseTest {

    @TempDir
    Path dir;

    private static final String V1 = "name: app\ntables:\n  t:\n    columns:\n      id: {type: INTEGER, primaryKey: true}\n"
            + "      v: {type: TEXT}\n";
    private static final String V2 = V1 + "      w: {type: TEXT, default: \"'new'\"}\n";

    private Path schema(String yaml) throws Exception {
        Path file = dir.resolve("schema.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void aBootstrappedDatabaseOpensAtOnce() throws Exception {
        Path yaml = schema(V1);
        Mig.migrate(Project.at(dir, null), false, Progress.NONE);
        try (Connection c = MigDatabase.openWhenReady(yaml, Duration.ofSeconds(1))) {
            assertFalse(c.isClosed());
        }
    }

    @Test
    void jooqQueriesTheReadyDatabaseWithTheNamesTheSchemaDeclares() throws Exception {
        Path yaml = schema(V1.replace("  t:", "  \"Order Lines\":"));
        Mig.migrate(Project.at(dir, null), false, Progress.NONE);
        try (Connection c = MigDatabase.openWhenReady(yaml, Duration.ofSeconds(1))) {
            DSLContext db = MigDsl.on(c);
            Table<?> lines = DSL.table(DSL.name("Order Lines"));
            Field<String> v = DSL.field(DSL.name("v"), String.class);
            db.insertInto(lines, v).values("typed").execute();

            assertEquals("typed", db.select(v).from(lines).fetchOne(v));
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT v FROM \"Order Lines\"")) {
                assertTrue(rs.next());
                assertEquals("typed", rs.getString(1), "the row jOOQ wrote, read back with plain SQL");
            }
        }
    }

    @Test
    void aDatabaseThatDoesNotExistTimesOutWithAClearRefusal() throws Exception {
        Path yaml = schema(V1);
        MigException e = assertThrows(MigException.class, () -> MigDatabase.openWhenReady(yaml, Duration.ofMillis(50)));
        assertEquals(MigException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("does not exist yet"), e.getMessage());
    }

    @Test
    void theNewVersionWaitsWhileMigratingAndOpensAfterCutover() throws Exception {
        schema(V1);
        Mig.migrate(Project.at(dir, null), false, Progress.NONE);
        Path v2 = schema(V2);
        Mig.migrate(Project.at(dir, null), false, Progress.NONE);
        assertFalse(MigDatabase.isReady(MigDatabase.databaseFor(v2)));
        CompletableFuture<Connection> opened = CompletableFuture.supplyAsync(() -> {
            try {
                return MigDatabase.openWhenReady(v2, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertFalse(opened.isDone(), "must wait while the status is migrating");
        Mig.drain(Project.at(dir, null), new DrainOptions(3_000, true, true), Progress.NONE);
        try (Connection c = opened.get(10, TimeUnit.SECONDS)) {
            assertFalse(c.isClosed());
        }
    }

    @Test
    void theDrainingRejectionIsRecognised() throws Exception {
        schema(V1);
        Mig.migrate(Project.at(dir, null), false, Progress.NONE);
        Path old = ProjectFiles.at(dir, null).target();
        schema(V2);
        Mig.migrate(Project.at(dir, null), false, Progress.NONE);
        Mig.drain(Project.at(dir, null), new DrainOptions(3_000, false, true), Progress.NONE);
        try (Db app = Db.open(old)) {
            SQLException e = assertThrows(SQLException.class,
                    () -> app.conn.createStatement().executeUpdate("INSERT INTO t (v) VALUES ('late')"));
            assertTrue(MigDatabase.isDrainingRejection(e), e.getMessage());
            assertEquals(0, app.count("SELECT count(*) FROM t"));
        }
    }
}
