package dev.mig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mig process's stderr holds mig's own lines only: the libraries it uses (jOOQ logs a banner, a tip and
 * its dialect's supported versions on first use) say nothing there. A child JVM, since that logging is
 * set up once per process.
 */
class QuietDependenciesTest {

    @TempDir
    Path dir;

    private String stderrOf(String... args) throws Exception {
        Path err = dir.resolve("err.txt");
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), () -> "stderr: " + read(err));
        return read(err);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aMigrationAndItsStatusPrintNothingOfJooqs() throws Exception {
        Files.writeString(dir.resolve("schema.yaml"), "name: q\ntables:\n  a:\n    columns:\n"
                + "      id: {type: INTEGER, primaryKey: true}\n");
        String d = dir.toString();
        String bootstrap = stderrOf("migrate", "-d", d);
        Files.writeString(dir.resolve("schema.yaml"), "name: q\ntables:\n  a:\n    columns:\n"
                + "      id: {type: INTEGER, primaryKey: true}\n      b: {type: TEXT}\n");
        String all = bootstrap + stderrOf("migrate", "-d", d) + stderrOf("status", "-d", d)
                + stderrOf("drain", "--cutover", "-d", d);
        assertFalse(all.contains("jooq") || all.contains("jOOQ") || all.contains("INFO"), all);
    }
}
