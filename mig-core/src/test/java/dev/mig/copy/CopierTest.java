package dev.mig.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.MigrateResult;
import dev.mig.api.MigrateOptions;
import dev.mig.api.Progress;
import dev.mig.api.TableCopyResult;
import dev.mig.hot.HotProject;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk copy of tables larger than one chunk: what it reports while it runs, what it stores to resume
 * from, how it walks composite keys, and the order in which remapped rows get their new keys.
 */
class CopierTest {

    /** More items than the first chunk (1,000 rows), so the remap pre-pass maps them in several. */
    private static final int ROWS = 4_500;
    /** More stock rows than the largest chunk (200,000), so that table is copied in several whatever the speed. */
    private static final int STOCK = 300_000;

    private static final String V1 = """
            name: c
            tables:
              shelves:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  best_item_id: {type: INTEGER, references: items.id}
              items:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  name: {type: TEXT, nullable: false}
                  next_id: {type: INTEGER, references: items.id}
                  shelf_id: {type: INTEGER, references: shelves.id}
              stock:
                primaryKey: [shop, sku]
                columns:
                  shop: {type: TEXT}
                  sku: {type: INTEGER}
                  qty: {type: INTEGER}
            """;

    /** Both tables rebuilt (a column added); items remapped, with an index built after its rows. */
    private static final String V2 = """
            name: c
            tables:
              shelves:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  best_item_id: {type: INTEGER, references: items.id}
              items:
                ids: remap
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  name: {type: TEXT, nullable: false}
                  next_id: {type: INTEGER, references: items.id}
                  shelf_id: {type: INTEGER, references: shelves.id}
                  note: {type: TEXT}
                indexes:
                  items_by_name: [name]
              stock:
                primaryKey: [shop, sku]
                columns:
                  shop: {type: TEXT}
                  sku: {type: INTEGER}
                  qty: {type: INTEGER}
                  note: {type: TEXT}
                indexes:
                  stock_by_qty: [qty]
            """;

    @TempDir
    Path base;

    /** What a listener heard, one line per call. */
    private static final class Recorder implements Progress {
        final List<String> started = new ArrayList<>();
        final List<Long> chunks = new ArrayList<>();
        final List<Long> chunkTotals = new ArrayList<>();
        final List<String> finished = new ArrayList<>();
        final List<Long> finishedMillis = new ArrayList<>();

        @Override
        public void tableStarted(String table, long rowsTotal, long rowsCopied) {
            started.add(table + " " + rowsTotal + " " + rowsCopied);
        }

        @Override
        public void chunkCopied(String table, long rowsCopied, long rowsTotal) {
            if (table.equals("stock")) {
                chunks.add(rowsCopied);
                chunkTotals.add(rowsTotal);
            }
        }

        @Override
        public void tableFinished(String table, long rowsCopied, long millis) {
            finished.add(table + " " + rowsCopied);
            finishedMillis.add(millis);
        }
    }

