package dev.mig.api;

/**
 * @param maxPauseMs refuse to pause writes for longer than this (predicted), and end a pause that
 *                   reaches it (writes resume, the drain stops)
 * @param cutover    cut over right after the drain, so the pause ends as soon as possible
 * @param verify     run {@code mig verify} before pausing (WAL sources; others would block writers)
 * @param hold       create the project's hold file ({@code DIR/mig.hold}) first: the drain then keeps
 *                   replaying, and pauses nothing, until an operator deletes it. Any drain holds while
 *                   the file exists; this only creates it.
 */
public record DrainOptions(long maxPauseMs, boolean cutover, boolean verify, boolean hold) {

    public DrainOptions(long maxPauseMs, boolean cutover, boolean verify) {
        this(maxPauseMs, cutover, verify, false);
    }
}
