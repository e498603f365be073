package dev.mig.api;

import dev.mig.api.plan.Finding;
import dev.mig.api.plan.Level;
import dev.mig.api.plan.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A project's changes to the rules' default levels: {@code MIG305=notice, MIG254=off}, from
 * {@code --rules}, {@code MIG_RULES} or {@code rules=} in mig.properties. They change what plan reports
 * and how it exits, never what migrate does: a blocked plan stays blocked whatever its findings' levels.
 *
 * @param levels the level set per rule; a rule mapped to null is off
 */
public record RuleSettings(Map<Rule, Level> levels) {
    public static final RuleSettings DEFAULTS = new RuleSettings(Map.of());

    public RuleSettings {
        EnumMap<Rule, Level> copy = new EnumMap<>(Rule.class);
        copy.putAll(levels);
        levels = Collections.unmodifiableMap(copy);
    }

    /** Reads {@code CODE=LEVEL} pairs separated by commas or blanks; LEVEL is error, warning, notice or off. */
    public static RuleSettings parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULTS;
        }
        Map<Rule, Level> levels = new EnumMap<>(Rule.class);
        for (String pair : text.trim().replaceAll("\\s*=\\s*", "=").split("[,\\s]+")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw bad(pair, "is not CODE=LEVEL");
            }
            String code = pair.substring(0, eq);
            Rule rule = Rule.byCode(code).orElseThrow(() -> bad(pair, "names no rule"));
            String word = pair.substring(eq + 1).strip().toLowerCase(Locale.ROOT);
            Level level = switch (word) {
                case "off" -> null;
                case "error" -> Level.ERROR;
                case "warning" -> Level.WARNING;
                case "notice" -> Level.NOTICE;
                default -> throw bad(pair, "sets no level");
            };
            if (levels.containsKey(rule)) {
                throw bad(pair, "sets " + rule.code() + " a second time");
            }
            levels.put(rule, level);
        }
        return new RuleSettings(levels);
    }

    private static MigException bad(String pair, String problem) {
        return MigException.input("--rules: '" + pair + "' " + problem, "Write CODE=LEVEL pairs such as "
                + "'MIG305=notice, MIG254=off', LEVEL being error, warning, notice or off; specs/rules.md lists every "
                + "code (or run 'mig rules').");
    }

    /** The findings as this project reports them: levels changed, rules turned off left out. */
    public List<Finding> apply(List<Finding> findings) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (!levels.containsKey(f.rule())) {
                out.add(f);
            } else if (levels.get(f.rule()) != null) {
                out.add(f.withLevel(levels.get(f.rule())));
            }
        }
        out.sort(java.util.Comparator.comparing(Finding::level));
        return List.copyOf(out);
    }

    /** What the project changed, one line per rule: {@code MIG305 warning -> notice}, {@code MIG254 off}. */
    public List<String> describe() {
        return levels.entrySet().stream().map(e -> e.getKey().code() + " " + (e.getValue() == null ? "off"
                : e.getValue() == e.getKey().defaultLevel() ? e.getValue().word() + " (its default)"
                : e.getKey().defaultLevel().word() + " -> " + e.getValue().word())).toList();
    }
}
