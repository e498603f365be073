package dev.mig.cli;

import dev.mig.api.CopyListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Copy progress for people: a bar redrawn in place on a terminal, a plain line every few seconds
 * otherwise (logs, CI). Rows, percentage, rate and ETA per table.
 */
final class ProgressPrinter implements CopyListener {

    private static final long LINE_EVERY_MS = 2_000;
    private static final long REDRAW_EVERY_MS = 100;

    private final PrintWriter err;
    private final boolean terminal;
    private long tableStartNanos;
    private long rowsAtStart;
    private long lastPrint;

    ProgressPrinter(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void tableStarted(String table, long rowsTotal, long rowsCopied) {
        tableStartNanos = System.nanoTime();
        rowsAtStart = rowsCopied;
        lastPrint = 0;
    }

    @Override
    public void chunkCopied(String table, long rowsCopied, long rowsTotal) {
        long now = System.currentTimeMillis();
        if (now - lastPrint < (terminal ? REDRAW_EVERY_MS : LINE_EVERY_MS)) {
            return;
        }
        lastPrint = now;
        String line = line(table, rowsCopied, rowsTotal);
        if (terminal) {
            err.print("\r" + line + "\u001b[K");
        } else {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public void tableFinished(String table, long rowsCopied, long millis) {
        if (terminal) {
            err.print("\r\u001b[K");
        }
        err.printf(Locale.ROOT, "  copied %-24s %,12d rows in %,8d ms%n", table, rowsCopied, millis);
        err.flush();
    }

    @Override
    public void warning(String message) {
        if (terminal) {
            err.print("\r\u001b[K"); // not glued to a bar drawn in place
        }
        printWarning(err, message);
    }

    /** A warning on stderr, also under --json (whose stdout stays one JSON document). */
    static void printWarning(PrintWriter err, String message) {
        err.println("WARNING: " + message);
        err.flush();
    }

    private String line(String table, long copied, long total) {
        double secs = Math.max((System.nanoTime() - tableStartNanos) / 1e9, 1e-3);
        double rate = (copied - rowsAtStart) / secs;
        long left = Math.max(total - copied, 0);
        String eta = rate > 0 ? String.format(Locale.ROOT, "%.0fs", left / rate) : "?";
        double pct = total > 0 ? Math.min(100.0, 100.0 * copied / total) : 100.0;
        int width = 24;
        int filled = (int) Math.round(pct / 100 * width);
        String bar = "#".repeat(filled) + ".".repeat(width - filled);
        return String.format(Locale.ROOT, "  copying %-20s [%s] %5.1f%% %,d/%,d rows %,.0f rows/s ETA %s",
                table, bar, pct, copied, total, rate, eta);
    }
}
