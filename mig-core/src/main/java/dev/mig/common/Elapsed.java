package dev.mig.common;

/** Durations as mig reports and stores them: whole milliseconds since a {@link System#nanoTime} reading. */
public final class Elapsed {

    private Elapsed() {
    }

    /** Whole milliseconds from {@code startNanos} (a {@link System#nanoTime} reading) to now. */
    public static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
