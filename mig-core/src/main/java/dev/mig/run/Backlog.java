package dev.mig.run;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * The arithmetic of catching up, in one place so that no figure drain prints or decides on can be
 * negative or overflow: a backlog is at least 0, a rate of 0 means "not measured yet" (not an infinite
 * ETA), and a predicted time saturates instead of wrapping.
 */
final class Backlog {

    private Backlog() {
    }

    /** Log entries not replayed yet; never negative (a log behind the checkpoint is refused elsewhere). */
    static long entries(long lastLogged, long checkpoint) {
        return lastLogged > checkpoint ? lastLogged - checkpoint : 0;
    }

    /** Entries per second, 0 when nothing was measured. */
    static double rate(long entries, long nanos) {
        return entries <= 0 || nanos <= 0 ? 0 : entries * 1e9 / nanos;
    }

    /** How long replaying {@code backlog} takes at {@code rate}; empty while the rate is unknown. */
    static OptionalLong predictedMs(long backlog, double rate) {
        if (backlog <= 0) {
            return OptionalLong.of(0);
        }
        if (!(rate > 0)) {
            return OptionalLong.empty();
        }
        double ms = Math.ceil(backlog * 1000.0 / rate);
        return OptionalLong.of(ms >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) ms);
    }

    /** {@code predictedMs} for people: "about N ms", or that the rate is not known yet. */
    static String describe(OptionalLong predictedMs) {
        return predictedMs.isPresent() ? String.format(Locale.ROOT, "about %,d ms", predictedMs.getAsLong())
                : "an unknown time (no replay rate measured yet)";
    }
}
