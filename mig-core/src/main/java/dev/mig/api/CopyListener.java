package dev.mig.api;

/** Receives copy progress and warnings; the CLI draws them as a progress bar or periodic lines. */
public interface CopyListener {

    /** A table starts (or resumes with {@code rowsCopied} already done). */
    default void tableStarted(String table, long rowsTotal, long rowsCopied) {
    }

    /** A chunk committed. */
    default void chunkCopied(String table, long rowsCopied, long rowsTotal) {
    }

    /** The table's rows are all copied and its indexes built. */
    default void tableFinished(String table, long rowsCopied, long millis) {
    }

    /** Something the operator should know before the copy goes on (a disk that looks too small). */
    default void warning(String message) {
    }

    CopyListener NONE = new CopyListener() {
    };
}
