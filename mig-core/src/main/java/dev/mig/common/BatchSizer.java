package dev.mig.common;

/**
 * Picks the size of the next batch of work (rows of a copy chunk, entries of a replay batch) so that one
 * batch takes about a target time: long enough to amortise what a transaction costs whatever its size,
 * short enough for what it holds up meanwhile (an application writer waiting for a read lock in
 * rollback-journal mode, work repeated after a crash). It grows or shrinks at most 2x per step, so one
 * unusually slow or fast batch (a checkpoint, a cold cache) does not swing it.
 */
public final class BatchSizer {

    private final long targetMillis;
    private final int min;
    private final int max;
    private int size;

    public BatchSizer(long targetMillis, int min, int max, int initial) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("bounds " + min + ".." + max);
        }
        this.targetMillis = targetMillis;
        this.min = min;
        this.max = max;
        this.size = clamp(initial);
    }

    /** The size of the next batch. */
    public int size() {
        return size;
    }

    /** The largest size this sizer ever picks. */
    public int max() {
        return max;
    }

    /** Adjusts after a batch of {@code done} units took {@code millis}. */
    public void record(long done, long millis) {
        if (done < size) {
            return; // a short last batch says nothing about speed
        }
        double perUnit = Math.max(millis, 1) / (double) done;
        double ideal = targetMillis / perUnit;
        size = clamp((int) Math.max(size / 2.0, Math.min(size * 2.0, ideal)));
    }

    private int clamp(long n) {
        return (int) Math.max(min, Math.min(max, n));
    }
}
