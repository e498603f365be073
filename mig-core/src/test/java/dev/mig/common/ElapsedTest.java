package dev.mig.common;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Durations are whole milliseconds, never negative, never more than the time that passed. */
class ElapsedTest {

    @Test
    void theMillisecondsSinceAReadingLieBetweenWhatHadPassedAndWhatHasPassedNow() {
        long before = System.nanoTime();
        long start = before - 7_000_000; // 7 ms ago
        long millis = Elapsed.millisSince(start);
        long upperBound = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 7 && millis <= upperBound, millis + " ms, at most " + upperBound);
    }
}
