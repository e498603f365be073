package dev.mig.maven;

import dev.mig.Mig;
import dev.mig.api.CutoverResult;
import dev.mig.api.Project;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code mvn mig:cutover}: verifies a drained migration and marks the new database ready. */
@Mojo(name = "cutover", requiresProject = false)
public class CutoverMojo extends MigMojo {

    @Override
    String goal() {
        return "cutover";
    }

    @Override
    void run(Project project) {
        CutoverResult result = Mig.cutover(project);
        getLog().info("mig cutover: " + result.target() + (result.alreadyReady() ? " was already ready" : " is ready"));
    }
}
