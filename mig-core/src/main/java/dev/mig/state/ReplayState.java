package dev.mig.state;

/**
 * The replay checkpoint and phase flags ({@code _migration_replay}).
 *
 * @param lastSeq         the last log entry replayed
 * @param replayMs        time spent replaying, for the replay rate
 * @param writePauseMs    how long writes to the old database were rejected; null until the drain ends
 */
public record ReplayState(long lastSeq, long entriesReplayed, long replayMs, boolean copyComplete, boolean drainComplete,
                          Long writePauseMs, String startedUtc) {
}
