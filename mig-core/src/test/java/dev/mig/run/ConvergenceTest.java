package dev.mig.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.MigException;
import dev.mig.run.Convergence.Verdict;
import org.junit.jupiter.api.Test;

/** When catch-up goes on, pauses, or gives up; rounds are fed in directly, so no clock is involved. */
class ConvergenceTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theFirstRoundRunsWhileTheRateIsUnknown() {
        assertEquals(Verdict.REPLAY, new Convergence(100, 3_000).verdict(50));
    }

    @Test
    void noBacklogPausesAtOnce() {
        assertEquals(Verdict.PAUSE, new Convergence(100, 3_000).verdict(0));
    }

    @Test
    void aTailThatFitsTheBudgetPauses() {
        Convergence c = new Convergence(100, 3_000);
        c.verdict(10_000);
        c.round(10_000, 50, SECOND); // 10,000/s: 50 entries take 5 ms
        assertEquals(Verdict.PAUSE, c.verdict(50));
    }

    @Test
    void aShrinkingBacklogKeepsReplaying() {
        Convergence c = new Convergence(100, 3_000);
        long backlog = 1_000_000;
        for (int i = 0; i < 3 * Convergence.STALLED_ROUNDS; i++) {
            assertEquals(Verdict.REPLAY, c.verdict(backlog));
            c.round(20_000, 10_000, SECOND);
            backlog -= 10_000;
        }
    }

    @Test
    void aWriterFasterThanReplayStopsTheDrainWithBothRates() {
        Convergence c = new Convergence(100, 3_000);
        long backlog = 10_000;
        int rounds = 0;
        Verdict v;
        while ((v = c.verdict(backlog)) == Verdict.REPLAY) {
            c.round(5_000, 8_000, SECOND); // replay 5,000/s, the application 8,000/s
            backlog += 3_000;
            rounds++;
        }
        assertEquals(Verdict.GIVE_UP, v);
        assertEquals(Convergence.STALLED_ROUNDS, rounds);
        MigException e = c.notConverging();
        assertEquals(MigException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("over the last 10 rounds (10.0 s) the application wrote 8,000 entries/s and "
                + "replay applied 5,000 entries/s; the backlog is 40,000 entries and has not gone below 10,000 since. "
                + "Pausing writes now would take about 8,000 ms, more than --max-pause 3000 ms."), e.getMessage());
    }

    @Test
    void aStalledBacklogThatFitsMaxPausePausesInsteadOfGivingUp() {
        Convergence c = new Convergence(100, 3_000);
        Verdict v;
        int rounds = 0;
        while ((v = c.verdict(5_000)) == Verdict.REPLAY) { // 5,000 at 10,000/s: 500 ms, over the budget, under 3 s
            c.round(10_000, 10_000, SECOND);
            rounds++;
        }
        assertEquals(Verdict.PAUSE, v);
        assertEquals(Convergence.STALLED_ROUNDS, rounds);
    }

    @Test
    void aRestartJudgesTheGrownBacklogAfresh() {
        Convergence c = new Convergence(100, 3_000);
        c.verdict(1_000);
        c.round(1_000, 0, SECOND);
        c.verdict(50); // fits: drain checks, the backlog grows meanwhile
        c.restart();
        for (int i = 0; i < Convergence.STALLED_ROUNDS; i++) {
            assertEquals(Verdict.REPLAY, c.verdict(100_000 - i));
            c.round(1_000, 999, SECOND);
        }
    }

    @Test
    void aBacklogThatPiledUpDuringTheChecksIsReplayedOnceBeforeWritesPause() {
        Convergence c = new Convergence(100, 3_000);
        c.verdict(10_000);
        c.round(10_000, 0, SECOND / 10); // 100,000/s
        assertEquals(Verdict.PAUSE, c.verdict(50));
        c.restart(); // drain's checks ran; 1,500 entries piled up: 15 ms at 100,000/s, within the budget
        assertEquals(Verdict.REPLAY, c.verdict(1_500));
        c.round(1_500, 20, SECOND / 50);
        assertEquals(Verdict.PAUSE, c.verdict(20));
    }

    @Test
    void theTailIsPredictedFromTheSlowestRecentRoundNotOneFastOne() {
        Convergence c = new Convergence(100, 3_000);
        c.verdict(100_000);
        c.round(10_000, 0, SECOND); // 10,000/s
        c.verdict(90_000);
        c.round(50_000, 0, SECOND / 10); // 500,000/s: a warm cache
        assertEquals(10_000, c.replayRate(), 1e-6);
        c.verdict(900); // 90 ms at 10,000/s, 2 ms at 500,000/s
        c.round(100, 0, SECOND); // 100/s, but too small a round to measure a rate
        assertEquals(10_000, c.replayRate(), 1e-6);
    }

    @Test
    void theBudgetNeverExceedsMaxPause() {
        Convergence c = new Convergence(100, 10);
        c.verdict(1_000);
        c.round(1_000, 50, SECOND); // 1,000/s: 50 entries take 50 ms, within 100 but not within 10
        assertEquals(Verdict.REPLAY, c.verdict(50));
    }
}
