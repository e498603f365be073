package dev.mig.verify;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mig.Mig;
import dev.mig.api.MigException;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.project.ActiveMigration;
import dev.mig.replay.Replayer;
import dev.mig.sql.SqliteFiles;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drain's foreign-key check of the replayed rows only (the one that runs while writes are paused). */
class TouchedRowsForeignKeyCheckTest {

    @TempDir
    Path dir;
    Path old;
    ActiveMigration m;

    @BeforeEach
    void migrate() throws Exception {
        old = dir.resolve("app.sqlite");
        try (Db db = Db.open(old)) {
            db.exec("""
                    CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);
                    CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id));
                    INSERT INTO parent VALUES (1, 'a'), (2, 'b'), (3, 'c');
                    INSERT INTO child VALUES (10, 1), (11, 2)
                    """);
        }
        Files.writeString(dir.resolve("schema.yaml"), """
                name: app
                tables:
                  parent:
                    columns:
                      id:   {type: INTEGER, primaryKey: true}
                      name: {type: TEXT}
                  child:
                    columns:
                      id:        {type: INTEGER, primaryKey: true}
                      parent_id: {type: INTEGER, references: parent.id}
                """);
        Mig.migrate(Project.at(dir, old), false, Progress.NONE);
        m = ActiveMigration.find(dir).orElseThrow();
    }

    /** Writes to the old database with enforcement off, replays them, and runs the check on what was replayed. */
    private void replayThenCheck(String writes) throws Exception {
        try (Connection pair = SqliteFiles.openSourceWithTarget(old, m.target())) {
            Replayer replayer = new Replayer(pair, m.plan(), m.declared(), m.live());
            replayer.startTracking();
            try (Db db = Db.open(old)) {
                db.exec("PRAGMA foreign_keys = OFF;\n" + writes);
            }
            while (replayer.replayBatch(1_000) != null) {
                // replay everything
            }
            TouchedRowsForeignKeyCheck.run(pair, m.declared(), replayer.trackedKeys());
        }
    }

    @Test
    void deletedParentWithChildrenFails() {
        assertThrows(MigException.class, () -> replayThenCheck("DELETE FROM parent WHERE id = 1"));
    }

    @Test
    void childPointingAtMissingParentFails() {
        assertThrows(MigException.class, () -> replayThenCheck("INSERT INTO child VALUES (12, 99)"));
    }

    @Test
    void deletedParentWithoutChildrenPasses() {
        assertDoesNotThrow(() -> replayThenCheck("DELETE FROM parent WHERE id = 3"));
    }

    @Test
    void updatedParentsAndValidChildrenPass() {
        assertDoesNotThrow(() -> replayThenCheck("UPDATE parent SET name = 'z';\nINSERT INTO child VALUES (12, 3)"));
    }
}
