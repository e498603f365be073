package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.Progress;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ids: remap on a chain of tables (and a self-reference) while an application in another process (Python,
 * a connection per transaction) keeps inserting parents with children, changing keys and deleting, through
 * the copy, recording and drain. The migration completes, and every row of the new database points at the
 * parent it points at in the old one (plain SQL over both, {@link Blog#assertSameAsOld}).
 */
class RemapWithLiveWriterTest {

    @TempDir
    Path base;

    @ParameterizedTest(name = "journal_mode={0}")
    @ValueSource(strings = {"WAL", "DELETE"})
    void migrationCompletesAndChildrenFollowTheirParentsUnderAWriter(String journalMode) throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), Blog.V1, journalMode);
        try (Db db = p.open()) {
            Blog.fill(db, 300);
        }
        Path script = Path.of(RemapWithLiveWriterTest.class.getResource("blog_writer.py").toURI());
        List<String> report;
        try (ChildJvm writer = ChildJvm.command(base.resolve("writer.err"),
                List.of("python3", script.toString(), p.oldDb.toString(), "7", "120"))) {
            assertTrue(writer.awaitLines(1), "the writer started");
            HotProject.declare(p.dir, Blog.V2);
            p.migrate(new Progress() { // the writer commits transactions as each table starts and ends
                @Override
                public void tableStarted(String table, long rowsTotal, long rowsCopied) {
                    await(writer);
                }

                @Override
                public void tableFinished(String table, long rowsCopied, long millis) {
                    await(writer);
                }
            });
            for (int i = 0; i < 10; i++) {
                await(writer); // a backlog for drain
            }
            p.drain();
            assertEquals(0, writer.waitFor(), "the writer stops after 20 rejected writes");
            report = writer.lines();
        }
        String[] stats = report.stream().filter(l -> l.startsWith("stats ")).findFirst().orElseThrow().split(" ");
        assertEquals(List.of(), report.stream().filter(l -> l.startsWith("error ")).toList());
        assertEquals("20", stats[2], "rejected writes");
        Blog.assertSameAsOld(p.oldDb, p.newDb());
        p.cutover();
        Checks.assertSound(p.newDb());
    }

    /** Until the writer has committed 10 more transactions (one more "ops" line). */
    private static void await(ChildJvm writer) {
        try {
            assertTrue(writer.awaitLines(writer.lineCount() + 1), () -> "the writer went on writing: " + writer.lines());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
