package dev.mig.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: SQLite clients that are other OS processes, as applications are. Each call starts a
 * process that opens its own connection, runs a script and closes the file again: the shape of a cron
 * job, a CGI request or an operator's shell, and the one whose close can checkpoint and unlink the WAL.
 */
public final class ForeignClient {

    private ForeignClient() {
    }

    /** True when the {@code sqlite3} shell is installed; python3 is used otherwise. */
    public static boolean hasSqliteShell() {
        return Files.isExecutable(Path.of("/usr/bin/sqlite3"));
    }

    /**
     * Runs the SQL script {@code sql} in a fresh process with its own connection (busy timeout 10 s),
     * stopping at the first error, and returns what its queries printed; fails if the process fails.
     */
    public static String run(Path db, String sql) {
        List<String> cmd = hasSqliteShell()
                ? List.of("sqlite3", "-bail", db.toString())
                : List.of("python3", "-c", PYTHON_SCRIPT_RUNNER, db.toString());
        String script = hasSqliteShell() ? ".timeout 10000\n" + sql : sql;
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(script.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("client did not finish: " + cmd);
            }
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

    /** The shell's behaviour in Python: statements from stdin, one at a time, rows printed '|'-joined. */
    private static final String PYTHON_SCRIPT_RUNNER = String.join("\n",
            "import sqlite3, sys",
            "c = sqlite3.connect(sys.argv[1], timeout=10, isolation_level=None)",
            "stmt = ''",
            "for line in sys.stdin:",
            "    stmt += line",
            "    if sqlite3.complete_statement(stmt):",
            "        for row in c.execute(stmt):",
            "            print('|'.join('' if v is None else str(v) for v in row))",
            "        stmt = ''",
            "c.close()");
}
