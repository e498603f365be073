package dev.mig.run;

import dev.mig.api.MigException;
import dev.mig.api.Phase;
import dev.mig.api.StatusReport;
import dev.mig.capture.Capture;
import dev.mig.project.ActiveMigration;
import dev.mig.project.HoldFile;
import dev.mig.project.ProjectLock;
import dev.mig.schema.DatabaseFileName;
import dev.mig.schema.SchemaHash;
import dev.mig.schema.yaml.SchemaYaml;
import dev.mig.sql.SchemaName;
import dev.mig.sql.SqliteFiles;
import dev.mig.state.Identity;
import dev.mig.state.NewDatabase;
import dev.mig.state.ReplayState;
import dev.mig.state.StateStore;
import dev.mig.state.TableProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads where a migration stands, from read-only connections and a handful of cheap queries: it
 * takes no lock (it works while migrate or drain runs) and never blocks the application's writers.
 */
public final class StatusReader {

    private final Path dir;
    private final Path schemaFile;
    private final String defaultName;

    public StatusReader(Path dir, Path schemaFile, String defaultName) {
        this.dir = dir;
        this.schemaFile = schemaFile;
        this.defaultName = defaultName;
    }

    public StatusReport read() {
        Optional<StatusReport.Runner> runner = ProjectLock.holder(dir)
                .map(h -> new StatusReport.Runner(h.pid(), h.command(), h.sinceUtc(), h.running()));
        boolean running = runner.map(StatusReport.Runner::running).orElse(false);
        long pace = runner.filter(StatusReport.Runner::running).map(r -> pace(r.command())).orElse(0L);
        StatusReport report = read(running, pace);
        return report.withRunner(runner.orElse(null), running ? eta(report) : null);
    }

    /**
     * What the lock of a paced migrate says of its pace, {@code " --max-rows-per-second N"}: the copy's
     * stored time is its chunks' own, which drain's verify estimate needs, so status caps a running copy's
     * rate, and its ETA, at the pace it reads here.
     */
    static String paceOption(dev.mig.api.MigrateOptions options) {
        return options.maxRowsPerSecond() > 0 ? " " + PACE_OPTION + " " + options.maxRowsPerSecond() : "";
    }

    static long pace(String command) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(PACE_OPTION + " (\\d{1,18})").matcher(command);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static final String PACE_OPTION = "--max-rows-per-second";

    private StatusReport read(boolean running, long pace) {
        try {
            Optional<ActiveMigration> active = ActiveMigration.find(dir);
            if (active.isPresent()) {
                return migrating(active.get(), running, pace);
            }
            Optional<Path> ready = newestReady();
            return ready.isPresent() ? ready(ready.get())
                    : new StatusReport(Phase.NONE, dir.toString(), null, null, List.of(), null, false, List.of());
        } catch (SQLException e) {
            throw MigException.runtime("Cannot read the migration state: " + e.getMessage(),
                    "Check that the project's database files are readable.", e);
        }
    }

    /**
     * While a command runs: the copy's time left at its rate so far, or once the copy is done the
     * replay's, at the replay's rate.
     */
    private static Long eta(StatusReport r) {
        List<StatusReport.TableCopy> left = r.copy().stream().filter(t -> !t.done()).toList();
        if (!left.isEmpty()) {
            // The table being copied, once it has a rate; before that, the rate of the tables done.
            double rate = left.get(0).rowsPerSecond() > 0 ? left.get(0).rowsPerSecond() : r.copy().stream()
                    .filter(StatusReport.TableCopy::done).mapToDouble(StatusReport.TableCopy::rowsPerSecond).average()
                    .orElse(0);
            long rows = left.stream().mapToLong(t -> Math.max(0, t.rowsTotal() - t.rowsCopied())).sum();
            return rate > 0 ? Math.round(rows / rate) : null;
        }
        if (r.replay() != null && !r.replay().drainComplete() && r.replay().entriesPerSecond() > 0) {
            return Math.round(r.replay().pending() / r.replay().entriesPerSecond());
        }
        return null;
    }

    private StatusReport migrating(ActiveMigration m, boolean running, long pace) throws SQLException {
        StateStore state = new StateStore(SchemaName.MAIN);
        StatusReport.NewDatabaseInfo info;
        ReplayState replay;
        boolean oldWrittenOffline;
        List<TableProgress> progress;
        List<StatusReport.History> history;
        try (Connection c = SqliteFiles.openReadOnly(m.target())) {
            info = newInfo(m.target(), state, c);
            replay = state.replay(c).orElseThrow();
            oldWrittenOffline = state.oldWrittenOffline(c);
            progress = state.progress(c);
            history = history(state, c);
        }
        StatusReport.OldDatabase old = oldDatabase(m.source());
        long pending = Backlog.entries(old.logEntries(), replay.lastSeq());
        double rate = Backlog.rate(replay.entriesReplayed(), replay.replayMs() * 1_000_000);
        // Unknown until something was replayed, unless there is nothing to replay.
        java.util.OptionalLong predictedMs = Backlog.predictedMs(pending, rate);
        Long predicted = predictedMs.isPresent() ? predictedMs.getAsLong() : null;
        Capture.Marker marker = old.marker() == null ? Capture.Marker.NONE
                : Capture.Marker.valueOf(old.marker().toUpperCase(Locale.ROOT));
        Phase phase = ActiveMigration.phaseOf(replay, marker);
        return new StatusReport(phase, dir.toString(), old, info, copies(progress, running, pace),
                new StatusReport.Replay(replay.copyComplete(), replay.lastSeq(), pending, replay.entriesReplayed(),
                        Math.round(rate), predicted, replay.drainComplete(), replay.writePauseMs(), oldWrittenOffline,
                        HoldFile.held(dir)),
                schemaYamlChanged(m.plan().targetHash()), history);
    }

