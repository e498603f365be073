package dev.mig.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command that works on a project shares: -d/--dir, --source, --debug and its output streams. */
abstract class ProjectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Options.ProjectOptions project;

    @Mixin
    Options.DebugOption debug;

    @Mixin
    Options.BusyTimeoutOption busyTimeout;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
