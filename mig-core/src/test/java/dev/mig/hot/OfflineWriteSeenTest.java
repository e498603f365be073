package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.MigException;
import dev.mig.api.MigrateResult;
import dev.mig.api.PlanReport;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.testing.Db;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate --offline} that sees the old database written during its copy refuses to mark the
 * copy ready, and that verdict is stored: no rerun (offline or not) finishes that copy; after
 * {@code mig reset} an offline rerun copies the written data.
 */
class OfflineWriteSeenTest {

    private static final String V1 = "name: notes\ntables:\n  notes:\n    columns:\n"
            + "      id: {type: INTEGER, primaryKey: true}\n      body: {type: TEXT}\n";
    private static final String V2 = V1 + "      stars: {type: INTEGER, default: 0}\n";

    @TempDir
    Path dir;
    HotProject p;

    @BeforeEach
    void oldDatabase() {
        p = HotProject.bootstrap(dir, V1, "WAL");
        try (Db db = p.open()) {
            db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                    + "INSERT INTO notes (id, body) SELECT i, 'note ' || i FROM n");
        }
        HotProject.declare(dir, V2);
    }

    /** The application rewrites note 1, already copied, while the offline copy runs. */
    private final Progress writerDuringCopy = new Progress() {
        private boolean written;

        @Override
        public void chunkCopied(String table, long rowsCopied, long rowsTotal) {
            if (!written) {
                written = true;
                try (Db db = p.open()) {
                    db.exec("UPDATE notes SET body = 'rewritten' WHERE id = 1");
                }
            }
        }
    };

    private MigException offlineRunThatSeesAWrite() {
        MigException first = assertThrows(MigException.class,
                () -> Mig.migrate(HotProject.project(dir), true, writerDuringCopy));
        assertEquals(MigException.Kind.REFUSED, first.kind());
        assertTrue(first.getMessage().startsWith("The old database was written to during an --offline migration"),
                first.getMessage());
        return first;
    }

    @Test
    void aRerunNeverMarksACopyThatMissedWritesReady() {
        offlineRunThatSeesAWrite();

        MigException offline = assertThrows(MigException.class,
                () -> Mig.migrate(HotProject.project(dir), true, Progress.NONE));
        MigException hot = assertThrows(MigException.class,
                () -> Mig.migrate(HotProject.project(dir), false, Progress.NONE));
        PlanReport plan = Mig.plan(HotProject.project(dir));

        assertEquals(MigException.Kind.REFUSED, offline.kind());
        assertTrue(offline.getMessage().startsWith("An earlier 'mig migrate --offline' saw the old database written "
                + "during its copy"), offline.getMessage());
        assertTrue(offline.hint().contains("mig reset"), offline.hint());
        assertEquals(offline.getMessage(), hot.getMessage(), "without --offline it is refused the same way");
        assertFalse(plan.canMigrate());
        assertEquals(offline.getMessage(), plan.refusal().message(), "plan says what migrate will do");
        assertEquals("migrating", Rows.one(p.newDb(), "SELECT status FROM _migration_status"));
        assertEquals("note 1", Rows.one(p.newDb(), "SELECT body FROM notes WHERE id = 1"), "the stale copy is kept as is");
    }

    @Test
    void statusSaysTheCopyCanOnlyBeReset() {
        offlineRunThatSeesAWrite();

        var status = Mig.status(Project.at(dir, null));

        assertTrue(status.replay().oldWrittenOffline());
        assertFalse(status.replay().copyComplete());
    }

    @Test
    void statusOfAnUntouchedCopyDoesNotSayItMissedWrites() {
        Mig.migrate(HotProject.project(dir), false, Progress.NONE);

        assertFalse(Mig.status(Project.at(dir, null)).replay().oldWrittenOffline());
    }

    @Test
    void afterResetAnOfflineRerunCopiesTheWrittenData() {
        offlineRunThatSeesAWrite();

        Mig.reset(Project.at(dir, null), false);
        MigrateResult rerun = Mig.migrate(HotProject.project(dir), true, Progress.NONE);

        assertEquals(MigrateResult.Outcome.COMPLETED_OFFLINE, rerun.outcome());
        assertEquals("ready", Rows.one(p.newDb(), "SELECT status FROM _migration_status"));
        assertEquals("rewritten", Rows.one(p.newDb(), "SELECT body FROM notes WHERE id = 1"));
        assertEquals("2000", Rows.one(p.newDb(), "SELECT count(*) FROM notes"));
    }
}