    private StatusReport ready(Path target) throws SQLException {
        StateStore state = new StateStore(SchemaName.MAIN);
        try (Connection c = SqliteFiles.openReadOnly(target)) {
            return new StatusReport(Phase.READY, dir.toString(), oldDatabaseOf(state, c), newInfo(target, state, c), List.of(),
                    null, false, history(state, c));
        }
    }

    /** After cutover the old file is the source of the last history row, if it is still around. */
    private StatusReport.OldDatabase oldDatabaseOf(StateStore state, Connection c) throws SQLException {
        List<StateStore.HistoryRow> rows = state.history(c);
        if (rows.isEmpty() || rows.get(rows.size() - 1).fromHash() == null) {
            return null;
        }
        String fromHash = rows.get(rows.size() - 1).fromHash();
        for (Path p : ActiveMigration.databaseFiles(dir)) {
            if (DatabaseFileName.hash(p).filter(fromHash::equals).isPresent()) {
                return oldDatabase(p);
            }
        }
        return null;
    }

    private Optional<Path> newestReady() throws SQLException {
        Path best = null;
        String bestCreated = "";
        for (Path p : ActiveMigration.databaseFiles(dir)) {
            if (!SqliteFiles.looksLikeSqlite(p)) {
                continue;
            }
            try (Connection c = SqliteFiles.openReadOnly(p)) {
                StateStore state = new StateStore(SchemaName.MAIN);
                if (state.status(c).orElse(null) == NewDatabase.Status.READY) {
                    String created = state.identity(c).map(Identity::createdUtc).orElse("");
                    if (best == null || created.compareTo(bestCreated) > 0) {
                        best = p;
                        bestCreated = created;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static StatusReport.NewDatabaseInfo newInfo(Path target, StateStore state, Connection c) throws SQLException {
        Identity id = state.identity(c).orElse(new Identity(null, null, null, null));
        String status = state.status(c).map(NewDatabase.Status::sql).orElse(null);
        return new StatusReport.NewDatabaseInfo(target.toString(), status, id.schemaHash(), id.schemaCommit(),
                id.createdUtc(), id.migVersion());
    }

    private static StatusReport.OldDatabase oldDatabase(Path source) throws SQLException {
        if (!Files.exists(source)) {
            return new StatusReport.OldDatabase(source.toString(), false, null, 0);
        }
        try (Connection c = SqliteFiles.openReadOnly(source)) {
            Capture.Marker marker = Capture.marker(c);
            long entries = marker == Capture.Marker.NONE ? 0 : Capture.lastSeq(c);
            return new StatusReport.OldDatabase(source.toString(), true, marker.name().toLowerCase(Locale.ROOT), entries);
        }
    }

    /**
     * Rates and estimates only while a command copies: a stopped copy has neither. {@code pace}: the
     * running migrate's --max-rows-per-second (0: none), which no table's rate exceeds.
     */
    static List<StatusReport.TableCopy> copies(List<TableProgress> progress, boolean running, long pace) {
        List<StatusReport.TableCopy> out = new ArrayList<>();
        for (TableProgress p : progress) {
            double pct = p.rowsTotal() > 0 ? Math.min(100.0, 100.0 * p.rowsCopied() / p.rowsTotal()) : (p.done() ? 100 : 0);
            double rate = running && p.copyMs() > 0 ? p.rowsCopied() * 1000.0 / p.copyMs() : 0;
            if (pace > 0 && rate > pace) {
                rate = pace;
            }
            Long eta = null;
            if (p.done()) {
                eta = 0L;
            } else if (rate > 0) {
                eta = Math.round(Math.max(0, p.rowsTotal() - p.rowsCopied()) / rate);
            }
            out.add(new StatusReport.TableCopy(p.table(), p.rowsTotal(), p.rowsCopied(), Math.round(pct * 10) / 10.0,
                    Math.round(rate), eta, p.done()));
        }
        return out;
    }

    private static List<StatusReport.History> history(StateStore state, Connection c) throws SQLException {
        return state.history(c).stream().map(h -> new StatusReport.History(h.fromHash(), h.toHash(), h.startedUtc(),
                h.finishedUtc(), h.rowsCopied(), h.entriesReplayed(), h.writePauseMs(), h.migVersion())).toList();
    }

    /** True when schema.yaml now describes another schema than the running migration (whose stored plan wins). */
    private boolean schemaYamlChanged(String plannedHash) {
        if (!Files.isRegularFile(schemaFile)) {
            return false;
        }
        try {
            return !SchemaHash.of(SchemaYaml.load(schemaFile, defaultName)).equals(plannedHash);
        } catch (MigException e) {
            return true; // an unreadable schema.yaml is not the one the migration was planned from
        }
    }
}
