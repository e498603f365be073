package dev.mig.cli;

import dev.mig.api.Progress;
import dev.mig.api.text.Format;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What a command is doing, on stderr, for people. On a terminal the current step or table is one line
 * redrawn in place and fitted to the width; anywhere else (a file, a pipe, CI) every line is printed
 * once, no escapes, and a long step says it is still running every {@value #HEARTBEAT_MS} ms, so no
 * log is silent for longer. Every step ends with a line that gives its duration.
 */
final class ProgressPrinter implements Progress, AutoCloseable {

    /** How output is drawn; see {@link #forCommand}. */
    enum Mode {
        /** Warnings only: --quiet, --json. */
        QUIET,
        /** A line when each step ends, no bars, no heartbeats: --no-progress. */
        LINES,
        /** Lines, with copy progress and heartbeats every 1.5 seconds: not a terminal. */
        PLAIN,
        /** The current step redrawn in place: a terminal. */
        LIVE
    }

    /** A plain line at least this often: with a tick every quarter second, no log is silent for 2 s. */
    static final long HEARTBEAT_MS = 1_500;
    private static final long TICK_MS = 250;
    private static final long REDRAW_MS = 200;
    private static final String CLEAR_LINE = "\r\u001b[K";

    private final PrintWriter err;
    private final Mode mode;
    private final Terminal terminal;
    private final LongSupplier nanos;
    private ScheduledExecutorService ticker;

    /** The steps running, innermost first: a step may hold another (cutover's statements inside its flip). */
    private final Deque<Running> steps = new ArrayDeque<>();
    private String table;
    private long tableStart;
    private long rowsAtStart;
    private long rowsCopied;
    private long rowsTotal;
    private boolean drawn;
    private boolean closed;
    private long lastOutput;

    ProgressPrinter(PrintWriter err, Mode mode, Terminal terminal, LongSupplier nanos) {
        this.err = err;
        this.mode = mode;
        this.terminal = terminal;
        this.nanos = nanos;
        this.lastOutput = nanos.getAsLong();
    }

    /** The printer a command's output options ask for, ticking on its own thread until closed. */
    static ProgressPrinter forCommand(PrintWriter err, Options.OutputOptions output, boolean json) {
        Terminal terminal = Terminal.ofStderr();
        Mode mode = json || output.quiet ? Mode.QUIET
                : output.noProgress ? Mode.LINES
                : terminal.live() ? Mode.LIVE : Mode.PLAIN;
        ProgressPrinter p = new ProgressPrinter(err, mode, terminal, System::nanoTime);
        if (mode == Mode.LIVE || mode == Mode.PLAIN) {
            p.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "mig-progress");
                t.setDaemon(true);
                return t;
            });
            long every = mode == Mode.LIVE ? REDRAW_MS : TICK_MS;
            p.ticker.scheduleAtFixedRate(p::tick, every, every, TimeUnit.MILLISECONDS);
        }
        return p;
    }

    @Override
    public synchronized void stepStarted(String name) {
        steps.push(new Running(name, nanos.getAsLong()));
        if (mode == Mode.LIVE) {
            draw(stepLine(" ..."));
        }
    }

    @Override
    public synchronized void stepFinished(String name, long millis) {
        steps.poll();
        if (mode != Mode.QUIET) {
            println(stepDone(name, millis));
        }
    }

    @Override
    public synchronized void stepFailed(String name) {
        steps.poll();
    }

    @Override
    public synchronized void tableStarted(String name, long total, long copied) {
        table = name;
        tableStart = nanos.getAsLong();
        rowsAtStart = copied;
        rowsCopied = copied;
        rowsTotal = total;
        if (mode == Mode.LIVE) {
            draw(copyLine());
        }
    }

    @Override
    public synchronized void chunkCopied(String name, long copied, long total) {
        rowsCopied = copied;
        rowsTotal = total;
        long sinceOutput = (nanos.getAsLong() - lastOutput) / 1_000_000;
        if (mode == Mode.LIVE && sinceOutput >= REDRAW_MS) {
            draw(copyLine());
        } else if (mode == Mode.PLAIN && sinceOutput >= HEARTBEAT_MS) {
            println(copyLine());
        }
    }

    @Override
    public synchronized void tableFinished(String name, long copied, long millis) {
        table = null;
        if (mode != Mode.QUIET) {
            println(stepDone("copy " + name + ": " + Format.count(copied, "row", "rows"), millis));
        }
    }

    @Override
    public synchronized void info(String line) {
        if (mode != Mode.QUIET) {
            println(line);
        }
    }

    @Override
    public synchronized void warning(String message) {
        println("WARNING: " + message);
    }

    /** Redraws the current line (a terminal) or says a long step is still running (anything else). */
    synchronized void tick() {
        if (closed) {
            return; // a tick that waited for the monitor while the command failed and closed it
        }
        long sinceOutput = (nanos.getAsLong() - lastOutput) / 1_000_000;
        if (mode == Mode.LIVE) {
            if (table != null) {
                draw(copyLine());
            } else if (!steps.isEmpty()) {
                draw(stepLine(" " + Format.duration(elapsedMs(steps.peek().start()))));
            }
        } else if (mode == Mode.PLAIN && sinceOutput >= HEARTBEAT_MS) {
            if (table != null) {
                println(copyLine());
            } else if (!steps.isEmpty()) {
                println(stepLine(": still running, " + Format.duration(elapsedMs(steps.peek().start()))));
            }
        }
    }

    /** Stops ticking and ends a line drawn in place, so that what follows starts on a line of its own. */
    @Override
    public synchronized void close() {
        closed = true;
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (drawn) {
            err.print(CLEAR_LINE);
            err.flush();
            drawn = false;
        }
    }

    /** A step under way: its name and when it started. */
    private record Running(String name, long start) {
    }

    private String stepLine(String suffix) {
        return "  " + steps.peek().name() + suffix;
    }

    private String stepDone(String name, long millis) {
        String d = Format.duration(millis);
        int pad = Math.max(1, Math.min(terminal.width() - 1, 72) - 2 - name.length() - d.length());
        return "  " + name + " ".repeat(pad) + d;
    }

    /** The copy's parts from the richest line to the leanest: the bar goes first, then counts, then the rate. */
    private static final int[][] COPY_LINES = {{0, 1, 2, 3, 4, 5}, {0, 2, 3, 4, 5}, {0, 2, 4, 5}, {0, 2, 5}};

    /** The copy's line, the richest that fits: the table, percentage and ETA always show. */
    String copyLine() {
        double secs = Math.max(elapsedMs(tableStart) / 1000.0, 1e-3);
        double rate = (rowsCopied - rowsAtStart) / secs;
        long left = Math.max(rowsTotal - rowsCopied, 0);
        double pct = rowsTotal > 0 ? Math.min(100.0, 100.0 * rowsCopied / rowsTotal) : 100.0;
        String[] parts = {
                "  copy " + table,
                bar(pct),
                String.format(Locale.ROOT, "%5.1f%%", pct),
                Format.count(rowsCopied) + "/" + Format.count(rowsTotal) + " rows",
                Format.rate(rate),
                "ETA " + (rate > 0 ? Format.eta(Math.round(left / rate)) : "?")};
        String line = "";
        for (int[] pick : COPY_LINES) {
            List<String> chosen = new ArrayList<>();
            for (int i : pick) {
                chosen.add(parts[i]);
            }
            line = String.join(" ", chosen);
            if (line.length() <= terminal.width() - 1) {
                break;
            }
        }
        return line;
    }

    private static String bar(double pct) {
        int width = 20;
        int filled = (int) Math.round(pct / 100 * width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    private long elapsedMs(long startNanos) {
        return (nanos.getAsLong() - startNanos) / 1_000_000;
    }

    private void draw(String line) {
        err.print("\r" + terminal.fit(line) + "\u001b[K");
        err.flush();
        drawn = true;
        lastOutput = nanos.getAsLong();
    }

    private void println(String line) {
        if (drawn) {
            err.print(CLEAR_LINE);
            drawn = false;
        }
        err.println(line);
        err.flush();
        lastOutput = nanos.getAsLong();
    }
}
