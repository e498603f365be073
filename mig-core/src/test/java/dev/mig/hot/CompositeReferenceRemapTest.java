package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mig.Mig;
import dev.mig.api.MigrateResult;
import dev.mig.api.Progress;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A composite foreign key into a remapped table, {@code child (pid, pcode) REFERENCES parent (id, code)}:
 * {@code pid} is translated to the parent's new key, {@code pcode} kept, offline and hot. Checked with
 * plain SQL over the old database.
 */
class CompositeReferenceRemapTest {

    static final String V1 = """
            name: comp
            tables:
              parent:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  code: {type: TEXT, nullable: false}
                unique: [[id, code]]
              child:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  pid: {type: INTEGER, nullable: false}
                  pcode: {type: TEXT, nullable: false}
                foreignKeys:
                  - {columns: [pid, pcode], references: parent, refColumns: [id, code], onDelete: cascade, onUpdate: cascade}
            """;

    static final String V2 = """
            name: comp
            tables:
              parent:
                ids: remap
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  legacy_id: {type: INTEGER, nullable: false, unique: true, from: id}
                  code: {type: TEXT, nullable: false}
                unique: [[id, code]]
              child:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  pid: {type: INTEGER, nullable: false}
                  pcode: {type: TEXT, nullable: false}
                foreignKeys:
                  - {columns: [pid, pcode], references: parent, refColumns: [id, code], onDelete: cascade, onUpdate: cascade}
            """;

    static final String OLD = "SELECT id, pid, pcode FROM child ORDER BY id";
    static final String NEW = "SELECT c.id, p.legacy_id, c.pcode FROM child c LEFT JOIN parent p ON p.id = c.pid "
            + "AND p.code = c.pcode ORDER BY c.id";

    @TempDir
    Path base;
    HotProject p;

    /** Old keys 10, 20, 30 become 1, 2, 3: no child can point at its parent by accident. */
    @BeforeEach
    void parentsWithChildren() throws Exception {
        p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), V1);
        try (Db db = p.open()) {
            db.exec("""
                    INSERT INTO parent VALUES (10, 'a'), (20, 'b'), (30, 'c');
                    INSERT INTO child VALUES (1, 20, 'b'), (2, 30, 'c'), (3, 20, 'b')
                    """);
        }
        HotProject.declare(p.dir, V2);
    }

    @Test
    void offlineMigrationPointsCompositeReferencesAtTheNewKeys() {
        MigrateResult r = Mig.migrate(HotProject.project(p.dir), true, Progress.NONE);
        assertEquals(MigrateResult.Outcome.COMPLETED_OFFLINE, r.outcome());
        Rows.assertSame(Rows.typed(p.oldDb, OLD), Rows.typed(p.newDb(), NEW), "child");
        Checks.assertSound(p.newDb());
    }

    @Test
    void hotMigrationPointsCompositeReferencesAtTheNewKeys() {
        p.migrate(Progress.NONE);
        try (Db app = p.open()) {
            app.exec("""
                    INSERT INTO parent VALUES (5, 'd');
                    INSERT INTO child VALUES (4, 5, 'd');
                    UPDATE parent SET id = 40 WHERE id = 30
                    """);
        }
        p.drain();
        Rows.assertSame(Rows.typed(p.oldDb, OLD), Rows.typed(p.newDb(), NEW), "child");
        p.cutover();
        Checks.assertSound(p.newDb());
    }
}
