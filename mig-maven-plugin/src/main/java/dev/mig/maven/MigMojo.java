package dev.mig.maven;

import dev.mig.Mig;
import dev.mig.api.MigException;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: the project directory, the source database, the busy timeout and skip, each
 * from the POM's {@code <configuration>} or a {@code -Dmig.*} property, else from {@code MIG_DIR},
 * {@code MIG_SOURCE}, {@code MIG_BUSY_TIMEOUT}, as the CLI reads them, else mig's default.
 */
abstract class MigMojo extends AbstractMojo {

    /** The project directory: schema.yaml and the databases. Default: the Maven project's directory. */
    @Parameter(property = "mig.dir")
    File dir;

    /**
     * The live database, when mig cannot find it as {@code <name>-<hash>.sqlite} in the directory; a
     * relative path is the Maven project's.
     */
    @Parameter(property = "mig.source")
    File source;

    /** How long to wait for another connection's lock, in milliseconds. */
    @Parameter(property = "mig.busyTimeout")
    Long busyTimeout;

    /** Skip the goal. */
    @Parameter(property = "mig.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    /** The environment; a field so that nothing else in a goal reads {@code System.getenv}. */
    Map<String, String> env = System.getenv();

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("mig: skipped (mig.skip)");
            return;
        }
        try {
            Long wait = busyTimeout != null ? busyTimeout : longSetting("BUSY_TIMEOUT");
            if (wait != null) {
                Mig.busyTimeout(Duration.ofMillis(wait));
            }
            run(project());
        } catch (MigException e) {
            String message = "mig: " + e.getMessage() + (e.hint() == null ? "" : "\n  what to do: " + e.hint());
            if (e.kind() == MigException.Kind.RUNTIME || e.kind() == MigException.Kind.INTERNAL) {
                throw new MojoExecutionException(message, e);
            }
            throw new MojoFailureException(message, e);
        }
    }

    /** The goal itself, on the resolved project. */
    abstract void run(Project project) throws MojoFailureException;

    /** Relative paths, configured or from the environment, are the Maven project's, as Maven reads any file. */
    Project project() {
        Path base = basedir.toPath();
        Path directory = dir != null ? dir.toPath() : setting("DIR") != null ? base.resolve(setting("DIR")) : base;
        Path database = source != null ? source.toPath() : setting("SOURCE") != null ? base.resolve(setting("SOURCE"))
                : null;
        return Project.at(directory, database);
    }

    /** {@code MIG_<name>} from the environment, or null when unset or blank. */
    String setting(String name) {
        String value = env.get("MIG_" + name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    Long longSetting(String name) {
        String value = setting(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw MigException.input("MIG_" + name + "=" + value + " is not a number", "Set it to a whole number.");
        }
    }

    /** mig's progress as Maven log lines: steps and warnings, as the CLI prints them to a pipe. */
    Progress progress() {
        return Progress.lines(line -> getLog().info(line));
    }
}
