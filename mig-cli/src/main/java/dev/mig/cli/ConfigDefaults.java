package dev.mig.cli;

import dev.mig.api.MigException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * Options from the environment and the project's config file, below the command line: a flag wins over
 * {@code MIG_<COMMAND>_<OPTION>} and {@code MIG_<OPTION>} ({@code MIG_DRAIN_MAX_PAUSE}, {@code MIG_DIR}),
 * which win over {@code <command>.<option>} and {@code <option>} in the config file ({@code
 * drain.max-pause=5000}), which wins over mig's default.
 *
 * <p>The config file is {@code $MIG_CONFIG} when set (it must exist), else {@code DIR/mig.properties}
 * when there is one, DIR being the project directory of the command line or the environment; a relative
 * path in it is relative to it. Flags that decide what a command does to data are never taken from
 * either: {@link #TYPED_ONLY}. A flag set true in either cannot be turned off on the command line
 * (picocli flags only turn on): unset it there.
 */
final class ConfigDefaults implements IDefaultValueProvider {

    static final String FILE = "mig.properties";

    /**
     * A stray MIG_OFFLINE=true, or a forgotten line in a file, must not make every migrate skip capture or
     * every cutover skip verification: these are typed on the command line each time.
     */
    static final Set<String> TYPED_ONLY = Set.of("offline", "no-verify", "force", "cutover", "merge", "move", "help",
            "version");

    /**
     * Commands that do not work on the project: an exported MIG_DIR must not make demo build its scratch
     * project in the application's directory, or bench put its scratch files there.
     */
    static final Set<String> OWN_DEFAULTS = Set.of("demo", "bench", "help", "rules");

    private final Map<String, String> env;
    private Properties file = new Properties();
    private Path fileRead;
    /** What this provider gave the last parse, by option: so that an error can say where a value came from. */
    private final Map<OptionSpec, String> supplied = new HashMap<>();

    ConfigDefaults(Map<String, String> env) {
        this.env = env;
    }

    /** Reads the config file the arguments and environment point at; a bad one is bad input. */
    void load(List<String> args) {
        file = new Properties();
        fileRead = null;
        supplied.clear();
        String named = env.get("MIG_CONFIG");
        if (named != null && named.isBlank()) {
            named = null; // MIG_CONFIG= exported empty: as if unset
        }
        Path path = named != null ? Path.of(named) : projectDir(args).resolve(FILE);
        if (named == null && !Files.exists(path) && !Files.isSymbolicLink(path)) {
            return;
        }
        if (Files.isDirectory(path)) {
            throw MigException.input("The config file " + path + " is a directory.",
                    "Move it away, or write mig's settings into a file by that name (key=value lines).");
        }
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            file.load(r);
            fileRead = path;
        } catch (IOException | IllegalArgumentException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "it does not exist"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.charset.CharacterCodingException ? "it is not UTF-8 text" : e.getMessage();
            throw MigException.input("Cannot read the config file " + path + ": " + why,
                    named != null ? "MIG_CONFIG names it: fix the path or unset MIG_CONFIG."
                            : "Fix it (Java properties: key=value lines, such as drain.max-pause=5000) or move it away.");
        }
    }

    /**
     * What in the config file read is not used, one sentence each: keys no command has (a typo such as
     * {@code busy-timout} would otherwise be ignored without a word), an option of another command, and
     * those only ever taken from the command line.
     */
    List<String> unusedKeys(CommandLine top) {
        Map<String, Set<String>> optionsByCommand = new HashMap<>();
        Set<String> allOptions = new java.util.TreeSet<>();
        top.getSubcommands().forEach((name, sub) -> {
            Set<String> keys = new HashSet<>();
            sub.getCommandSpec().options().forEach(o -> keys.add(o.longestName().replaceFirst("^-+", "")));
            optionsByCommand.put(name, keys);
            allOptions.addAll(keys);
        });
        List<String> out = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(file.stringPropertyNames())) {
            int dot = key.indexOf('.');
            String command = dot > 0 ? key.substring(0, dot) : null;
            String option = dot > 0 ? key.substring(dot + 1) : key;
            Set<String> known = command == null ? allOptions : optionsByCommand.get(command);
            if (command != null && OWN_DEFAULTS.contains(command)) {
                out.add("'" + key + "' is ignored: mig " + command + " takes nothing from the config file.");
            } else if (TYPED_ONLY.contains(option)) {
                out.add("'" + key + "' is ignored: --" + option + " is only ever taken from the command line.");
            } else if (option.equals("dir")) {
                out.add("'" + key + "' is ignored: the file is found in the project directory, so it cannot name "
                        + "another (use -d or MIG_DIR).");
            } else if (command != null && known == null) {
                out.add("'" + key + "' is ignored: mig has no command '" + command + "'.");
            } else if (!known.contains(option)) {
                String near = nearest(option, known);
                out.add("'" + key + "' is ignored: " + (command == null ? "no mig command has an option" : "mig "
                        + command + " has no option") + " --" + option + (near == null ? "." : "; did you mean " + near
                        + "?"));
            }
        }
        return out;
    }

    /** The known option closest to {@code option}, if one is at most two letters away. */
    private static String nearest(String option, Set<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : new java.util.TreeSet<>(known)) {
            int d = editDistance(k, option);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + change);
            }
            prev = cur;
        }
        return prev[b.length()];
    }

    /** The config file read by the last {@link #load}, or null. */
    Path fileRead() {
        return fileRead;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.command() == null) {
            return null;
        }
        String key = option.longestName().replaceFirst("^-+", "");
        String command = option.command().name();
        if (TYPED_ONLY.contains(key) || OWN_DEFAULTS.contains(command)) {
            return null;
        }
        for (String name : List.of(envName(command + "_" + key), envName(key))) {
            String v = env.get(name);
            if (v != null && !v.isEmpty()) {
                supplied.put(option, name + " in the environment");
                return v;
            }
        }
        if (key.equals("dir")) {
            return null; // the file is found in the directory: it cannot name another
        }
        String fileKey = file.getProperty(command + "." + key) != null ? command + "." + key : key;
        String v = file.getProperty(fileKey);
        if (v == null) {
            return null;
        }
        supplied.put(option, fileKey + "= in " + fileRead);
        v = v.trim();
        // A path in the file is relative to the file, wherever mig runs from.
        Path folder = fileRead.getParent();
        if (folder == null) {
            return v;
        }
        if (PATH_KEYS.contains(key)) {
            return folder.resolve(v).toString();
        }
        int eq = v.indexOf('=');
        return REPORT_KEYS.contains(key) && eq > 0 ? v.substring(0, eq + 1) + folder.resolve(v.substring(eq + 1)) : v;
    }

    /**
     * Where the options named in {@code message} got their values, for those this provider gave and
     * {@code args} did not type: "--fail-on was set by MIG_FAIL_ON in the environment". An error about a
     * flag the user never typed is a riddle without it. Null when every option named was typed.
     */
    String whereFrom(String message, List<String> args) {
        List<String> notes = new ArrayList<>();
        supplied.forEach((option, source) -> {
            String name = option.longestName();
            if (names(message, name) && !typed(option, args)) {
                notes.add(name + " was set by " + source + ": change or unset it there.");
            }
        });
        notes.sort(null);
        return notes.isEmpty() ? null : String.join(" ", notes);
    }

    /** Whether {@code message} names {@code option} as a whole word: --max-pause is not --max-pause-ms. */
    private static boolean names(String message, String option) {
        for (int at = message.indexOf(option); at >= 0; at = message.indexOf(option, at + 1)) {
            int end = at + option.length();
            if (end == message.length() || !(Character.isLetterOrDigit(message.charAt(end)) || message.charAt(end) == '-')) {
                return true;
            }
        }
        return false;
    }

    private static boolean typed(OptionSpec option, List<String> args) {
        for (String a : args) {
            for (String n : option.names()) {
                if (a.equals(n) || a.startsWith(n + "=") || (!n.startsWith("--") && a.startsWith(n) && a.length() > n.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Options whose value is a path: read from the file, they are resolved against its directory. */
    private static final Set<String> PATH_KEYS = Set.of("source", "from", "work-dir");
    /** Options whose value is FORMAT=PATH (plan's --out): the path part is resolved the same way. */
    private static final Set<String> REPORT_KEYS = Set.of("out");

    /** max-pause of drain: MIG_MAX_PAUSE, MIG_DRAIN_MAX_PAUSE. */
    static String envName(String key) {
        return "MIG_" + key.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** -d/--dir from the arguments, else MIG_DIR, else the working directory. */
    private Path projectDir(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-d") || a.equals("--dir")) && i + 1 < args.size()) {
                return Path.of(args.get(i + 1));
            }
            if (a.startsWith("--dir=") || a.startsWith("-d=")) {
                return Path.of(a.substring(a.indexOf('=') + 1));
            }
            if (a.startsWith("-d") && a.length() > 2 && !a.startsWith("--")) {
                return Path.of(a.substring(2)); // -dPATH
            }
        }
        String dir = env.get("MIG_DIR");
        return Path.of(dir != null && !dir.isBlank() ? dir : ".");
    }
}
