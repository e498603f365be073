package dev.mig.api.text;

import java.util.Locale;

/** The one way mig's messages and human output write counts, rates and durations. */
public final class Format {

    private Format() {
    }

    /** 1,234,567 */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "1 round", "3 rounds": a count and its noun. */
    public static String count(long n, String singular, String plural) {
        return count(n) + " " + (n == 1 ? singular : plural);
    }

    /** {@code 12 KB}, {@code 3.4 MB}, {@code 1.2 GB}: sizes of files and data, the one way mig writes them. */
    public static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return (bytes + 1023) / 1024 + " KB";
        }
        double mb = bytes / (1024.0 * 1024.0);
        return mb < 1024 ? String.format(Locale.ROOT, "%.1f MB", mb) : String.format(Locale.ROOT, "%.1f GB", mb / 1024);
    }

    /** 12,345/s */
    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f/s", perSecond);
    }

    /** 850 ms, 2.4 s, 3 min 05 s, 2 h 03 min */
    public static String duration(long millis) {
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long s = millis / 1000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }

    /** An estimate in seconds ("under 1 s" for less than half a second), or "?" when unknown. */
    public static String eta(Long seconds) {
        if (seconds == null) {
            return "?";
        }
        return seconds <= 0 ? "under 1 s" : duration(seconds * 1000).replace(".0 s", " s");
    }
}
