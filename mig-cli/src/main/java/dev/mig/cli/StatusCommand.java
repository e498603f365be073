package dev.mig.cli;

import dev.mig.Mig;
import dev.mig.api.Phase;
import dev.mig.api.Project;
import dev.mig.api.StatusReport;
import dev.mig.api.text.Format;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mig status}: where a migration stands. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show where the project's migration stands: phase, files, copy progress per table, change-log "
                + "entries pending replay, the predicted write pause for a drain now, and the history. Reads only, "
                + "takes no lock: safe to run at any time, also while migrate or drain runs.",
        footer = {"", "Phases: none, copying, recording, draining, drained, ready.",
                "Exit codes: 0 success, 2 bad input, 3 runtime failure. JSON keys: specs/status.md.",
                "", "Examples:", "  mig status", "  mig status --watch --interval 2", "  mig status --json | jq .phase"})
final class StatusCommand extends ProjectCommand {

    @Option(names = "--json", description = "Print the status as JSON (stable keys).")
    boolean json;

    @Option(names = "--watch", description = "Refresh every --interval until interrupted.")
    boolean watch;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1",
            description = "Refresh interval for --watch (default: ${DEFAULT-VALUE} s, at least 0.1).")
    double interval;

    private static final double MIN_INTERVAL_S = 0.1;

    @Override
    public Integer call() throws InterruptedException {
        if (!(interval >= MIN_INTERVAL_S) || Double.isInfinite(interval)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--interval must be a number of seconds, at least " + MIN_INTERVAL_S + " (not " + interval + ")");
        }
        PrintWriter out = out();
        Terminal terminal = watch && !json ? Terminal.ofStdout() : Terminal.PLAIN;
        for (boolean first = true; ; first = false) {
            StatusReport r = Mig.status(Project.at(project.dir, null));
            if (json) {
                out.println(watch ? Mig.jsonLine(r) : Mig.json(r)); // --watch: JSON lines, one object per refresh
            } else if (terminal.live()) {
                out.print(inPlace(fit(r, terminal), first));
            } else {
                out.print(render(r));
            }
            out.flush();
            if (!watch) {
                return 0;
            }
            Thread.sleep((long) (interval * 1000));
        }
    }

    /**
     * A refresh drawn over the last one without clearing the screen first, which flickers on a slow link:
     * home, each line with the rest of its row cleared, then everything below the last line cleared.
     */
    static String inPlace(String frame, boolean first) {
        StringBuilder out = new StringBuilder(first ? "\u001b[H\u001b[2J" : "\u001b[H");
        frame.lines().forEach(line -> out.append(line).append("\u001b[K\n"));
        return out.append("\u001b[J").toString();
    }

    /**
     * A --watch frame that fits the terminal: each line cut to its width, and the copy's tables, when
     * there are too many for its height, down to those still to copy and a line that counts the rest. A
     * frame taller than the screen would scroll, and redrawing in place would stack copies of it.
     */
    static String fit(StatusReport r, Terminal t) {
        String frame = render(r);
        long over = frame.lines().count() - (t.height() - 1);
        if (over > 0 && !r.copy().isEmpty()) {
            frame = render(r, (int) Math.max(1, r.copy().size() - over - 1));
        }
        StringBuilder out = new StringBuilder();
        frame.lines().forEach(line -> out.append(t.fit(line)).append('\n'));
        return out.toString();
    }

    static String render(StatusReport r) {
        return render(r, Integer.MAX_VALUE);
    }

    /** The report as text, with at most {@code copyRows} of the copy's tables (see {@link #fit}). */
    static String render(StatusReport r, int copyRows) {
        StringBuilder out = new StringBuilder();
        line(out, "Phase:", r.phase().label());
        if (r.runner() != null) {
            var p = r.runner();
            line(out, p.running() ? "Running:" : "Stopped:", (p.command().isEmpty() ? "mig" : "'" + p.command() + "'")
                    + " (pid " + p.pid() + (p.sinceUtc().isEmpty() ? "" : ", since " + p.sinceUtc()) + ")"
                    + (p.running() ? "" : " stopped without finishing: killed, or its machine went down"));
        }
        if (r.oldDatabase() != null) {
            var o = r.oldDatabase();
            line(out, "Old database:", o.path() + (o.exists() ? "" : " (gone)"));
            if (o.exists()) {
                line(out, "  marker:", o.marker() + ", " + Format.count(o.logEntries(), "change-log entry",
                        "change-log entries"));
            }
        }
        if (r.newDatabase() != null) {
            var n = r.newDatabase();
            line(out, "New database:", n.path());
            line(out, "  status:", n.status());
            line(out, "  schema:", n.schemaHash() + (n.schemaCommit() == null ? "" : " (commit " + n.schemaCommit() + ")"));
        }
        if (r.schemaYamlChanged()) {
            out.append("Note: schema.yaml has changed since this migration started; the stored plan is what runs.\n");
        }
        if (!r.copy().isEmpty()) {
            copy(out, r, copyRows);
        }
        if (r.etaSeconds() != null) {
            line(out, "ETA:", (r.etaSeconds() == 0 ? "" : "about ") + Format.eta(r.etaSeconds()) + " until '" + r.runner().command() + "' is done"
                    + " with its copy or replay");
        }
        if (r.replay() != null) {
            var p = r.replay();
            out.append("Replay:\n");
            line(out, "  replayed:", Format.count(p.entriesReplayed(), "entry", "entries") + " ("
                    + Format.rate(p.entriesPerSecond()) + ")");
            line(out, "  pending:", Format.count(p.pending(), "entry", "entries"));
            if (p.held()) {
                line(out, "  held:", "yes: mig.hold exists in the project, so drain pauses no writes; delete it to "
                        + "let drain finish");
            }
            if (p.drainComplete()) {
                line(out, "  drained:", "yes; writes were paused for " + Format.duration(p.writePauseMs()));
            } else {
                line(out, "  pause now:", p.predictedPauseMs() == null ? "unknown (nothing replayed yet)"
                        : "about " + p.predictedPauseMs() + " ms");
            }
        }
        if (!r.history().isEmpty()) {
            out.append("History:\n");
            for (var h : r.history()) {
                out.append(String.format(Locale.ROOT, "  %s  %s -> %s  %s, %,d replayed, paused %s ms%n",
                        h.finishedUtc(), h.fromHash() == null ? "(fresh)" : h.fromHash(), h.toHash(),
                        Format.count(h.rowsCopied(), "row", "rows"),
                        h.entriesReplayed(), h.writePauseMs() == null ? "-" : h.writePauseMs()));
            }
        }
        boolean stale = r.replay() != null && r.replay().oldWrittenOffline();
        out.append(stale ? STALE_OFFLINE_COPY : running(r) ? "Next: wait for '" + r.runner().command() + "' to finish."
                : (r.phase() == Phase.COPYING && r.runner() != null ? "Next: 'mig migrate' again, to resume the copy."
                        : next(r.phase())) + stopped(r)).append('\n');
        return out.toString();
    }

    /** One row per table, as narrow as its names and counts allow, so that 80 columns hold it. */
    private static void copy(StringBuilder out, StatusReport r, int copyRows) {
        List<StatusReport.TableCopy> shown = r.copy().size() <= copyRows ? r.copy()
                : r.copy().stream().filter(t -> !t.done()).limit(copyRows).toList();
        int name = Math.min(24, shown.stream().mapToInt(t -> t.table().length()).max().orElse(0));
        int count = shown.stream().mapToInt(t -> Format.count(t.rowsTotal()).length()).max().orElse(1);
        out.append("Copy (rows):\n");
        for (var t : shown) {
            out.append(String.format(Locale.ROOT, "  %-" + name + "s  %" + count + "s / %" + count + "s %5.1f%%  %s%n",
                    t.table(), Format.count(t.rowsCopied()), Format.count(t.rowsTotal()), t.percent(), t.done() ? "done"
                            : t.rowsPerSecond() > 0 ? Format.rate(t.rowsPerSecond()) + "  ETA " + Format.eta(t.etaSeconds())
                            : running(r) ? "waiting" : "not copying"));
        }
        if (shown.size() < r.copy().size()) {
            long done = r.copy().stream().filter(StatusReport.TableCopy::done).count();
            out.append("  and ").append(Format.count(r.copy().size() - shown.size(), "more table", "more tables"))
                    .append(" (").append(Format.count(done)).append(" done of ").append(Format.count(r.copy().size()))
                    .append(")\n");
        }
    }

    private static boolean running(StatusReport r) {
        return r.runner() != null && r.runner().running();
    }

    /**
     * What a killed command leaves to do: every mig command resumes where it stopped when run again; a
     * migration not yet cut over can also be undone.
     */
    private static String stopped(StatusReport r) {
        if (r.runner() == null || r.runner().command().isEmpty()) {
            return "";
        }
        boolean undoable = r.phase() != Phase.NONE && r.phase() != Phase.READY;
        return " ('" + r.runner().command() + "' stopped before it finished: run it again to finish"
                + (undoable ? ", or 'mig reset' to undo the migration.)" : ".)");
    }

    static final String STALE_OFFLINE_COPY = "The --offline copy saw the old database written while it copied, so it "
            + "may lack those writes and can never be marked ready. Next: 'mig reset', then 'mig migrate' again "
            + "(with --offline only while nothing writes the old database).";

    private static String next(Phase phase) {
        return switch (phase) {
            case NONE -> "Next: 'mig plan', then 'mig migrate'.";
            case COPYING -> "Next: wait for 'mig migrate' (or rerun it if it stopped).";
            case RECORDING -> "Next: 'mig drain' (or 'mig drain --cutover').";
            case DRAINING -> "Writes to the old database are rejected. Next: 'mig drain' to finish the tail.";
            case DRAINED -> "Writes to the old database are rejected. Next: 'mig cutover'.";
            case READY -> "The new database is ready. 'mig archive-old' cleans up the old one (with --source PATH when it "
                    + "is not a <name>-<hash>.sqlite in this directory).";
        };
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-14s %s%n", label, value));
    }
}
