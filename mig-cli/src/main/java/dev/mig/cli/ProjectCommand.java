package dev.mig.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that works on a project shares: -d/--dir, --debug, --busy-timeout, --quiet and
 * --no-progress, and its output streams.
 */
abstract class ProjectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Options.ProjectOptions project;

    @Mixin
    Options.DebugOption debug;

    @Mixin
    Options.BusyTimeoutOption busyTimeout;

    /** --quiet and --no-progress: every command takes them, those that print no progress too. */
    @Mixin
    Options.OutputOptions output;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
