package dev.mig.generative;

import java.util.List;
import java.util.Random;

/** SQL and YAML spelling of generated names and values; the test's own, so the oracle shares no code with mig. */
final class Gen {

    private Gen() {
    }

    /** An identifier in double quotes. */
    static String q(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A SQL string literal. */
    static String lit(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A YAML double-quoted scalar. */
    static String yaml(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String yamlList(List<String> names) {
        return "[" + String.join(", ", names.stream().map(Gen::yaml).toList()) + "]";
    }

    static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    static boolean chance(Random r, double p) {
        return r.nextDouble() < p;
    }
}
