package dev.mig.maven;

import dev.mig.Mig;
import dev.mig.api.MigException;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: the project directory, the source database, the busy timeout and skip. Every
 * setting comes from the POM's {@code <configuration>}, else a {@code -Dmig.*} property (Maven's own
 * order), else the environment and the project's config file as the CLI reads them ({@code
 * MIG_<GOAL>_<NAME>}, {@code MIG_<NAME>}, then {@code <goal>.<name>} and {@code <name>} in {@code
 * DIR/mig.properties} or the file {@code MIG_CONFIG} names), else mig's default; so a project's
 * {@code rules=} applies to {@code mvn mig:plan} as to {@code mig plan}.
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

    private Properties configFile;
    private Path configFolder;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("mig: skipped (mig.skip)");
            return;
        }
        try {
            Project project = project();
            Long wait = busyTimeout != null ? busyTimeout : longSetting("BUSY_TIMEOUT");
            if (wait != null) {
                Mig.busyTimeout(Duration.ofMillis(wait));
            }
            run(project);
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

    /** The goal's name, as in {@code MIG_PLAN_RULES} and {@code plan.rules}. */
    abstract String goal();

    /**
     * Relative paths in the POM or the environment are the Maven project's, as Maven reads any file; in
     * the config file, the file's folder's, as the CLI reads them.
     */
    Project project() {
        Path base = basedir.toPath();
        String envDir = env("DIR");
        Path directory = dir != null ? dir.toPath() : envDir != null ? base.resolve(envDir) : base;
        loadConfig(directory);
        Path database;
        if (source != null) {
            database = source.toPath();
        } else if (env("SOURCE") != null) {
            database = base.resolve(env("SOURCE"));
        } else {
            String fromFile = file("SOURCE");
            database = fromFile == null ? null : configFolder.resolve(fromFile);
        }
        return Project.at(directory, database);
    }

    /** A setting from the environment, else from the config file; null when neither has it. */
    String setting(String name) {
        String value = env(name);
        return value != null ? value : file(name);
    }

    private String env(String name) {
        String value = nonBlank(env.get("MIG_" + goal().toUpperCase(Locale.ROOT) + "_" + name));
        return value != null ? value : nonBlank(env.get("MIG_" + name));
    }

    private String file(String name) {
        if (configFile == null) {
            return null;
        }
        String key = name.toLowerCase(Locale.ROOT).replace('_', '-');
        String value = nonBlank(configFile.getProperty(goal() + "." + key));
        return value != null ? value : nonBlank(configFile.getProperty(key));
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code MIG_CONFIG} (which must exist), else {@code DIR/mig.properties} when there is one. */
    private void loadConfig(Path directory) {
        String named = nonBlank(env.get("MIG_CONFIG"));
        Path file = named != null ? basedir.toPath().resolve(named) : directory.resolve("mig.properties");
        if (!Files.isRegularFile(file)) {
            if (named != null) {
                throw MigException.input("MIG_CONFIG names " + file + ", which is not a file",
                        "Point MIG_CONFIG at the project's mig.properties, or unset it.");
            }
            return;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw MigException.input("cannot read " + file + ": " + e.getMessage(),
                    "It is a Java properties file: name = value, one per line.");
        }
        configFile = properties;
        configFolder = file.toAbsolutePath().getParent();
    }

    Long longSetting(String name) {
        String value = setting(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw MigException.input(name.toLowerCase(Locale.ROOT).replace('_', '-') + " = " + value
                    + " is not a number", "Set it to a whole number (MIG_" + name + " or mig.properties).");
        }
    }

    /** mig's progress as Maven log lines: steps and warnings, as the CLI prints them to a pipe. */
    Progress progress() {
        return Progress.lines(line -> getLog().info(line));
    }
}
