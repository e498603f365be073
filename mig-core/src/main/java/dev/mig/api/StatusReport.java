package dev.mig.api;

import java.util.List;

/**
 * Where a project's migration stands: what {@code mig status} prints. The JSON keys are the record
 * component names, documented in specs/status.md; they only ever gain keys.
 *
 * @param phase where the migration stands; JSON spells it in lower case
 */
public record StatusReport(Phase phase, String dir, OldDatabase oldDatabase, NewDatabaseInfo newDatabase,
                           List<TableCopy> copy, Replay replay, boolean schemaYamlChanged, List<History> history) {

    /** @param marker none, recording or draining; null when the old file is gone (archived) */
    public record OldDatabase(String path, boolean exists, String marker, long logEntries) {
    }

    /** @param status migrating or ready */
    public record NewDatabaseInfo(String path, String status, String schemaHash, String schemaCommit,
                                  String createdUtc, String migVersion) {
    }

    /** @param etaSeconds null when unknown */
    public record TableCopy(String table, long rowsTotal, long rowsCopied, double percent, double rowsPerSecond,
                            Long etaSeconds, boolean done) {
    }

    /**
     * @param predictedPauseMs how long writes would pause if drain paused them now; null when unknown
     * @param oldWrittenOffline an {@code --offline} copy saw the old database written: it can never be made
     *                          ready, only reset
     */
    public record Replay(boolean copyComplete, long checkpoint, long pending, long entriesReplayed,
                         double entriesPerSecond, Long predictedPauseMs, boolean drainComplete, Long writePauseMs,
                         boolean oldWrittenOffline) {
    }

    public record History(String fromHash, String toHash, String startedUtc, String finishedUtc, long rowsCopied,
                          long entriesReplayed, Long writePauseMs, String migVersion) {
    }
}
