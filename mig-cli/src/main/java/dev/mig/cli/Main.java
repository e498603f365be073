package dev.mig.cli;

import picocli.CommandLine;

/** Entry point of the {@code mig} executable. */
public final class Main {
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
