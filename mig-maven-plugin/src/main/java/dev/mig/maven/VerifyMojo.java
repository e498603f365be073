package dev.mig.maven;

import dev.mig.Mig;
import dev.mig.api.Project;
import dev.mig.api.TableVerdict;
import dev.mig.api.VerifyResult;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code mvn mig:verify}: compares every table of both databases; fails the build when any differs. */
@Mojo(name = "verify", requiresProject = false)
public class VerifyMojo extends MigMojo {

    @Override
    String goal() {
        return "verify";
    }

    @Override
    void run(Project project) throws MojoFailureException {
        VerifyResult result = Mig.verify(project, progress());
        for (TableVerdict t : result.tables()) {
            String line = t.table() + ": " + t.oldRows() + " / " + t.newRows() + " rows, "
                    + (t.equal() ? "equal" : "DIFFERENT");
            if (t.equal()) {
                getLog().info(line);
            } else {
                getLog().error(line);
            }
        }
        if (!result.equal()) {
            throw new MojoFailureException("mig verify: the databases differ; run 'mig verify' for the sample rows, "
                    + "and do not cut over.");
        }
        getLog().info("mig verify: every table equal at log position " + result.logPosition());
    }
}
