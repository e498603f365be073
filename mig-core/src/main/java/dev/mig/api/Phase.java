package dev.mig.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a project's migration stands. Derived in one place ({@link #of}) from what is on disk: the
 * new database's copy and drain flags and the old database's capture marker. {@code status} reports it,
 * and the commands check it before they act.
 */
public enum Phase {
    /** No migration in progress and no database made by mig. */
    NONE,
    /** {@code migrate} created the new database and is copying (or was, if it stopped): {@code migrate} resumes. */
    COPYING,
    /** Copy complete; the old database records every write: {@code drain} is next. */
    RECORDING,
    /** A drain rejects writes to the old database and has not replayed the tail (running, or killed): {@code drain}. */
    DRAINING,
    /** Drain complete and writes still rejected: {@code cutover} is next. */
    DRAINED,
    /** The newest database mig made is ready: the application's. */
    READY;

    /**
     * The phase of a migration in progress, from the new database's copy and drain flags and whether the
     * old database's capture marker says {@code draining}. A completed drain whose pause no longer holds (the marker
     * was set back by hand, or writes resumed) is {@link #RECORDING} again: the old database is being
     * written, so cutover would lose writes, and the next drain drains again.
     */
    public static Phase of(boolean copyComplete, boolean drainComplete, boolean markerDraining) {
        if (!copyComplete) {
            return COPYING;
        }
        if (!markerDraining) {
            return RECORDING;
        }
        return drainComplete ? DRAINED : DRAINING;
    }

    /** The phases a command can move this one to; reset leads every phase but {@link #READY} back to {@link #NONE}. */
    public Set<Phase> next() {
        return switch (this) {
            case NONE -> EnumSet.of(COPYING, READY);
            case COPYING -> EnumSet.of(NONE, RECORDING, READY);
            case RECORDING -> EnumSet.of(NONE, DRAINING);
            case DRAINING -> EnumSet.of(NONE, RECORDING, DRAINED);
            case DRAINED -> EnumSet.of(NONE, RECORDING, READY);
            case READY -> EnumSet.of(COPYING);
        };
    }

    /**
     * Refuses unless this phase is one of {@code allowed}: every command asks before it acts, and the
     * refusal says where the migration stands and what to run instead.
     *
     * @param command the command as the user typed it, {@code "mig cutover"}
     */
    public void require(String command, Phase... allowed) {
        if (Arrays.asList(allowed).contains(this)) {
            return;
        }
        String wanted = Arrays.stream(allowed).map(Phase::label).collect(Collectors.joining(" or "));
        throw MigException.refused("'" + command + "' needs a migration that is " + wanted + ", but this one is "
                + label() + ": " + meaning() + ".", nextStep());
    }

    private String meaning() {
        return switch (this) {
            case NONE -> "nothing is in progress";
            case COPYING -> "its copy has not finished";
            case RECORDING -> "its copy is complete and the old database records every write, but no drain has finished";
            case DRAINING -> "a drain paused the application's writes and has not finished replaying them";
            case DRAINED -> "it is drained and waits for its cutover";
            case READY -> "it has been cut over";
        };
    }

    private String nextStep() {
        return switch (this) {
            case NONE -> "'mig migrate' starts a migration to the schema.yaml in the directory.";
            case COPYING -> "Run 'mig migrate' again: it resumes the copy.";
            case RECORDING -> "Run 'mig drain' (or 'mig drain --cutover').";
            case DRAINING -> "Run 'mig drain' again: it resumes.";
            case DRAINED -> "Run 'mig cutover', or 'mig reset' to undo the migration.";
            case READY -> "'mig archive-old' removes mig's capture from the old database.";
        };
    }

    /** The phase as status and its JSON spell it: {@code copying}, {@code drained} ... */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
