package dev.mig.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** In-process tests: what happens when a point is reached, such as an application write at a chosen moment. */
    private static final Map<String, Runnable> ACTIONS = new ConcurrentHashMap<>();

    private TestFaults() {
    }

    /** Test-only: runs {@code action} each time {@code point} is reached in this JVM, until {@link #clear}. */
    public static void onPoint(String point, Runnable action) {
        ACTIONS.put(point, action);
    }

    /** Test-only: forgets every action of {@link #onPoint}. */
    public static void clear() {
        ACTIONS.clear();
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

    /**
     * With {@code -Dmig.test.slowReplayBatch=N}, drain replays as if replay were slow: batches of at most N
     * entries that take at least {@value #SLOW_BATCH_MS} ms each, in catch-up rounds of at most
     * {@value #SLOW_ROUND_MS} ms (so a drain that cannot keep up gives up within a second or two). Read on
     * every call; 0 when not testing.
     */
    public static int slowReplayBatch() {
        return Integer.getInteger("mig.test.slowReplayBatch", 0);
    }

    public static final long SLOW_BATCH_MS = 10;
    public static final long SLOW_ROUND_MS = 100;

    /** Sleeps what is left of a slow batch of {@code millis} (see {@link #slowReplayBatch}). */
    public static void slowBatch(long millis) {
        sleep(SLOW_BATCH_MS - millis);
    }

    /**
     * With {@code -Dmig.test.pauseDelayMs=D}, drain waits D ms inside its write pause before the tail, as a
     * slow tail would. Read on every call.
     */
    public static void pauseDelay() {
        sleep(Long.getLong("mig.test.pauseDelayMs", 0));
    }

    /**
     * With {@code -Dmig.test.losePauseAt=POINT}, true at drain's point of that name ({@code flip}: right
     * after the marker flip; {@code drained}: after the drain is marked complete): the drain then sets the
     * marker back to {@code recording} from another connection, as the write pause is lost when another
     * process removes the WAL mig writes to. Read on every call.
     */
    public static boolean losePauseAt(String point) {
        return point.equals(System.getProperty("mig.test.losePauseAt"));
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void reach(String point) {
        if (!ACTIONS.isEmpty()) {
            ACTIONS.getOrDefault(point, () -> { }).run();
        }
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
