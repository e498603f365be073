package dev.mig.common;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only fault injection: named crash points at every commit boundary and file step where a crash
 * matters, a size limit for the new database (a full disk), and the free space mig sees (a tight disk).
 * In a normal run no {@code mig.test.*} system property is set: crash points cost one comparison, the
 * size limit is 0, and the free space is the file system's own.
 *
 * <p>The crash-safety tests start mig in a child JVM with {@code -Dmig.test.crashAt=K} (halt at the
 * K-th point reached) or {@code -Dmig.test.crashAtPoint=NAME} (halt at the first point of that name);
 * {@code -Dmig.test.tracePoints=true} prints every point reached, so a harness can count them.
 * Halting uses {@link Runtime#halt}: no shutdown hooks, no finally blocks, like a SIGKILL.
 */
public final class TestFaults {

    /** Exit status of a deliberate crash, as a shell reports a SIGKILL. */
    public static final int EXIT_STATUS = 137;

    private static final int CRASH_AT = Integer.getInteger("mig.test.crashAt", 0);
    private static final String CRASH_AT_POINT = System.getProperty("mig.test.crashAtPoint");
    private static final boolean TRACE = Boolean.getBoolean("mig.test.tracePoints");
    private static final boolean ACTIVE = CRASH_AT > 0 || CRASH_AT_POINT != null || TRACE;
    private static final AtomicInteger REACHED = new AtomicInteger();

    private static final int NEW_DATABASE_MAX_PAGES = Integer.getInteger("mig.test.newDatabaseMaxPages", 0);

    private TestFaults() {
    }

    /**
     * With {@code -Dmig.test.newDatabaseMaxPages=N}, the page limit to set on connections that write the
     * new database ({@code PRAGMA max_page_count}): writes past it fail with SQLITE_FULL, as on a full
     * disk. 0 when not testing.
     */
    public static int newDatabaseMaxPages() {
        return NEW_DATABASE_MAX_PAGES;
    }

    /**
     * With {@code -Dmig.test.usableBytes=N}, the free space mig takes the file system to have, so that a
     * tight disk can be shown without filling one. Read on every call. Empty when not testing.
     */
    public static java.util.OptionalLong usableBytes() {
        Long n = Long.getLong("mig.test.usableBytes");
        return n == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(n);
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
