package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The draining rejection as the README promises it to applications in any language: a write in the final
 * pause fails with SQLITE_CONSTRAINT_TRIGGER (1811) and a message starting "mig: writes are paused".
 * Seen from Python's sqlite3, a client that knows nothing of mig.
 */
class DrainingRejectionContractTest {

    @TempDir
    Path dir;

    private static final String CLIENT = String.join("\n",
            "import sqlite3, sys",
            "c = sqlite3.connect(sys.argv[1], timeout=10)",
            "try:",
            "    c.execute(\"INSERT INTO customers (email, name) VALUES ('late@example.com', 'late')\")",
            "    c.commit()",
            "    print('written')",
            "except sqlite3.Error as e:",
            "    print(type(e).__name__, e.sqlite_errorcode, e.sqlite_errorname, str(e), sep='|')");

    @Test
    void aWriteInTheFinalPauseFailsWithTheDocumentedCodeAndMessagePrefix() throws Exception {
        HotProject p = HotProject.bootstrap(dir, Shop.V1, "WAL");
        p.migrate(Shop.V2);
        p.drain();

        String[] seen = python(p.oldDb).split("\\|", 4);

        assertEquals("IntegrityError", seen[0]);
        assertEquals("1811", seen[1]);
        assertEquals("SQLITE_CONSTRAINT_TRIGGER", seen[2]);
        assertTrue(seen[3].startsWith("mig: writes are paused"), seen[3]);
    }

    private static String python(Path db) throws Exception {
        Process py = new ProcessBuilder("python3", "-c", CLIENT, db.toString()).redirectErrorStream(true).start();
        String out = new String(py.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(py.waitFor(60, TimeUnit.SECONDS), "python3 finished");
        assertEquals(0, py.exitValue(), out);
        return out;
    }
}
