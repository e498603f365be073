package dev.mig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help: examples, 80 columns, and the names a user copies never split across lines. */
class HelpTextTest {

    private static String help(String... command) {
        StringWriter out = new StringWriter();
        CommandLine cl = MigCommand.commandLine(new PrintWriter(out), new PrintWriter(new StringWriter()), Map.of());
        String[] args = new String[command.length + 1];
        System.arraycopy(command, 0, args, 0, command.length);
        args[command.length] = "--help";
        assertEquals(0, cl.execute(args));
        return out.toString();
    }

    private static List<String> commands() {
        return MigCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Map.of()).getSubcommands().keySet().stream().filter(c -> !c.equals("help")).toList();
    }

    @Test
    void everyCommandsHelpEndsWithExamplesOfIt() {
        for (String command : commands()) {
            String text = help(command);
            int examples = text.indexOf("\nExamples:\n");
            assertTrue(examples > 0, command + " has no examples:\n" + text);
            assertTrue(text.substring(examples).contains("  mig " + command) || text.contains("$(mig " + command),
                    command + "'s examples do not run it:\n" + text);
        }
    }

    @Test
    void noHelpLineIsWiderThanEightyColumns() {
        for (String command : commands()) {
            help(command).lines().forEach(l -> assertTrue(l.length() <= 80, command + ": '" + l + "'"));
        }
        help().lines().forEach(l -> assertTrue(l.length() <= 80, "mig: '" + l + "'"));
    }

    @Test
    void namesAUserCopiesAreNeverSplitAcrossLines() {
        Pattern split = Pattern.compile("(schema\\.|<name>-|<hash>\\.|mig\\.|DIR/)\\n");
        for (String command : commands()) {
            String text = help(command);
            assertTrue(!split.matcher(text).find(), command + " splits a name:\n" + text);
        }
        assertTrue(help().contains("<name>-<hash>.sqlite"), help());
    }

    @Test
    void wrapBreaksAtSpacesOnly() {
        StringBuilder out = new StringBuilder();
        HelpText.wrap("create <name>-<hash>.sqlite from schema.yaml now", "", "", 22, out);

        assertEquals("create\n<name>-<hash>.sqlite\nfrom schema.yaml now\n", out.toString());
    }

    @Test
    void theExitCodesKeepTheirColumnWhetherOrNotTheirLineWraps() {
        String text = help();

        for (int code = 0; code <= 4; code++) {
            assertTrue(text.contains("\n  " + code + "  "), "exit code " + code + " out of line:\n" + text);
        }
    }
}
