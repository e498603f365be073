package dev.mig.schema;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?" for misspelt keys and names: the nearest candidate by edit distance, if close. */
final class YamlSuggest {
    private YamlSuggest() {
    }

    /** {@code " (did you mean 'x'?)"}, or an empty string when nothing is close enough. */
    static String didYouMean(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        // A suggestion further away than a third of the word is noise rather than help.
        int limit = Math.max(1, Math.min(3, word.length() / 3));
        return best != null && bestDistance <= limit ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
