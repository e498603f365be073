package dev.mig.run;

import dev.mig.api.MigException;
import dev.mig.api.text.Format;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Decides, round by round, whether drain's catch-up goes on, pauses writes, or gives up. It pauses once
 * the predicted tail fits the budget. It gives up when {@value #STALLED_ROUNDS} rounds in a row (each at
 * most a few seconds long) do not bring the backlog below its best, and the tail would not fit
 * {@code --max-pause}: the application then writes at least as fast as replay applies, and waiting
 * longer cannot help. The refusal carries both rates, measured over those rounds.
 */
final class Convergence {

    /** What to do next. */
    enum Verdict { REPLAY, PAUSE, GIVE_UP }

    /** Rounds without a new smallest backlog before drain stops trying. */
    static final int STALLED_ROUNDS = 10;
    /** Rounds whose slowest rate predicts the tail: one fast round (a warm cache) must not promise a short pause. */
    static final int RECENT = 5;
    /** Rounds that replayed fewer entries measure mostly a transaction's fixed cost: not a rate to rely on. */
    static final long MEASURABLE_ENTRIES = 1_000;

    private final long budgetMs;
    private final long maxPauseMs;
    private long rounds;
    private double latestRate;
    /** The rates of the latest rounds big enough to measure (a ring); their minimum is the one relied on. */
    private final double[] recentRates = new double[RECENT];
    private int recentCount;
    private long best = Long.MAX_VALUE;
    private int stalled;
    /** Whether a round ran since the start or the last {@link #restart}. */
    private boolean roundSinceRestart;
    private long backlog;
    // Since the last new smallest backlog: what replay applied, what the application logged, how long it took.
    private long windowReplayed;
    private long windowLogged;
    private long windowNanos;

    /**
     * @param budgetMs   pause as soon as the predicted tail is at most this
     * @param maxPauseMs never pause for a predicted tail longer than this
     */
    Convergence(long budgetMs, long maxPauseMs) {
        this.budgetMs = Math.min(budgetMs, maxPauseMs);
        this.maxPauseMs = maxPauseMs;
    }

    /**
     * A new catch-up after drain's checks: the backlog grew while they ran, so it is judged afresh, and
     * replayed for at least one round before writes pause. The replay rate and the rounds counted so far
     * are kept.
     */
    void restart() {
        best = Long.MAX_VALUE;
        stalled = 0;
        roundSinceRestart = false;
    }

    /** The verdict for the backlog measured now (after the latest round, or before the first). */
    Verdict verdict(long backlogNow) {
        backlog = Math.max(0, backlogNow);
        if (backlog < best) {
            best = backlog;
            stalled = 0;
            windowReplayed = 0;
            windowLogged = 0;
            windowNanos = 0;
        } else {
            stalled++;
        }
        OptionalLong predicted = predictedTailMs();
        if (backlog == 0) {
            return Verdict.PAUSE;
        }
        // A backlog that fits the budget is still replayed once while writes go on: the tail is replayed
        // slower than a catch-up round (durable commits, small batches, checks), so a tail of what the
        // checks let pile up would make the pause several times its prediction.
        if (roundSinceRestart && predicted.isPresent() && predicted.getAsLong() <= budgetMs) {
            return Verdict.PAUSE;
        }
        if (stalled >= STALLED_ROUNDS) {
            return predicted.isPresent() && predicted.getAsLong() <= maxPauseMs ? Verdict.PAUSE : Verdict.GIVE_UP;
        }
        return Verdict.REPLAY;
    }

    /**
     * Records one round: it replayed {@code replayed} entries while the application logged {@code logged}
     * new ones, in {@code nanos}.
     */
    void round(long replayed, long logged, long nanos) {
        rounds++;
        roundSinceRestart = true;
        if (replayed > 0) {
            latestRate = Backlog.rate(replayed, nanos);
            if (replayed >= MEASURABLE_ENTRIES) {
                recentRates[recentCount++ % RECENT] = latestRate;
            }
        }
        windowReplayed += Math.max(0, replayed);
        windowLogged += Math.max(0, logged);
        windowNanos += Math.max(0, nanos);
    }

    long rounds() {
        return rounds;
    }

    /**
     * The replay rate to predict with, entries/s: the slowest of the latest {@value #RECENT} rounds of at
     * least {@value #MEASURABLE_ENTRIES} entries, else the latest round's; 0 before any entry was replayed.
     */
    double replayRate() {
        double min = Double.MAX_VALUE;
        for (int i = 0; i < Math.min(recentCount, RECENT); i++) {
            min = Math.min(min, recentRates[i]);
        }
        return recentCount > 0 ? min : latestRate;
    }

    OptionalLong predictedTailMs() {
        return Backlog.predictedMs(backlog, replayRate());
    }

    /** The refusal of a catch-up that cannot converge: both rates, and what to do. */
    MigException notConverging() {
        double secs = windowNanos / 1e9;
        return MigException.refused(String.format(Locale.ROOT, "Replay cannot catch up: over the last %d rounds "
                        + "(%.1f s) the application wrote %,.0f entries/s and replay applied %,.0f entries/s; the "
                        + "backlog is %s and has not gone below %,d since. Pausing writes now would take %s, "
                        + "more than --max-pause %d ms. Nothing was paused; the entries replayed so far stay replayed.",
                        stalled, secs, Backlog.rate(windowLogged, windowNanos), Backlog.rate(windowReplayed, windowNanos),
                        Format.count(backlog, "entry", "entries"), best, Backlog.describe(predictedTailMs()), maxPauseMs),
                "Run 'mig drain' again when the application writes less than replay applies (it continues from "
                        + "here), or allow a longer pause with --max-pause.");
    }
}
