package dev.mig.run;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** UTC timestamps as mig stores them: ISO-8601, millisecond precision. */
final class Clock {
    private Clock() {
    }

    static String nowUtc() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
