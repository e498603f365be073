package dev.mig.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the stream mig draws on is: a terminal (lines redrawn in place, fitted to its size) or anything
 * else (a file, a pipe, CI: plain lines). Decided for the stream drawn on, stderr for progress and stdout
 * for {@code status --watch}: {@code System.console()} answers for stdin and stdout together, so
 * {@code 2> err.log} would get escapes and {@code > out.log} would lose the bar.
 */
record Terminal(boolean live, int width, int height) {

    static final int DEFAULT_WIDTH = 80;
    static final int DEFAULT_HEIGHT = 24;
    static final Terminal PLAIN = new Terminal(false, DEFAULT_WIDTH, DEFAULT_HEIGHT);

    Terminal(boolean live, int width) {
        this(live, width, DEFAULT_HEIGHT);
    }

    /** The terminal stderr is, or {@link #PLAIN}. */
    static Terminal ofStderr() {
        return of(2);
    }

    /** The terminal stdout is, or {@link #PLAIN}. */
    static Terminal ofStdout() {
        return of(1);
    }

    private static Terminal of(int fd) {
        Map<String, String> env = System.getenv();
        if ("dumb".equals(env.get("TERM")) || !isTerminal(fd)) {
            return PLAIN;
        }
        String columns = env.get("COLUMNS");
        String lines = env.get("LINES");
        int[] size = isNumber(columns) && isNumber(lines) ? new int[] {DEFAULT_HEIGHT, DEFAULT_WIDTH} : sttySize();
        return new Terminal(true, number(columns, size[1], 20), number(lines, size[0], 5));
    }

    /**
     * Linux names a terminal descriptor's target /dev/pts/N or /dev/ttyN. Elsewhere, the console answers
     * for stdout, the best there is without native code.
     */
    private static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            String target = Files.readSymbolicLink(link).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    /** The variable the shell exports (COLUMNS, LINES) when it is a number, else what the terminal says. */
    private static int number(String exported, int measured, int least) {
        return Math.max(least, isNumber(exported) ? Integer.parseInt(exported.trim()) : measured);
    }

    private static boolean isNumber(String s) {
        return s != null && s.trim().matches("\\d{1,6}");
    }

    /** Rows and columns as {@code stty size} says of the terminal, else 24 by 80. */
    private static int[] sttySize() {
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(new java.io.File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(500, TimeUnit.MILLISECONDS) && p.exitValue() == 0) {
                String[] rowsCols = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim()
                        .split("\\s+");
                return new int[] {Integer.parseInt(rowsCols[0]), Integer.parseInt(rowsCols[1])};
            }
            p.destroy();
        } catch (IOException | RuntimeException e) {
            // no stty, no /dev/tty: the default
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new int[] {DEFAULT_HEIGHT, DEFAULT_WIDTH};
    }

    /** {@code line} cut to fit one row: one column short of the width, so no terminal wraps it. */
    String fit(String line) {
        int max = width - 1;
        return line.length() <= max ? line : line.substring(0, Math.max(0, max - 1)) + "~";
    }
}
