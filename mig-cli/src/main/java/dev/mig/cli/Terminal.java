package dev.mig.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the stream mig draws progress on is: a terminal (lines redrawn in place, fitted to its width) or
 * anything else (a file, a pipe, CI: plain lines). Decided for stderr, the stream progress goes to:
 * {@code System.console()} answers for stdin and stdout, so {@code 2> err.log} would get escapes and
 * {@code > out.log} would lose the bar.
 */
record Terminal(boolean live, int width) {

    static final int DEFAULT_WIDTH = 80;
    static final Terminal PLAIN = new Terminal(false, DEFAULT_WIDTH);

    /** The terminal stderr is, or {@link #PLAIN}. */
    static Terminal ofStderr() {
        Map<String, String> env = System.getenv();
        if ("dumb".equals(env.get("TERM")) || !stderrIsTerminal()) {
            return PLAIN;
        }
        return new Terminal(true, width(env.get("COLUMNS")));
    }

    /**
     * Linux names a terminal descriptor's target /dev/pts/N or /dev/ttyN. Elsewhere, the console answers
     * for stdout, the best there is without native code.
     */
    private static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    /** COLUMNS when the shell exports it, else what {@code stty} says of the terminal, else 80. */
    private static int width(String columns) {
        try {
            if (columns != null) {
                return Math.max(20, Integer.parseInt(columns.trim()));
            }
        } catch (NumberFormatException e) {
            // fall through to stty
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(new java.io.File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(500, TimeUnit.MILLISECONDS) && p.exitValue() == 0) {
                String[] rowsCols = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim()
                        .split("\\s+");
                return Math.max(20, Integer.parseInt(rowsCols[1]));
            }
            p.destroy();
        } catch (IOException | RuntimeException e) {
            // no stty, no /dev/tty: the default
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DEFAULT_WIDTH;
    }

    /** {@code line} cut to fit one row: one column short of the width, so no terminal wraps it. */
    String fit(String line) {
        int max = width - 1;
        return line.length() <= max ? line : line.substring(0, Math.max(0, max - 1)) + "~";
    }
}
