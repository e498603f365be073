package dev.mig.maven;

import dev.mig.Mig;
import dev.mig.api.DrainOptions;
import dev.mig.api.DrainResult;
import dev.mig.api.MigException;
import dev.mig.api.Project;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn mig:drain}: replays the recorded writes into the new database, pausing the old database's
 * writes for the final tail; with {@code cutover}, verifies and cuts over.
 */
@Mojo(name = "drain", requiresProject = false)
public class DrainMojo extends MigMojo {

    /** The longest write pause allowed, in milliseconds. */
    @Parameter(property = "mig.maxPause")
    Long maxPause;

    /** Cut over after draining (POM or {@code -Dmig.cutover} only, never the environment). */
    @Parameter(property = "mig.cutover", defaultValue = "false")
    boolean cutover;

    /** Hold before the pause while {@code DIR/mig.hold} exists. */
    @Parameter(property = "mig.hold", defaultValue = "false")
    boolean hold;

    @Override
    String goal() {
        return "drain";
    }

    @Override
    void run(Project project) {
        long pause = maxPause != null ? maxPause : longSetting("MAX_PAUSE") != null ? longSetting("MAX_PAUSE") : 3000;
        if (pause < 10) { // as the CLI: no shorter pause can hold the flip, the tail and the proof it holds
            throw MigException.input("maxPause must be at least 10 ms (not " + pause + ")",
                    "Set mig.maxPause (or MIG_MAX_PAUSE, or max-pause in mig.properties) to 10 or more; 3000 is the "
                            + "default.");
        }
        DrainResult result = Mig.drain(project, new DrainOptions(pause, cutover, true, hold), progress());
        getLog().info("mig drain: " + dev.mig.api.text.Format.count(result.entriesReplayed(), "entry", "entries")
                + " replayed, writes paused "
                + result.writePauseMs() + " ms" + (result.cutOver() ? "; cut over to " + result.target() : ""));
    }
}
