package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.DrainOptions;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed mid-transaction on a rollback-journal old database leaves a hot journal. mig reads
 * the old database read-only, which SQLite refuses until that journal is rolled back; mig rolls it back,
 * as the application's next reader would, instead of stopping on every rerun.
 */
class HotJournalTest {

    static final String V2 = """
            name: hj
            tables:
              notes:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  body: {type: TEXT}
                  stars: {type: INTEGER, default: 0}
            """;

    @TempDir
    Path base;

    @Test
    void aHotJournalLeftOnTheOldDatabaseDoesNotStopTheDrain() throws Exception {
        Path dir = Files.createDirectory(base.resolve("app"));
        Path oldDb = dir.resolve("app.sqlite"); // the application's own name, not one of mig's
        try (Db db = Db.open(oldDb)) {
            db.exec("PRAGMA journal_mode = DELETE;\nCREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n"
                    + "INSERT INTO notes (body) VALUES ('a'), ('b')");
        }
        HotProject.declare(dir, V2);
        Mig.migrate(Project.at(dir, oldDb), false, Progress.NONE);
        try (Db db = Db.open(oldDb)) {
            db.exec("INSERT INTO notes (body) VALUES ('c')");
        }
        killedMidTransaction(oldDb);
        assertTrue(Files.exists(Path.of(oldDb + "-journal")), "the killed writer left its journal");

        Mig.drain(Project.at(dir, null), new DrainOptions(60_000, true, true), Progress.NONE);

        Path newDb = HotProject.files(dir).target();
        assertEquals(List.of("1|a|0", "2|b|0", "3|c|0"), Rows.plain(newDb, "SELECT id, body, stars FROM notes"));
        assertEquals(List.of("ready"), Rows.plain(newDb, "SELECT status FROM _migration_status"));
    }

    /** A Python writer that changes every row and dies before it commits. */
    private static void killedMidTransaction(Path db) throws Exception {
        String script = String.join("\n",
                "import os, sqlite3, sys",
                "c = sqlite3.connect(sys.argv[1], isolation_level=None)",
                "c.execute('PRAGMA cache_size = 1')",
                "c.execute('BEGIN IMMEDIATE')",
                "c.execute(\"UPDATE notes SET body = body || 'x'\")",
                "c.execute(\"INSERT INTO notes (body) SELECT randomblob(5000) FROM notes, notes, notes\")",
                "os._exit(9)");
        Process p = new ProcessBuilder("python3", "-c", script, db.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(9, p.exitValue(), new String(p.getInputStream().readAllBytes()));
    }
}
