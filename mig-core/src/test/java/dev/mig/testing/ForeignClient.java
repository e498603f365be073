package dev.mig.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: SQLite clients that are other OS processes, as applications are. Each call starts a
 * process that opens its own connection, runs SQL and closes the file again: the shape of a cron job,
 * a CGI request or an operator's shell, and the one whose close can checkpoint and unlink the WAL.
 */
public final class ForeignClient {

    private ForeignClient() {
    }

    /** True when the {@code sqlite3} shell is installed; python3 is used otherwise. */
    public static boolean hasSqliteShell() {
        return Files.isExecutable(Path.of("/usr/bin/sqlite3"));
    }

    /**
     * Runs {@code sql} in a fresh process with its own connection (busy timeout 5 s) and returns what it
     * printed; fails if the process fails.
     */
    public static String run(Path db, String sql) {
        List<String> cmd = hasSqliteShell()
                ? List.of("sqlite3", "-cmd", ".timeout 5000", db.toString(), sql)
                : List.of("python3", "-c", PYTHON_ONE_SHOT, db.toString(), sql);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("client did not finish: " + cmd);
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.exitValue() != 0) {
                throw new IllegalStateException("client failed (" + p.exitValue() + "): " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final String PYTHON_ONE_SHOT = String.join("\n",
            "import sqlite3, sys",
            "c = sqlite3.connect(sys.argv[1], timeout=5, isolation_level=None)",
            "for row in c.execute(sys.argv[2]):",
            "    print('|'.join('' if v is None else str(v) for v in row))",
            "c.close()");
}