    /**
     * v1 with {@link #ROWS} items, item i pointing at the item {@code ROWS / 2} further on (wrapping), so
     * the rows of the first chunk reference items of a later one; and {@code stockRows} stock rows spread
     * over three shops, so the composite key's first column repeats across chunk boundaries. Shelves and
     * items reference each other: the shelves, copied first, name the last item and the tenth.
     */
    private HotProject filled(int stockRows) throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), V1);
        try (Db db = p.open()) {
            db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + ROWS + ") "
                    + "INSERT INTO items (id, name, next_id) SELECT i * 10, 'item ' || i, "
                    + "((i - 1 + " + ROWS / 2 + ") % " + ROWS + " + 1) * 10 FROM n;\n"
                    + "INSERT INTO shelves VALUES (1, " + ROWS * 10 + "), (2, 100), (3, NULL);\n"
                    + "UPDATE items SET shelf_id = 1 WHERE id <= 30;\n"
                    + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + stockRows + ") "
                    + "INSERT INTO stock (shop, sku, qty) SELECT 'shop ' || (i % 3), i, i * 2 FROM n");
        }
        HotProject.declare(p.dir, V2);
        return p;
    }

    private static MigrateResult migrate(HotProject p, boolean offline, Progress listener) {
        return Mig.migrate(HotProject.project(p.dir), offline, listener);
    }

    @Test
    void aTableLargerThanOneChunkIsReportedChunkByChunkUpToItsSize() throws Exception {
        HotProject p = filled(STOCK);
        Recorder heard = new Recorder();
        long before = System.nanoTime();
        MigrateResult r = migrate(p, true, heard);
        long wallMillis = (System.nanoTime() - before) / 1_000_000;

        assertEquals(List.of("stock " + STOCK + " 0", "shelves 3 0", "items " + ROWS + " 0"), heard.started);
        assertTrue(heard.chunks.size() > 1, "chunks: " + heard.chunks);
        for (int i = 1; i < heard.chunks.size(); i++) {
            assertTrue(heard.chunks.get(i) > heard.chunks.get(i - 1), "counts grow: " + heard.chunks);
        }
        assertEquals(STOCK, heard.chunks.get(heard.chunks.size() - 1));
        assertTrue(heard.chunkTotals.stream().allMatch(t -> t == STOCK), "totals: " + heard.chunkTotals);
        assertEquals(List.of("stock " + STOCK, "shelves 3", "items " + ROWS), heard.finished);
        for (long millis : heard.finishedMillis) {
            assertTrue(millis >= 0 && millis <= wallMillis, millis + " ms within a " + wallMillis + " ms run");
        }
        assertEquals(STOCK + 3 + ROWS, r.copy().rows());
        assertTrue(r.copy().millis() >= 0 && r.copy().millis() <= wallMillis, r.copy().millis() + " ms");
        assertEquals(List.of((long) STOCK, 3L, (long) ROWS),
                r.copy().tables().stream().map(TableCopyResult::rows).toList());
    }

    @Test
    void aPacedCopyGoesInChunksOfATenthOfASecondsRowsAndStillCopiesEveryRow() throws Exception {
        HotProject p = filled(2_000);
        Recorder heard = new Recorder();

        // 5,000 rows a second: chunks of 500 rows, below the 1,000 an unpaced copy starts with.
        MigrateResult r = Mig.migrate(HotProject.project(p.dir), new MigrateOptions(true, 5_000, 75), heard);

        assertEquals(List.of(500L, 1_000L, 1_500L, 2_000L), heard.chunks);
        assertEquals(2_000 + 3 + ROWS, r.copy().rows());
    }

    @Test
    void theProgressTableEndsWithEveryRowTheLastKeyAndDone() throws Exception {
        HotProject p = filled(ROWS);
        long before = System.nanoTime();
        MigrateResult r = migrate(p, false, Progress.NONE);
        long wallMillis = (System.nanoTime() - before) / 1_000_000;
        try (Db db = Db.open(r.target())) {
            assertEquals(List.of("items|" + ROWS + "|" + ROWS + "|1|" + ROWS * 10 + "|null", "shelves|3|3|1|3|null",
                            "stock|" + ROWS + "|" + ROWS + "|1|shop 2|" + (ROWS - ROWS % 3 - 1)),
                    db.rows("SELECT table_name, rows_total, rows_copied, done, k1, k2 FROM _migration_progress "
                            + "ORDER BY table_name"));
            long copyMillis = db.count("SELECT sum(copy_ms) FROM _migration_progress");
            assertTrue(copyMillis >= 0 && copyMillis <= wallMillis, copyMillis + " ms within " + wallMillis);
        }
    }

    @Test
    void everyRowArrivesOnceWhenChunkBoundariesFallInsideARunOfTheFirstKeyColumn() throws Exception {
        HotProject p = filled(STOCK);
        MigrateResult r = migrate(p, true, Progress.NONE);
        try (Db db = Db.open(r.target())) {
            db.exec("ATTACH DATABASE '" + p.oldDb + "' AS old");
            assertEquals(0, db.count("SELECT count(*) FROM (SELECT shop, sku, qty FROM old.stock "
                    + "EXCEPT SELECT shop, sku, qty FROM main.stock)"));
            assertEquals(STOCK, db.count("SELECT count(*) FROM main.stock"));
        }
    }

    @Test
    void remappedKeysFollowTheOldKeyOrderEvenWhereEarlyRowsReferenceLaterOnes() throws Exception {
        HotProject p = filled(ROWS);
        MigrateResult r = migrate(p, false, Progress.NONE);
        try (Db db = Db.open(r.target())) {
            assertEquals(ROWS, db.count("SELECT count(*) FROM _id_mapping_items"));
            assertEquals(List.of("1|" + ROWS), db.rows("SELECT min(new_key), max(new_key) FROM _id_mapping_items"));
            assertEquals(0, db.count("SELECT count(*) FROM _id_mapping_items a JOIN _id_mapping_items b "
                    + "ON b.old_key = a.old_key + 10 WHERE b.new_key <> a.new_key + 1"));
            // item i is now id i, and points at the item ROWS / 2 further on, as before
            assertEquals(0, db.count("SELECT count(*) FROM items WHERE name <> 'item ' || id "
                    + "OR next_id <> (id - 1 + " + ROWS / 2 + ") % " + ROWS + " + 1"));
            assertEquals(List.of("items_by_name"), db.rows("SELECT name FROM sqlite_schema WHERE type = 'index' "
                    + "AND tbl_name = 'items' AND sql IS NOT NULL"));
        }
    }

    @Test
    void aCopyStoppedAfterAChunkResumesAfterItCountingTheRowsCopiedBefore() throws Exception {
        HotProject p = filled(STOCK);
        Progress stopAfterFirstChunk = new Progress() {
            @Override
            public void chunkCopied(String table, long rowsCopied, long rowsTotal) {
                if (table.equals("stock")) {
                    throw new IllegalStateException("stopped after " + rowsCopied);
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> migrate(p, false, stopAfterFirstChunk));

        Recorder heard = new Recorder();
        MigrateResult r = migrate(p, false, heard);

        assertTrue(r.resumed());
        String stock = heard.started.get(0);
        long before = Long.parseLong(stock.substring(stock.lastIndexOf(' ') + 1));
        assertTrue(before > 0 && before < STOCK, stock);
        assertTrue(heard.chunks.get(0) > before, "counting on from " + before + ": " + heard.chunks);
        assertEquals(STOCK, heard.chunks.get(heard.chunks.size() - 1));
        assertEquals(List.of("shelves 3 0", "items " + ROWS + " 0"), heard.started.subList(1, 3));
        assertEquals(List.of("stock " + STOCK, "shelves 3", "items " + ROWS), heard.finished);
        try (Db db = Db.open(r.target())) {
            assertEquals(STOCK, db.count("SELECT count(*) FROM stock"));
            assertEquals(List.of(ROWS + "|" + ROWS), db.rows("SELECT count(*), max(new_key) FROM _id_mapping_items"));
            assertEquals(0, db.count("SELECT count(*) FROM items WHERE name <> 'item ' || id"));
        }
    }

    @Test
    void aCopyStoppedAfterATablesIndexesWereBuiltResumesWithoutBuildingThemAgain() throws Exception {
        HotProject p = filled(ROWS);
        Progress stopAtShelves = new Progress() {
            @Override
            public void tableStarted(String table, long rowsTotal, long rowsCopied) {
                if (table.equals("shelves")) {
                    throw new IllegalStateException("stopped before shelves");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> migrate(p, false, stopAtShelves));

        MigrateResult r = migrate(p, false, Progress.NONE);

        try (Db db = Db.open(r.target())) {
            assertEquals(List.of("items_by_name", "stock_by_qty"), db.rows("SELECT name FROM sqlite_schema "
                    + "WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"));
            assertEquals(ROWS, db.count("SELECT count(*) FROM stock"));
        }
    }
}
