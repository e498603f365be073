package dev.mig.api;

import java.util.List;

/**
 * Where a project's migration stands: what {@code mig status} prints. The JSON keys are the record
 * component names, documented in specs/status.md; they only ever gain keys.
 *
 * @param phase      where the migration stands; JSON spells it in lower case
 * @param runner     the mig command working on the project, or the last one if it was killed at work; null
 *                   when none is
 * @param etaSeconds how long until the running command's copy (or replay) is done; null when nothing runs
 *                   or it is unknown
 */
public record StatusReport(Phase phase, String dir, OldDatabase oldDatabase, NewDatabaseInfo newDatabase,
                           List<TableCopy> copy, Replay replay, boolean schemaYamlChanged, List<History> history,
                           Runner runner, Long etaSeconds) {

    /** The report of a project where nothing runs: no runner, no estimate. */
    public StatusReport(Phase phase, String dir, OldDatabase oldDatabase, NewDatabaseInfo newDatabase,
                        List<TableCopy> copy, Replay replay, boolean schemaYamlChanged, List<History> history) {
        this(phase, dir, oldDatabase, newDatabase, copy, replay, schemaYamlChanged, history, null, null);
    }

    /** This report with {@code runner} and the estimate it allows. */
    public StatusReport withRunner(Runner runner, Long etaSeconds) {
        return new StatusReport(phase, dir, oldDatabase, newDatabase, copy, replay, schemaYamlChanged, history, runner,
                etaSeconds);
    }

    /**
     * The mig process that holds the project's lock.
     *
     * @param command  what it runs ("mig migrate")
     * @param sinceUtc when it took the lock
     * @param running  false when it was killed holding the lock: it stopped without finishing
     */
    public record Runner(long pid, String command, String sinceUtc, boolean running) {
    }

    /** @param marker none, recording or draining; null when the old file is gone (archived) */
    public record OldDatabase(String path, boolean exists, String marker, long logEntries) {
    }

    /** @param status migrating or ready */
    public record NewDatabaseInfo(String path, String status, String schemaHash, String schemaCommit,
                                  String createdUtc, String migVersion) {
    }

    /**
     * @param rowsPerSecond the copy's rate so far, 0 when no command copies now
     * @param etaSeconds    null when unknown or when no command copies now; 0 when done
     */
    public record TableCopy(String table, long rowsTotal, long rowsCopied, double percent, double rowsPerSecond,
                            Long etaSeconds, boolean done) {
    }

    /**
     * @param predictedPauseMs how long writes would pause if drain paused them now; null when unknown
     * @param oldWrittenOffline an {@code --offline} copy saw the old database written: it can never be made
     *                          ready, only reset
     * @param held              the project's hold file exists: a drain replays but pauses no writes until it
     *                          is deleted
     */
    public record Replay(boolean copyComplete, long checkpoint, long pending, long entriesReplayed,
                         double entriesPerSecond, Long predictedPauseMs, boolean drainComplete, Long writePauseMs,
                         boolean oldWrittenOffline, boolean held) {
    }

    public record History(String fromHash, String toHash, String startedUtc, String finishedUtc, long rowsCopied,
                          long entriesReplayed, Long writePauseMs, String migVersion) {
    }
}
