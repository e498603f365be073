package dev.mig.api;

/**
 * A failure that mig explains to its user: what is wrong, and what to do about it.
 *
 * <p>The CLI prints {@link #getMessage()} and {@link #hint()} and exits with {@link Kind#exitCode}; it
 * never prints a stack trace for these (unless {@code --debug}).
 */
public class MigException extends RuntimeException {

    /** Why the command stopped; each kind has one documented exit code. */
    public enum Kind {
        /** The command ran and the answer is "no": a blocked plan, a refused guard, a failed verify. */
        REFUSED(1),
        /** The user's input is wrong: flags, paths, schema.yaml, a file that is not a database. */
        INPUT(2),
        /** The environment failed the command: I/O, locks, a full disk, an SQLite error mid-operation. */
        RUNTIME(3),
        /** A bug in mig. */
        INTERNAL(4);

        public final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    private final Kind kind;
    private final String hint;

    public MigException(Kind kind, String message, String hint) {
        super(message);
        this.kind = kind;
        this.hint = hint;
    }

    public MigException(Kind kind, String message, String hint, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.hint = hint;
    }

    public static MigException input(String message, String hint) {
        return new MigException(Kind.INPUT, message, hint);
    }

    public static MigException refused(String message, String hint) {
        return new MigException(Kind.REFUSED, message, hint);
    }

    public static MigException runtime(String message, String hint, Throwable cause) {
        return new MigException(Kind.RUNTIME, message, hint, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** What the user should do next; may be null when the message says it all. */
    public String hint() {
        return hint;
    }
}
