package dev.mig.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BatchSizerTest {

    @Test
    void startsAtTheInitialSizeWithinBounds() {
        assertEquals(5_000, new BatchSizer(100, 10, 10_000, 5_000).size());
        assertEquals(10_000, new BatchSizer(100, 10, 10_000, 50_000).size());
        assertEquals(10, new BatchSizer(100, 10, 10_000, 1).size());
    }

    @Test
    void growsTowardsTheTargetAtMostTwofoldPerBatch() {
        BatchSizer s = new BatchSizer(1_000, 1, 1_000_000, 1_000);
        s.record(1_000, 100); // ten times too fast
        assertEquals(2_000, s.size());
        s.record(2_000, 800); // 2,500 would take the target
        assertEquals(2_500, s.size());
    }

    @Test
    void shrinksAtMostByHalfPerBatch() {
        BatchSizer s = new BatchSizer(100, 1, 1_000_000, 10_000);
        s.record(10_000, 10_000); // a hundred times too slow
        assertEquals(5_000, s.size());
    }

    @Test
    void aShortLastBatchSaysNothingAboutSpeed() {
        BatchSizer s = new BatchSizer(100, 1, 1_000_000, 10_000);
        s.record(10, 5_000);
        assertEquals(10_000, s.size());
    }

    @Test
    void neverLeavesItsBounds() {
        BatchSizer fast = new BatchSizer(1_000, 100, 4_000, 3_000);
        fast.record(3_000, 1);
        assertEquals(4_000, fast.size());
        assertEquals(4_000, fast.max());
        BatchSizer slow = new BatchSizer(1, 100, 4_000, 150);
        slow.record(150, 1_000);
        assertEquals(100, slow.size());
    }

    @Test
    void refusesBoundsThatCannotHoldABatch() {
        assertThrows(IllegalArgumentException.class, () -> new BatchSizer(100, 0, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> new BatchSizer(100, 20, 10, 15));
    }
}
