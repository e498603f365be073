package dev.mig.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Entry point of the {@code mig} executable. */
public final class Main {

    /**
     * mig-core queries its bookkeeping through jOOQ, which on first use logs a banner, a tip and the SQLite
     * versions its dialect supports; with no logging library on the class path that goes to stderr, which
     * belongs to mig's own messages. Held here: java.util.logging keeps loggers only weakly.
     */
    private static final Logger JOOQ = Logger.getLogger("org.jooq");

    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        JOOQ.setLevel(Level.WARNING);
    }

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs mig with {@code args} and returns the exit code; tests call this in-process. */
    public static int run(String... args) {
        return MigCommand.commandLine().execute(args);
    }
}
