package dev.mig.maven;

import dev.mig.Mig;
import dev.mig.api.Project;
import dev.mig.api.StatusReport;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code mvn mig:status}: where the migration stands (reads only). */
@Mojo(name = "status", requiresProject = false)
public class StatusMojo extends MigMojo {

    /** Log the whole status as JSON (specs/status.md) instead of the summary. */
    @Parameter(property = "mig.json", defaultValue = "false")
    boolean json;

    @Override
    String goal() {
        return "status";
    }

    @Override
    void run(Project project) {
        StatusReport status = Mig.status(project);
        if (json) {
            getLog().info(Mig.json(status));
            return;
        }
        getLog().info("mig status: phase " + status.phase().name().toLowerCase(java.util.Locale.ROOT));
        if (status.oldDatabase() != null) {
            getLog().info("  old database: " + status.oldDatabase().path() + " (marker "
                    + status.oldDatabase().marker() + ", " + status.oldDatabase().logEntries() + " log entries)");
        }
        if (status.newDatabase() != null) {
            getLog().info("  new database: " + status.newDatabase().path() + " (" + status.newDatabase().status() + ")");
        }
    }
}
