package dev.mig.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Catch-up arithmetic: never a negative backlog, never an overflowing or infinite ETA. */
class BacklogTest {

    @Test
    void aLogBehindTheCheckpointIsNoNegativeBacklog() {
        assertEquals(0, Backlog.entries(5, 8));
        assertEquals(3, Backlog.entries(8, 5));
        assertEquals(0, Backlog.entries(0, 0));
    }

    @Test
    void anUnmeasuredRateGivesNoPredictionInsteadOfLongMaxValue() {
        assertEquals(OptionalLong.empty(), Backlog.predictedMs(10, 0));
        assertEquals(OptionalLong.empty(), Backlog.predictedMs(10, Double.NaN));
        assertEquals("an unknown time (no replay rate measured yet)", Backlog.describe(Backlog.predictedMs(10, 0)));
    }

    @Test
    void noBacklogTakesNoTimeWhateverTheRate() {
        assertEquals(OptionalLong.of(0), Backlog.predictedMs(0, 0));
        assertEquals(OptionalLong.of(0), Backlog.predictedMs(-4, 1_000));
    }

    @Test
    void predictionsRoundUpAndSaturateInsteadOfWrapping() {
        assertEquals(OptionalLong.of(1), Backlog.predictedMs(1, 1_000_000));
        assertEquals(OptionalLong.of(2_000), Backlog.predictedMs(10_000, 5_000));
        assertEquals(OptionalLong.of(Long.MAX_VALUE), Backlog.predictedMs(Long.MAX_VALUE, 1e-9));
        assertEquals("about 2,000 ms", Backlog.describe(Backlog.predictedMs(10_000, 5_000)));
    }

    @Test
    void ratesAreZeroWhenNothingWasMeasured() {
        assertEquals(0, Backlog.rate(0, 1_000));
        assertEquals(0, Backlog.rate(10, 0));
        assertEquals(0, Backlog.rate(-3, 1_000));
        assertEquals(2_000, Backlog.rate(2, 1_000_000), 1e-9);
    }
}
