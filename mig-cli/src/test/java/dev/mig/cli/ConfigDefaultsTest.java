package dev.mig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Where an option's value comes from: flag, then environment, then the project's mig.properties, then mig. */
class ConfigDefaultsTest {

    @TempDir
    Path dir;
    final Map<String, String> env = new HashMap<>();
    final StringWriter err = new StringWriter();

    /** The drain command as mig would run it with {@code args}, parsed but not run. */
    private DrainCommand drain(String... args) {
        CommandLine cl = MigCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err), env);
        CommandLine.ParseResult parsed = parse(cl, args);
        return (DrainCommand) parsed.subcommand().commandSpec().userObject();
    }

    private static CommandLine.ParseResult parse(CommandLine cl, String... args) {
        // execute() reads the config file first; parseArgs alone is what it then does.
        ((ConfigDefaults) cl.getDefaultValueProvider()).load(java.util.List.of(args));
        return cl.parseArgs(args);
    }

    private void configFile(String text) throws Exception {
        Files.writeString(dir.resolve(ConfigDefaults.FILE), text);
    }

    @Test
    void withNothingSetMigsDefaultApplies() {
        assertEquals(3000, drain("drain", "-d", dir.toString()).maxPauseMs);
    }

    @Test
    void theProjectsConfigFileSetsAnOption() throws Exception {
        configFile("max-pause=4000\n");

        assertEquals(4000, drain("drain", "-d", dir.toString()).maxPauseMs);
    }

    @Test
    void aCommandsOwnKeyInTheFileWinsOverTheSharedOne() throws Exception {
        configFile("max-pause=4000\ndrain.max-pause=4500\n");

        assertEquals(4500, drain("drain", "-d", dir.toString()).maxPauseMs);
    }

    @Test
    void theEnvironmentWinsOverTheFile() throws Exception {
        configFile("drain.max-pause=4500\n");
        env.put("MIG_MAX_PAUSE", "5000");

        assertEquals(5000, drain("drain", "-d", dir.toString()).maxPauseMs);
    }

    @Test
    void aCommandsOwnVariableWinsOverTheSharedOne() {
        env.put("MIG_MAX_PAUSE", "5000");
        env.put("MIG_DRAIN_MAX_PAUSE", "5500");

        assertEquals(5500, drain("drain", "-d", dir.toString()).maxPauseMs);
    }

    @Test
    void theFlagWinsOverEverything() throws Exception {
        configFile("drain.max-pause=4500\n");
        env.put("MIG_DRAIN_MAX_PAUSE", "5500");

        assertEquals(6000, drain("drain", "-d", dir.toString(), "--max-pause", "6000").maxPauseMs);
    }

    @Test
    void migDirNamesTheProjectAndItsConfigFile() throws Exception {
        configFile("max-pause=4000\n");
        env.put("MIG_DIR", dir.toString());

        DrainCommand d = drain("drain");
        assertEquals(dir, d.project.dir);
        assertEquals(4000, d.maxPauseMs);
    }

    @Test
    void flagsThatDecideWhatHappensToDataAreNeverTakenFromTheEnvironmentOrTheFile() throws Exception {
        configFile("cutover=true\nno-verify=true\n");
        env.put("MIG_CUTOVER", "true");
        env.put("MIG_NO_VERIFY", "true");

        DrainCommand d = drain("drain", "-d", dir.toString());
        assertFalse(d.cutover);
        assertFalse(d.noVerify);
    }

    @Test
    void quietCanComeFromTheEnvironment() {
        env.put("MIG_QUIET", "true");

        assertTrue(drain("drain", "-d", dir.toString()).output.quiet);
    }

    @Test
    void aPathInTheFileIsRelativeToTheFileNotToWhereMigRuns() throws Exception {
        configFile("source=../data/app.sqlite\n");

        PlanCommand plan = (PlanCommand) parse(MigCommand.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(err), env), "plan", "-d", dir.toString()).subcommand().commandSpec().userObject();

        assertEquals(dir.resolve("../data/app.sqlite"), plan.source.path);
    }

    @Test
    void theDirectoryWrittenAsDashDPathFindsTheFileToo() throws Exception {
        configFile("max-pause=4000\n");

        assertEquals(4000, drain("drain", "-d" + dir).maxPauseMs);
    }

    @Test
    void jsonOnTheCommandLineWinsOverAFormatFromTheEnvironmentOrTheFile() throws Exception {
        Files.writeString(dir.resolve("schema.yaml"), "name: app\ntables:\n  t:\n    columns:\n      id: {type: INTEGER}\n");
        env.put("MIG_FORMAT", "sarif");
        StringWriter out = new StringWriter();

        int exit = MigCommand.commandLine(new PrintWriter(out), new PrintWriter(err), env)
                .execute("plan", "-d", dir.toString(), "--json", "-q");

        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().contains("\"formatVersion\""), out.toString());
        env.remove("MIG_FORMAT");
        configFile("format=markdown\n");
        StringWriter again = new StringWriter();
        MigCommand.commandLine(new PrintWriter(again), new PrintWriter(err), env)
                .execute("plan", "-d", dir.toString(), "--json", "-q");
        assertTrue(again.toString().contains("\"formatVersion\""), again.toString());
    }

    @Test
    void aFormatOnTheCommandLineWinsOverJsonFromTheEnvironment() throws Exception {
        Files.writeString(dir.resolve("schema.yaml"), "name: app\ntables:\n  t:\n    columns:\n      id: {type: INTEGER}\n");
        env.put("MIG_JSON", "true");
        StringWriter out = new StringWriter();

        MigCommand.commandLine(new PrintWriter(out), new PrintWriter(err), env)
                .execute("plan", "-d", dir.toString(), "--format", "markdown", "-q");

        assertTrue(out.toString().startsWith("<!-- mig-plan -->"), out.toString());
    }

    @Test
    void theDemoDoesNotTakeTheProjectDirectoryFromTheEnvironment() {
        env.put("MIG_DIR", dir.toString());
        CommandLine cl = MigCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err), env);

        DemoCommand demo = (DemoCommand) parse(cl, "demo").subcommand().commandSpec().userObject();

        assertEquals(null, demo.dir, "its own scratch directory, not the application's");
    }

    @Test
    void anEmptyMigConfigIsAsIfUnset() {
        env.put("MIG_CONFIG", "");

        assertEquals(3000, drain("drain", "-d", dir.toString()).maxPauseMs);
    }

    @Test
    void aMissingFileNamedByMigConfigIsBadInputAndNothingRuns() {
        env.put("MIG_CONFIG", dir.resolve("nope.properties").toString());
        CommandLine cl = MigCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true), env);

        int exit = cl.execute("drain", "-d", dir.toString());

        assertEquals(2, exit);
        assertTrue(err.toString().startsWith("mig: Cannot read the config file " + dir.resolve("nope.properties")),
                err.toString());
        assertTrue(err.toString().contains("unset MIG_CONFIG"), err.toString());
    }

    /** Runs mig with {@code args} and returns its exit code; stderr is in {@link #err}. */
    private int run(String... args) {
        return MigCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true), env)
                .execute(args);
    }

    @Test
    void anErrorAboutAnOptionSetInTheEnvironmentNamesTheVariable() {
        env.put("MIG_FAIL_ON", "bogus");

        assertEquals(2, run("plan", "-d", dir.toString()));

        assertTrue(err.toString().contains("--fail-on was set by MIG_FAIL_ON in the environment: change or unset it"),
                err.toString());
    }

    @Test
    void anErrorAboutAnOptionSetInTheConfigFileNamesTheFileAndKey() throws Exception {
        configFile("plan.fail-on=bogus\n");

        assertEquals(2, run("plan", "-d", dir.toString()));

        assertTrue(err.toString().contains("--fail-on was set by plan.fail-on= in " + dir.resolve(ConfigDefaults.FILE)),
                err.toString());
    }

    @Test
    void aValueThatIsNotANumberInTheEnvironmentNamesTheVariable() {
        env.put("MIG_BUSY_TIMEOUT", "abc");

        assertEquals(2, run("status", "-d", dir.toString()));

        assertTrue(err.toString().contains("--busy-timeout was set by MIG_BUSY_TIMEOUT in the environment"),
                err.toString());
    }

    @Test
    void anErrorAboutATypedOptionDoesNotBlameTheEnvironment() {
        env.put("MIG_FAIL_ON", "warning");

        assertEquals(2, run("plan", "-d", dir.toString(), "--fail-on", "bogus"));

        assertFalse(err.toString().contains("MIG_FAIL_ON"), err.toString());
    }

    @Test
    void aKeyNoCommandHasInTheFileIsNamedWithTheOptionItWasProbablyMeantToBe() throws Exception {
        configFile("busy-timout=100\nplan.fail-on=warning\n");

        run("status", "-d", dir.toString());

        assertTrue(err.toString().contains("WARNING: " + dir.resolve(ConfigDefaults.FILE) + ": 'busy-timout' is ignored: "
                + "no mig command has an option --busy-timout; did you mean busy-timeout?"), err.toString());
        assertFalse(err.toString().contains("fail-on"), "a key another command has is fine: " + err);
    }

    @Test
    void aFlagOnlyTakenFromTheCommandLineIsSaidToBeIgnoredInTheFile() throws Exception {
        configFile("migrate.offline=true\ndrain.max-paus=10\n");

        run("status", "-d", dir.toString());

        assertTrue(err.toString().contains("'migrate.offline' is ignored: --offline is only ever taken from the command "
                + "line."), err.toString());
        assertTrue(err.toString().contains("'drain.max-paus' is ignored: mig drain has no option --max-paus; did you "
                + "mean max-pause?"), err.toString());
    }

    @Test
    void aMissingFileNamedByMigConfigSaysItDoesNotExistOnce() {
        env.put("MIG_CONFIG", dir.resolve("nope.properties").toString());

        run("status", "-d", dir.toString());

        assertTrue(err.toString().contains("nope.properties: it does not exist"), err.toString());
    }

    @Test
    void aConfigFileThatIsADirectoryIsBadInputNotIgnored() throws Exception {
        Files.createDirectory(dir.resolve(ConfigDefaults.FILE));

        assertEquals(2, run("status", "-d", dir.toString()));

        assertTrue(err.toString().contains("is a directory"), err.toString());
    }

    @Test
    void aConfigFileThatIsNotUtf8SaysSo() throws Exception {
        Files.write(dir.resolve(ConfigDefaults.FILE), new byte[] {'q', 'u', 'i', 'e', 't', '=', (byte) 0xFF, '\n'});

        assertEquals(2, run("status", "-d", dir.toString()));

        assertTrue(err.toString().contains("it is not UTF-8 text"), err.toString());
    }

    @Test
    void aBadRuleFromTheEnvironmentNamesTheVariable() {
        env.put("MIG_RULES", "MIG101=nope");

        assertEquals(2, run("plan", "-d", dir.toString()));

        assertTrue(err.toString().contains("--rules was set by MIG_RULES in the environment"), err.toString());
    }

    @Test
    void aKeyForACommandThatTakesNothingFromTheFileIsSaidToBeIgnored() throws Exception {
        configFile("demo.seed=4\n");

        run("status", "-d", dir.toString());

        assertTrue(err.toString().contains("'demo.seed' is ignored: mig demo takes nothing from the config file."),
                err.toString());
    }
}
