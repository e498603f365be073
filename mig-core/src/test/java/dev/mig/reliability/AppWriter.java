package dev.mig.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mig.hot.Rows;
import dev.mig.hot.Shop;
import dev.mig.hot.Workload;
import dev.mig.testing.Db;
import java.nio.file.Path;
import java.util.List;

/**
 * The shop application writing the old database on its own thread and connection while mig runs in
 * another process: the {@link Workload} and its model of every write it saw succeed. It stops by itself
 * after a few writes were rejected as draining.
 */
final class AppWriter implements AutoCloseable {

    private final Db db;
    private final Workload workload;
    private final Thread thread;

    private AppWriter(Path oldDb, long seed) throws Exception {
        db = Db.open(oldDb);
        workload = new Workload(db.conn, seed, 1_000_000);
        thread = new Thread(() -> workload.run(5), "application writer");
        thread.start();
        workload.awaitMoreOps(10);
    }

    static AppWriter start(Path oldDb, long seed) throws Exception {
        return new AppWriter(oldDb, seed);
    }

    /** Lets it write a little more, so the next step has something new to see. */
    void writeSome() {
        workload.awaitMoreOps(10);
    }

    /** Stops writing and closes the connection; the model is final from here on. */
    @Override
    public void close() throws InterruptedException {
        workload.stop();
        thread.join();
        db.close();
    }

    /** No write failed except with the draining rejection. */
    void assertNoErrors() {
        assertEquals(List.of(), workload.errors, "writes that failed other than with the draining rejection");
    }

    /** The old database holds exactly what the application committed. */
    void assertOldMatches(Path oldDb) {
        assertMatches(oldDb, Shop.OLD_CUSTOMERS, Shop.OLD_ORDERS, Shop.OLD_TAGS);
    }

    /** The new database holds every committed write, mapped through v2. */
    void assertNewMatches(Path newDb) {
        assertMatches(newDb, Shop.NEW_CUSTOMERS, Shop.NEW_ORDERS, Shop.NEW_TAGS);
    }

    private void assertMatches(Path db, String customers, String orders, String tags) {
        Rows.assertSame(workload.expectedCustomers(), Rows.plain(db, customers), db.getFileName() + " customers");
        Rows.assertSame(workload.expectedOrders(), Rows.plain(db, orders), db.getFileName() + " orders");
        Rows.assertSame(workload.expectedTags(), Rows.plain(db, tags), db.getFileName() + " tags");
    }
}
