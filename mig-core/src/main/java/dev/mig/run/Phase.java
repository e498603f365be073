package dev.mig.run;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.mig.capture.Capture;
import dev.mig.state.ReplayState;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

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
     * The phase of a migration in progress. A completed drain whose pause no longer holds (the marker
     * was set back by hand, or writes resumed) is {@link #RECORDING} again: the old database is being
     * written, so cutover would lose writes, and the next drain drains again.
     */
    public static Phase of(ReplayState replay, Capture.Marker marker) {
        if (!replay.copyComplete()) {
            return COPYING;
        }
        if (marker != Capture.Marker.DRAINING) {
            return RECORDING;
        }
        return replay.drainComplete() ? DRAINED : DRAINING;
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
