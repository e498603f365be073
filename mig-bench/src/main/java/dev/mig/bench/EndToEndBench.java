package dev.mig.bench;

import dev.mig.api.MigException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole commands as an operator runs them: each a child JVM running mig's command line, timed from start
 * to exit, on copies of the bench database with ids preserved (like the raw ceiling). Measures
 * {@code migrate --offline}; then, on a hot migration, {@code plan}, {@code migrate}, {@code verify}
 * and {@code drain --cutover} with no writer; and for each the longest stretch in which it printed
 * nothing, as a log file gets its output (stderr is a pipe: plain lines).
 */
final class EndToEndBench {

    /**
     * The command line's entry point, on the classpath mig bench runs with (the mig jar, or the CLI's
     * classes under test): mig-bench does not depend on the CLI module, which depends on it.
     */
    static final String CLI_MAIN = "dev.mig.cli.Main";

    private EndToEndBench() {
    }

    /** One command's wall time and its longest silence (start to first line, line to line, last line to exit). */
    record Command(String name, long wallMs, long longestSilentMs) {
    }

    static BenchReport.EndToEnd measure(Workspace ws, Path old, long ceilingMs, long copyMs) {
        Workspace.Run offline = ws.run(old, false);
        Command off = run("migrate --offline", offline.dir(), "migrate", "--offline", "--source", offline.old().toString());
        Workspace.delete(offline.dir());
        Workspace.Run hot = ws.run(old, false);
        String source = hot.old().toString();
        List<Command> cmds = List.of(
                run("plan", hot.dir(), "plan", "--source", source),
                run("migrate", hot.dir(), "migrate", "--source", source),
                run("verify", hot.dir(), "verify"),
                run("drain --cutover", hot.dir(), "drain", "--cutover"));
        Workspace.delete(hot.dir());
        List<Command> all = new ArrayList<>(List.of(off));
        all.addAll(cmds);
        Command quietest = all.stream().max(java.util.Comparator.comparingLong(Command::longestSilentMs)).orElseThrow();
        long planMigrateDrain = cmds.get(0).wallMs() + cmds.get(1).wallMs() + cmds.get(3).wallMs();
        return new BenchReport.EndToEnd(ceilingMs, copyMs, off.wallMs(), cmds.get(0).wallMs(), cmds.get(1).wallMs(),
                cmds.get(2).wallMs(), cmds.get(3).wallMs(), planMigrateDrain,
                ratio(off.wallMs(), ceilingMs), ratio(cmds.get(0).wallMs(), copyMs), ratio(cmds.get(2).wallMs(), copyMs),
                ratio(planMigrateDrain, ceilingMs), quietest.longestSilentMs(), quietest.name(), all);
    }

    private static double ratio(long a, long b) {
        return a / (double) Math.max(1, b);
    }

    /** Runs {@code mig <args> -d dir} in a child JVM; fails unless it exits 0. */
    static Command run(String name, Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CLI_MAIN));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-d", dir.toString()));
        StringBuilder output = new StringBuilder();
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            long last = start;
            long longest = 0;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    long now = System.nanoTime();
                    longest = Math.max(longest, now - last);
                    last = now;
                    output.append(line).append('\n');
                }
            }
            int exit = p.waitFor();
            long end = System.nanoTime();
            longest = Math.max(longest, end - last);
            if (exit != 0) {
                throw MigException.runtime("mig " + String.join(" ", args) + " exited " + exit + " in the bench:\n"
                        + output, "Rerun with --keep and --work-dir to inspect its files.", null);
            }
            return new Command(name, (end - start) / 1_000_000, longest / 1_000_000);
        } catch (IOException e) {
            throw MigException.runtime("Cannot start a child JVM for mig " + name + ": " + e.getMessage(),
                    "Check that " + cmd.get(0) + " exists.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MigException.runtime("Interrupted while timing mig " + name + ".", "Run the bench again.", e);
        }
    }
}
