package dev.mig.review;

import dev.mig.api.plan.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * specs/rules.md, which the build copies into the jar: one section per rule, headed
 * {@code ## MIG101 <title>}. The same text is the SARIF rules' help and {@code mig rules CODE}, so the
 * documentation and what tools show cannot drift apart.
 */
public final class RuleDocs {
    static final String RESOURCE = "/dev/mig/review/rules.md";
    private static final Map<Rule, String> SECTIONS = load();

    private RuleDocs() {
    }

    /** The rule's whole section, Markdown, heading included; a line naming the rule when the section is missing. */
    public static String section(Rule rule) {
        return SECTIONS.getOrDefault(rule, "## " + heading(rule) + "\n");
    }

    /** The section's first paragraph after the level line: what the rule means, in plain text. */
    public static String meaning(Rule rule) {
        String[] paragraphs = section(rule).split("\n\\s*\n");
        for (int i = 1; i < paragraphs.length; i++) {
            if (!paragraphs[i].startsWith("Level:")) {
                return paragraphs[i].replace('\n', ' ').strip();
            }
        }
        return rule.title();
    }

    /** {@code MIG101 NULL values in a column that becomes NOT NULL}: how each section is headed. */
    public static String heading(Rule rule) {
        return rule.code() + " " + rule.title();
    }

    /** {@code mig101}: the section's anchor as GitHub and most Markdown renderers make it from the heading. */
    public static String anchor(Rule rule) {
        return heading(rule).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    private static Map<Rule, String> load() {
        Map<Rule, String> sections = new EnumMap<>(Rule.class);
        try (InputStream in = RuleDocs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return sections;
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String part : text.split("(?m)^(?=## )")) {
                if (part.startsWith("## MIG")) {
                    Rule.byCode(part.substring(3, 9)).ifPresent(r -> sections.put(r, part.strip() + "\n"));
                }
            }
            return sections;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
