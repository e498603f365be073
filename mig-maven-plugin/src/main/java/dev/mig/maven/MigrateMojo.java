package dev.mig.maven;

import dev.mig.Mig;
import dev.mig.api.MigrateOptions;
import dev.mig.api.MigrateResult;
import dev.mig.api.Project;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn mig:migrate}: creates the new database, installs capture on the old one and copies the rows
 * (or, with {@code offline}, copies without capture and marks the new database ready).
 */
@Mojo(name = "migrate", requiresProject = false)
public class MigrateMojo extends MigMojo {

    /**
     * Copy without capturing writes: only while nothing writes to the old database. Taken from the POM or
     * {@code -Dmig.offline} only, never from the environment (as the CLI's --offline).
     */
    @Parameter(property = "mig.offline", defaultValue = "false")
    boolean offline;

    /** Copy at most this many rows per second (0: as fast as the disk allows). */
    @Parameter(property = "mig.maxRowsPerSecond")
    Long maxRowsPerSecond;

    @Override
    String goal() {
        return "migrate";
    }

    @Override
    void run(Project project) {
        long rate = maxRowsPerSecond != null ? maxRowsPerSecond : orZero(longSetting("MAX_ROWS_PER_SECOND"));
        MigrateResult result = Mig.migrate(project, new MigrateOptions(offline, rate, MigrateOptions.CHUNK_MILLIS),
                progress());
        getLog().info("mig migrate: " + result.outcome().name().toLowerCase(java.util.Locale.ROOT) + ", "
                + result.target() + (result.resumed() ? " (resumed)" : ""));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
