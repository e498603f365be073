package dev.mig.common;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only seam: named points at every commit boundary and file step where a crash matters. In a
 * normal run neither system property is set and {@link #reach} does nothing but one comparison.
 *
 * <p>The crash-safety tests start mig in a child JVM with {@code -Dmig.test.crashAt=K} (halt at the
 * K-th point reached) or {@code -Dmig.test.crashAtPoint=NAME} (halt at the first point of that name);
 * {@code -Dmig.test.tracePoints=true} prints every point reached, so a harness can count them.
 * Halting uses {@link Runtime#halt}: no shutdown hooks, no finally blocks, like a SIGKILL.
 */
public final class CrashPoints {

    /** Exit status of a deliberate crash, as a shell reports a SIGKILL. */
    public static final int EXIT_STATUS = 137;

    private static final int CRASH_AT = Integer.getInteger("mig.test.crashAt", 0);
    private static final String CRASH_AT_POINT = System.getProperty("mig.test.crashAtPoint");
    private static final boolean TRACE = Boolean.getBoolean("mig.test.tracePoints");
    private static final boolean ACTIVE = CRASH_AT > 0 || CRASH_AT_POINT != null || TRACE;
    private static final AtomicInteger REACHED = new AtomicInteger();

    private CrashPoints() {
    }

    public static void reach(String point) {
        if (!ACTIVE) {
            return;
        }
        int n = REACHED.incrementAndGet();
        if (TRACE) {
            System.err.println("mig-crash-point " + n + " " + point);
        }
        if (n == CRASH_AT || point.equals(CRASH_AT_POINT)) {
            System.err.println("mig-crash-point halting at " + n + " " + point);
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
    }
}
