package dev.mig.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.Progress;
import dev.mig.api.plan.MigrationPlan;
import dev.mig.common.Json;
import dev.mig.schema.Schema;
import dev.mig.schema.introspect.Introspector;
import dev.mig.schema.introspect.LiveDatabase;
import dev.mig.schema.yaml.SchemaYaml;
import dev.mig.sql.SqliteFiles;
import dev.mig.testing.Db;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probing on two connections at once finds what probing on one finds, in the same order: the answers
 * are reported in the order the probes were asked, whichever finished first.
 */
class ProbeQueueTest {

    @TempDir
    Path dir;

    private static final String V2 = """
            name: shop
            tables:
              users:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  email: {type: TEXT, nullable: false, unique: true}
              orders:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  user_id: {type: INTEGER, nullable: false, references: users.id}
                  qty: {type: INTEGER, nullable: false}
                checks:
                  - {name: qty_positive, expr: "qty > 0"}
              notes:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  order_id: {type: INTEGER, references: orders.id}
                  body: {type: TEXT, nullable: false}
            """;

    private Path liveWithRisksInEveryTable() {
        Path file = dir.resolve("live.sqlite");
        try (Db db = Db.open(file)) {
            db.exec("""
                    CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);
                    CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER, qty TEXT);
                    CREATE TABLE notes (id INTEGER PRIMARY KEY, order_id INTEGER, body TEXT);
                    INSERT INTO users VALUES (1, 'a'), (2, 'a'), (3, NULL);
                    INSERT INTO orders VALUES (1, 1, '2'), (2, 9, '0'), (3, NULL, 'x'), (4, 8, NULL);
                    INSERT INTO notes VALUES (1, 1, 'n'), (2, 7, NULL), (3, 6, NULL);
                    """);
        }
        return file;
    }

    private static MigrationPlan plan(Path file, boolean twoConnections) throws Exception {
        Schema declared = SchemaYaml.load(V2, "schema.yaml", "shop");
        LiveDatabase live = Introspector.read(file);
        try (Connection one = SqliteFiles.openReadOnly(file); Connection two = SqliteFiles.openReadOnly(file)) {
            return Planner.plan(declared, live, one, twoConnections ? two : null, Progress.NONE);
        }
    }

    @Test
    void twoConnectionsFindWhatOneFindsInTheSameOrder() throws Exception {
        Path file = liveWithRisksInEveryTable();

        MigrationPlan one = plan(file, false);
        MigrationPlan two = plan(file, true);

        assertTrue(one.risks().size() >= 6, "the fixture has risks in every table: " + one.risks());
        assertEquals(Json.write(one.risks()), Json.write(two.risks()));
        assertEquals(Json.write(one.blockers()), Json.write(two.blockers()));
    }

    @Test
    void answersComeBackInAskedOrderWhicheverFinishesFirst() throws Exception {
        Path file = liveWithRisksInEveryTable();
        ProbeQueue queue = new ProbeQueue();
        List<String> heard = new ArrayList<>();
        // The first query is the slow one: the second connection answers the others meanwhile.
        queue.ask("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) "
                + "SELECT count(*) FROM n", n -> heard.add("slow " + n[0]), e -> heard.add("refused"));
        queue.ask("SELECT count(*) FROM users", n -> heard.add("users " + n[0]), e -> heard.add("refused"));
        queue.ask("SELECT count(*) FROM no_such_table", n -> heard.add("?"), e -> heard.add("refused: " + e));
        queue.ask("SELECT count(*) FROM orders", n -> heard.add("orders " + n[0]), e -> heard.add("refused"));

        try (Connection one = SqliteFiles.openReadOnly(file); Connection two = SqliteFiles.openReadOnly(file)) {
            queue.answerAll(new LiveProbe(one), new LiveProbe(two));
        }

        assertEquals(List.of("slow 300000", "users 3", "refused: no such table: no_such_table", "orders 4"), heard);
    }
}
