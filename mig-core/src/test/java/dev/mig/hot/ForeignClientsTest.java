package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.DrainOptions;
import dev.mig.api.DrainResult;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.testing.Db;
import dev.mig.testing.PythonClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Applications that are other processes and open the file per request: a writer with one connection per
 * INSERT and readers that open and close the file continually, while mig (in this JVM, with its own
 * connections open) migrates, drains and cuts over. Every write the writer saw commit must be in the new
 * database, and the pause must really stop the writer. The oracle is the writer's own acknowledgements.
 */
class ForeignClientsTest {

    static final String V1 = """
            name: app
            tables:
              users:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  name: {type: TEXT, nullable: false}
            """;
    static final String V2 = """
            name: app
            tables:
              users:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  full_name: {type: TEXT, nullable: false, renamedFrom: name}
                  email: {type: TEXT, nullable: false, default: "''"}
            """;

    @TempDir
    Path base;

    @ParameterizedTest(name = "journal_mode={0} verify={1}")
    @CsvSource({"WAL,false", "WAL,true", "DELETE,false"})
    void everyAcknowledgedWriteOfAPerRequestClientReachesTheNewDatabase(String journalMode, boolean verify)
            throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), V1, journalMode);
        try (Db db = p.open()) {
            db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
                    + "INSERT INTO users(name) SELECT 'u' || i FROM n");
        }
        DrainResult drained;
        boolean cutOver;
        
        List<Long> acked;
        try (PythonClient writer = PythonClient.start("insert_per_connection.py", p.oldDb, "users", base);
             PythonClient r1 = PythonClient.start("open_close_reader.py", p.oldDb, "users", base);
             PythonClient r2 = PythonClient.start("open_close_reader.py", p.oldDb, "users", base)) {
            writer.awaitAcknowledged(20);
            p.migrate(V2);
            writer.awaitAcknowledged(writer.acknowledged().size() + 100);
            drained = Mig.drain(Project.at(p.dir, null), new DrainOptions(60_000, true, verify), Progress.lines(p.drainLog::add));
            cutOver = drained.cutOver();
            acked = writer.acknowledged();
            writer.awaitRejections(5);
        }
        assertTrue(cutOver, "drain --cutover cut over: " + p.drainLog);
        TreeSet<Long> inOld = ids(p.oldDb);
        TreeSet<Long> inNew = ids(p.newDb());
        TreeSet<Long> missing = new TreeSet<>(acked);
        missing.removeAll(inNew);
        assertEquals(new TreeSet<Long>(), missing, "acknowledged writes missing from the new database");
        assertEquals(inOld, inNew, "the new database holds exactly the old one's rows");
        try (Db db = Db.open(p.oldDb)) {
            assertEquals("draining", db.one("SELECT status FROM _migration_marker"), "the pause held");
        }
    }

    private static TreeSet<Long> ids(Path db) {
        try (Db d = Db.open(db)) {
            TreeSet<Long> ids = new TreeSet<>();
            for (String id : d.rows("SELECT id FROM users")) {
                ids.add(Long.parseLong(id));
            }
            return ids;
        }
    }
}
