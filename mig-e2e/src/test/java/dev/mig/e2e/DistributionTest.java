package dev.mig.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive as a user installs it: unpacked somewhere, bin/mig linked into a folder on
 * PATH, run from a directory that has nothing to do with mig. The launcher must find its jar through
 * the link, find Java, or say how to get one.
 */
class DistributionTest {

    private static final Path TARGET = Path.of("..", "mig-cli", "target").toAbsolutePath().normalize();

    @TempDir
    Path tmp;
    Path onPath;
    Path elsewhere;

    @BeforeEach
    void install() throws Exception {
        Path archive;
        try (Stream<Path> files = Files.list(TARGET)) {
            archive = files.filter(f -> f.getFileName().toString().matches("mig-.*\\.tar\\.gz"))
                    .max(java.util.Comparator.comparingLong(f -> f.toFile().lastModified())) // this build's, not a stale one
                    .orElseThrow(() -> new AssertionError("no mig-*.tar.gz in " + TARGET + ": mvn package builds it"));
        }
        Path opt = Files.createDirectory(tmp.resolve("opt"));
        assertEquals(0, run(List.of("tar", "xzf", archive.toString(), "-C", opt.toString()), opt, Map.of()).exit);
        Path home;
        try (Stream<Path> dirs = Files.list(opt)) {
            home = dirs.findFirst().orElseThrow();
        }
        onPath = Files.createDirectory(tmp.resolve("bin"));
        Files.createSymbolicLink(onPath.resolve("mig"), home.resolve("bin").resolve("mig"));
        elsewhere = Files.createDirectory(tmp.resolve("work"));
    }

    private record Result(int exit, String out) {
    }

    private static Result run(List<String> cmd, Path cwd, Map<String, String> env) throws Exception {
        Path output = Files.createTempFile("mig-dist", ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        assertTrue(ended, "timed out: " + cmd + "\n" + out);
        return new Result(p.exitValue(), out);
    }

    private Result mig(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(onPath.resolve("mig").toString()));
        cmd.addAll(List.of(args));
        return run(cmd, elsewhere, env);
    }

    @Test
    void theArchiveHoldsTheLauncherTheJarTheReadmeTheLicenseAndTheExamples() throws Exception {
        Path home = onPath.resolve("mig").toRealPath().getParent().getParent();
        for (String f : List.of("bin/mig", "lib/mig.jar", "README.md", "LICENSE", "examples/shop/schema.yaml")) {
            assertTrue(Files.isRegularFile(home.resolve(f)), f);
        }
        assertTrue(Files.isExecutable(home.resolve("bin/mig")));
    }

    @Test
    void theLauncherRunsThroughASymlinkFromAnyDirectory() throws Exception {
        Result r = mig(Map.of(), "--version");

        assertEquals(0, r.exit, r.out);
        assertTrue(r.out.contains("mig"), r.out);
    }

    @Test
    void theDemoRunsFromOutsideACheckout() throws Exception {
        Result r = mig(Map.of(), "demo", "-d", elsewhere.resolve("demo").toString());

        assertEquals(0, r.exit, r.out);
        assertTrue(r.out.contains("Result: OK"), r.out);
    }

    @Test
    void withoutJavaTheLauncherSaysHowToGetIt() throws Exception {
        Path tools = Files.createDirectory(tmp.resolve("tools")); // what the launcher uses, and no java
        for (String tool : List.of("dirname", "basename", "readlink", "sed", "head")) {
            Files.createSymbolicLink(tools.resolve(tool), Path.of("/usr/bin", tool));
        }
        Result r = run(List.of("/bin/bash", onPath.resolve("mig").toString(), "--version"), elsewhere,
                Map.of("PATH", tools.toString(), "JAVA_HOME", ""));

        assertEquals(4, r.exit, r.out);
        assertTrue(r.out.contains("mig needs Java 17 or newer") && r.out.contains("JAVA_HOME"), r.out);
    }

    @Test
    void aJavaHomeWithoutJavaIsNamedAsTheCause() throws Exception {
        Path notJava = Files.createDirectory(tmp.resolve("not-a-jdk"));

        Result r = run(List.of("/bin/bash", onPath.resolve("mig").toString(), "--version"), elsewhere,
                Map.of("JAVA_HOME", notJava.toString()));

        assertEquals(4, r.exit, r.out);
        assertTrue(r.out.contains("JAVA_HOME is set to " + notJava + ", but there is no " + notJava + "/bin/java"), r.out);
    }
}
