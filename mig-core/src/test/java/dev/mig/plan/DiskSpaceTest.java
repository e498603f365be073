package dev.mig.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.plan.DiskSpace;
import dev.mig.api.plan.MigrationPlan;
import dev.mig.api.plan.PlanText;
import dev.mig.sql.SqliteFiles;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpaceTest {

    @TempDir
    Path dir;

    @Test
    void neededIsTheOldDatabasesUsedPagesNotItsFreeOnes() throws Exception {
        Path old = dir.resolve("old.sqlite");
        long pageSize;
        long used;
        try (Db db = Db.open(old)) {
            db.exec("CREATE TABLE kept (id INTEGER PRIMARY KEY, body TEXT)");
            db.exec("CREATE TABLE gone (id INTEGER PRIMARY KEY, body TEXT)");
            db.exec("INSERT INTO kept (body) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
                    + "SELECT zeroblob(500) FROM n");
            db.exec("INSERT INTO gone (body) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                    + "SELECT zeroblob(500) FROM n");
            db.exec("DROP TABLE gone"); // its pages stay in the file, on the free list
            pageSize = Long.parseLong(db.one("PRAGMA page_size"));
            used = Long.parseLong(db.one("PRAGMA page_count")) - Long.parseLong(db.one("PRAGMA freelist_count"));
            assertTrue(Long.parseLong(db.one("PRAGMA freelist_count")) > 100, "the fixture has free pages");
        }

        DiskSpace disk;
        try (Connection c = SqliteFiles.openReadOnly(old)) {
            disk = DiskProbe.measure(c, dir).orElseThrow();
        }

        assertEquals(used * pageSize, disk.neededBytes());
        assertTrue(disk.neededBytes() < Files.size(old));
        assertEquals(Files.getFileStore(dir).getUsableSpace(), disk.usableBytes(), 64L * 1024 * 1024,
                "what the file system has free (give or take other processes' writes)");
    }

    @Test
    void aTightDiskIsAWarningThatNeverBlocks() throws Exception {
        MigrationPlan plan = Fx.plan(Fx.schema(Fx.table("t").cols(Fx.col("id", "INTEGER")).pk("id").build()),
                Fx.schema(Fx.table("t").cols(Fx.col("id", "INTEGER")).pk("id").build()), dir);
        DiskSpace tight = new DiskSpace(5L * 1024 * 1024 * 1024, 3L * 1024 * 1024 * 1024);

        String text = PlanText.render(plan, null, null, tight);

        assertTrue(text.contains("Disk:         about 5.0 GB needed, 3.0 GB free on the new database's file system"), text);
        assertTrue(text.contains("WARNING  MIG304  DISK_SPACE    the copy needs about 5.0 GB and the file system has 3.0 GB free"),
                text);
        assertTrue(text.contains("Can migrate: yes"), text);
    }

    @Test
    void enoughRoomAddsNoWarning() throws Exception {
        MigrationPlan plan = Fx.plan(Fx.schema(Fx.table("t").cols(Fx.col("id", "INTEGER")).pk("id").build()),
                Fx.schema(Fx.table("t").cols(Fx.col("id", "INTEGER")).pk("id").build()), dir);

        String text = PlanText.render(plan, null, null, new DiskSpace(40 * 1024, 900L * 1024 * 1024));

        assertTrue(text.contains("about 40 KB needed, 900.0 MB free"), text);
        assertFalse(text.contains("DISK_SPACE"), text);
    }
}
