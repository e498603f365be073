package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.Progress;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An application keeps writing while mig copies and drains. The new database must hold exactly what the
 * old one holds at the end: what the application's model predicts, and what an offline migration of
 * the old database's final content produces.
 */
class LiveWritersTest {

    static final int CUSTOMERS = 2_000;
    static final int ORDERS = 50_000;

    @TempDir
    Path base;

    @ParameterizedTest(name = "journal_mode={0}")
    @ValueSource(strings = {"WAL", "DELETE"})
    void writesDuringCopyAndDrainAllReachTheNewDatabase(String journalMode) throws Exception {
        runAndCheck(journalMode, ORDERS, 42);
    }

    /** Bigger tables, more seeds: {@code mvn -Psoak}. */
    @Tag("soak")
    @ParameterizedTest(name = "journal_mode={0} seed={1}")
    @CsvSource({"WAL,1", "DELETE,2", "WAL,3", "DELETE,4", "WAL,5", "DELETE,6"})
    void soakWritesDuringCopyAndDrainAllReachTheNewDatabase(String journalMode, long seed) throws Exception {
        runAndCheck(journalMode, 200_000, seed);
    }

    private void runAndCheck(String journalMode, int orders, long seed) throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), Shop.V1, journalMode);
        try (Db db = p.open()) {
            Shop.fill(db, CUSTOMERS, orders);
        }
        Workload writer;
        try (Db app = p.open()) {
            writer = new Workload(app.conn, seed, 500_000);
            Thread thread = new Thread(() -> writer.run(Long.MAX_VALUE), "application writer");
            thread.start();
            try {
                writer.awaitMoreOps(50);
                HotProject.declare(p.dir, Shop.V2);
                p.migrate(interleaving(writer));
                writer.awaitMoreOps(300); // a backlog for drain's catch-up rounds
                p.drain();
                writer.awaitRejection();
            } finally {
                writer.stop();
                thread.join();
            }
        }
        assertWriterUndisturbed(writer);
        assertModelMatches(writer, p.oldDb, Shop.OLD_CUSTOMERS, Shop.OLD_ORDERS, Shop.OLD_TAGS); // the model itself is right
        p.cutover();
        assertModelMatches(writer, p.newDb(), Shop.NEW_CUSTOMERS, Shop.NEW_ORDERS, Shop.NEW_TAGS);
        assertEqualsOracle(p, Files.createDirectory(base.resolve("oracle")));
    }

    @Test
    void writesFromAnotherProcessAllReachTheNewDatabase() throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), Shop.V1, "DELETE");
        try (Db db = p.open()) {
            Shop.fill(db, CUSTOMERS, 10_000);
        }
        Path out = base.resolve("writer.out");
        try (ChildJvm writer = ChildJvm.start(base.resolve("writer.err"), "write", p.oldDb.toString(), "90", "7",
                out.toString())) {
            assertTrue(writer.awaitLines(1), "the writer started");
            HotProject.declare(p.dir, Shop.V2);
            Map<String, Integer> chunks = new HashMap<>();
            p.migrate(new Progress() {
                @Override
                public void chunkCopied(String table, long rowsCopied, long rowsTotal) {
                    if (chunks.merge(table, 1, Integer::sum) % 5 == 1) {
                        awaitQuietly(writer, writer.lineCount() + 1); // 20 more writes
                    }
                }
            });
            assertTrue(writer.awaitLines(writer.lineCount() + 5), "the writer went on writing");
            p.drain();
            assertEquals(0, writer.waitFor(), "the writer stops after 20 rejected writes");
        }
        List<String> report = Files.readAllLines(out);
        String[] stats = report.get(0).split(" ");
        assertEquals(List.of(), report.stream().filter(l -> l.startsWith("error ")).toList());
        assertEquals("20", stats[2], "rejected writes");
        assertTrue(Long.parseLong(stats[3]) < 2_000, "slowest write took " + stats[3] + " ms");
        assertChildModelMatches(report, p.oldDb, Shop.OLD_CUSTOMERS, Shop.OLD_ORDERS, Shop.OLD_TAGS);
        p.cutover();
        assertChildModelMatches(report, p.newDb(), Shop.NEW_CUSTOMERS, Shop.NEW_ORDERS, Shop.NEW_TAGS);
        assertEqualsOracle(p, Files.createDirectory(base.resolve("oracle")));
    }

    private static void awaitQuietly(ChildJvm writer, int lines) {
        try {
            writer.awaitLines(lines);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void assertChildModelMatches(List<String> report, Path db, String customers, String orders,
                                                String tags) {
        Rows.assertSame(rowsOf(report, "customers "), Rows.plain(db, customers), db.getFileName() + " customers");
        Rows.assertSame(rowsOf(report, "orders "), Rows.plain(db, orders), db.getFileName() + " orders");
        Rows.assertSame(rowsOf(report, "tags "), Rows.plain(db, tags), db.getFileName() + " tags");
    }

    private static List<String> rowsOf(List<String> report, String prefix) {
        return report.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }

    /** Each table's first chunk, and every 5th, waits until the application has written some more. */
    static Progress interleaving(Workload writer) {
        Map<String, Integer> chunks = new HashMap<>();
        return new Progress() {
            @Override
            public void chunkCopied(String table, long rowsCopied, long rowsTotal) {
                if (chunks.merge(table, 1, Integer::sum) % 5 == 1) {
                    writer.awaitMoreOps(10);
                }
            }
        };
    }

    static void assertWriterUndisturbed(Workload writer) {
        assertEquals(List.of(), writer.errors, "errors other than the draining rejection");
        assertTrue(writer.rejected.get() > 0, "the writer saw the draining rejection");
        // A safety bound, not a performance assertion: no write ever hangs behind mig.
        assertTrue(writer.maxLatencyMs < 2_000, "slowest write took " + writer.maxLatencyMs + " ms");
    }

    static void assertModelMatches(Workload writer, Path db, String customers, String orders, String tags) {
        Rows.assertSame(writer.expectedCustomers(), Rows.plain(db, customers), db.getFileName() + " customers");
        Rows.assertSame(writer.expectedOrders(), Rows.plain(db, orders), db.getFileName() + " orders");
        Rows.assertSame(writer.expectedTags(), Rows.plain(db, tags), db.getFileName() + " tags");
    }

    /** Every column of every table (typeof + quote) equals the offline migration's; both are sound. */
    static void assertEqualsOracle(HotProject p, Path oracleDir) throws SQLException {
        Path oracle = p.oracle(oracleDir);
        Path hot = p.newDb();
        for (String sql : Shop.NEW_FULL) {
            Rows.assertSame(Rows.typed(oracle, sql), Rows.typed(hot, sql), sql);
        }
        Checks.assertSound(hot);
    }
}
