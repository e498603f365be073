package dev.mig.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * Help text wrapped at spaces only. picocli wraps with Java's line BreakIterator, which also breaks after
 * '.', '-' and '/': "schema." then "yaml", "{@code <name>-}" then "{@code <hash>.sqlite}", names a user
 * copies. This renders the description, the option list and the footer (with each command's examples)
 * at 80 columns, words kept whole.
 */
final class HelpText {

    static final int WIDTH = 80;
    private static final int OPTION_COLUMN = 26;

    private HelpText() {
    }

    /** Renders the help of {@code cl} and of every subcommand with these sections. */
    static void install(CommandLine cl) {
        Map<String, CommandLine.IHelpSectionRenderer> sections = cl.getHelpSectionMap();
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION,
                help -> paragraphs(help.commandSpec().usageMessage().description(), ""));
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> options(help.commandSpec()));
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> commands(help.commandSpec()));
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER,
                help -> paragraphs(help.commandSpec().usageMessage().footer(), ""));
        cl.setHelpSectionMap(sections);
        cl.getSubcommands().values().forEach(HelpText::install);
    }

    /**
     * Each entry wrapped as a paragraph of its own ({@code %n}, picocli's line break, starts another); an
     * entry that starts with spaces keeps them as its indent.
     */
    static String paragraphs(String[] entries, String indent) {
        StringBuilder out = new StringBuilder();
        for (String entry : String.join("\n", entries).replace("%n", "\n").split("\n", -1)) {
            String own = entry.substring(0, entry.length() - entry.stripLeading().length());
            wrap(entry.strip(), indent + own, indent + own + (own.isEmpty() ? "" : "  "), WIDTH, out);
        }
        return out.toString();
    }

    /** One line or so per subcommand: the first sentence of its description. */
    private static String commands(CommandSpec spec) {
        StringBuilder out = new StringBuilder();
        spec.subcommands().forEach((name, sub) -> {
            CommandLine.Model.UsageMessageSpec usage = sub.getCommandSpec().usageMessage();
            String[] summary = usage.header().length > 0 ? usage.header() : usage.description();
            String text = summary.length == 0 ? "" : summary[0].replace("%n", " ").strip();
            int end = text.indexOf(". ");
            String first = end < 0 ? text : text.substring(0, end + 1);
            wrap(first, "  " + name + " ".repeat(Math.max(1, 14 - name.length())), " ".repeat(16), WIDTH, out);
        });
        return out.toString();
    }

    private static String options(CommandSpec spec) {
        List<OptionSpec> options = new ArrayList<>(spec.options().stream().filter(o -> !o.hidden()).toList());
        options.sort(Comparator.comparing(o -> o.shortestName().replaceFirst("^-+", "").toLowerCase()));
        StringBuilder out = new StringBuilder();
        for (OptionSpec o : options) {
            String label = label(o);
            String first = label.length() + 1 < OPTION_COLUMN ? label + " ".repeat(OPTION_COLUMN - label.length()) : null;
            if (first == null) {
                out.append(label).append('\n');
                first = " ".repeat(OPTION_COLUMN);
            }
            wrap(String.join(" ", o.renderedDescription()), first, " ".repeat(OPTION_COLUMN), WIDTH, out);
        }
        return out.toString();
    }

    /** "  -d, --dir=DIR" or "      --json", as picocli lays them out. */
    private static String label(OptionSpec o) {
        String[] names = o.names();
        String shortName = names.length > 1 || names[0].length() == 2 ? names[0] : null;
        String longName = names[names.length - 1].length() > 2 ? names[names.length - 1] : null;
        String param = o.arity().max() > 0 ? "=" + o.paramLabel() : "";
        StringBuilder s = new StringBuilder("  ");
        s.append(shortName == null ? "    " : shortName + (longName == null ? "" : ", "));
        if (longName != null) {
            s.append(longName);
        }
        return s.append(param).toString();
    }

    /** Greedy wrap at spaces: {@code first} starts the first line, {@code rest} the others. */
    static void wrap(String text, String first, String rest, int width, StringBuilder out) {
        if (text.isEmpty()) {
            out.append(first.stripTrailing()).append('\n');
            return;
        }
        if (first.length() + text.length() <= width) {
            out.append(first).append(text).append('\n'); // as written: an example's aligned comment stays aligned
            return;
        }
        StringBuilder line = new StringBuilder(first);
        int lineStart = line.length();
        // Two spaces in a row are layout ("0  success" in a list of exit codes): they stay, and never break.
        for (String word : text.split("(?<! ) (?! )")) {
            if (line.length() > lineStart && line.length() + 1 + word.length() > width) {
                out.append(line).append('\n');
                line = new StringBuilder(rest);
                lineStart = line.length();
            }
            if (line.length() > lineStart) {
                line.append(' ');
            }
            line.append(word);
        }
        out.append(line).append('\n');
    }
}
