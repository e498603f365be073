package dev.mig.cli;

import dev.mig.Mig;
import dev.mig.api.DrainOptions;
import dev.mig.api.DrainResult;
import dev.mig.api.Project;
import dev.mig.api.text.Format;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mig drain}: replay the recorded writes; pause the old database's writes only for the tail. */
@Command(name = "drain", mixinStandardHelpOptions = true,
        description = {"Replay the writes recorded in the old database into the new one. Replays in rounds while the "
                + "application keeps writing, then rejects writes to the old database only for the short tail, and "
                + "checks the new database (integrity, foreign keys). Resumes where it stopped if killed.",
                "After it, writes to the old database stay rejected until 'mig cutover' (or use --cutover)."},
        footer = {"", "Exit codes: 0 drained, 1 refused (no migration; replay cannot catch up with the application's "
                + "writes, with both rates; the pause reached --max-pause, so writes were resumed; foreign-key "
                + "violations; a cutover guard, with --cutover; ...), 2 bad input, 3 runtime failure (rerun to "
                + "resume; also when the write pause did not hold).",
                "", "Examples:", "  mig drain --cutover  # replay, pause for the tail, verify, cut over", "  mig drain --hold --cutover &  # then, at the moment you choose: rm mig.hold", "  mig drain --max-pause 500"})
final class DrainCommand extends ProjectCommand {

    @Option(names = "--max-pause", paramLabel = "MS", defaultValue = "3000",
            description = "Longest write pause (default: ${DEFAULT-VALUE} ms, at least 10). Drain pauses only when the predicted "
                    + "tail fits; a pause that reaches it is ended (writes resume, exit 1) and the next drain continues.")
    long maxPauseMs;

    static final long MIN_PAUSE_MS = 10;

    @Option(names = "--cutover", description = "Cut over right after the drain, so writes resume on the new database "
            + "as soon as possible.")
    boolean cutover;

    @Option(names = "--no-verify", description = "Do not verify: a WAL source is verified before writes are paused, "
            + "a rollback-journal source inside the pause (when that fits --max-pause). With --cutover, it also cuts a "
            + "rollback-journal source over unverified.")
    boolean noVerify;

    @Option(names = "--hold", description = "Create DIR/mig.hold first: drain then keeps replaying, pausing nothing, "
            + "until the file is deleted (rm DIR/mig.hold), so an operator picks the moment of the pause and cutover. "
            + "Any drain holds while the file exists.")
    boolean hold;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;


    @Override
    public Integer call() {
        if (maxPauseMs < MIN_PAUSE_MS) {
            // Below this no pause can hold the flip, the tail's replay and the proof that writes are paused:
            // drain would pause the application again and again for nothing.
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-pause must be at least "
                    + MIN_PAUSE_MS + " ms (not " + maxPauseMs + "): a pause flips the marker, replays the tail and "
                    + "proves writes are rejected before it ends");
        }
        PrintWriter out = out();
        DrainResult r;
        try (ProgressPrinter progress = ProgressPrinter.forCommand(err(), output, json)) {
            r = Mig.drain(Project.at(project.dir, null), new DrainOptions(maxPauseMs, cutover, !noVerify, hold), progress);
        }
        if (json) {
            out.println(Mig.json(r));
            return 0;
        }
        if (r.alreadyDrained() && r.source() == null) {
            out.println("Already drained and cut over: " + r.target() + " is ready; nothing to do.");
            return 0;
        }
        if (r.alreadyDrained()) {
            out.println("Already drained (" + Format.count(r.entriesReplayed(), "entry", "entries")
                    + " replayed; writes were paused for " + r.writePauseMs() + " ms).");
        } else {
            out.println("Drained: " + Format.count(r.entriesReplayed(), "entry", "entries") + " replayed ("
                    + Format.rate(r.entriesPerSecond()) + " in catch-up, " + Format.count(r.catchUpRounds(), "round",
                    "rounds") + ").");
            out.println("Writes paused for " + Format.duration(r.writePauseMs()) + ".");
        }
        out.println(r.cutOver() ? "Cut over: " + r.target() + " is ready. Start the new application version; then "
                + "clean up the old database with: " + Mig.archiveOldCommand(project.dir, r.source())
                : "Writes to the old database are rejected until cutover. Next: 'mig cutover'.");
        return 0;
    }
}
