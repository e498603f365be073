package dev.mig.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mig-core's module-info, as an application on the module path meets it: the facade, the API types and
 * the application API are there, the internals are not, and what Jackson needs at run time is opened.
 */
class ModuleBoundaryTest {

    @TempDir
    Path dir;

    @Test
    void anApplicationModuleCanUseTheFacadeAndTheApi() throws Exception {
        Path out = compile("""
                package app;
                public class Main {
                    public static void main(String[] args) {
                        System.out.print(dev.mig.Mig.json(new dev.mig.api.Refusal("it is", "do this")));
                        dev.mig.api.Phase.DRAINED.require("mig cutover", dev.mig.api.Phase.DRAINED);
                    }
                }
                """, "");
        Process p = new ProcessBuilder(tool("java"), "--module-path", out + File.pathSeparator + modulePath(),
                "--module", "app/app.Main").redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), printed);
        assertEquals("{\"formatVersion\":1,\"message\":\"it is\",\"hint\":\"do this\"}", printed.replaceAll("\\s*([{}:,])\\s*", "$1").strip(),
                "Jackson reads the API's records through the module's opens");
    }

    @Test
    void anApplicationModuleCannotReachTheInternals() throws Exception {
        String errors = compileErrors("""
                package app;
                public class Main {
                    Object runner = dev.mig.run.MigrateRun.class;
                }
                """);
        assertTrue(errors.contains("package dev.mig.run is not visible"), errors);
    }

    private Path compile(String main, String expectErrors) throws IOException, InterruptedException {
        String errors = compileErrors(main);
        assertEquals(expectErrors, errors);
        return dir.resolve("out");
    }

    /** What the JDK's javac says compiling module {@code app} with {@code main}: empty when it compiles. */
    private String compileErrors(String main) throws IOException, InterruptedException {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("app"));
        Files.writeString(src.resolve("module-info.java"), "module app { requires dev.mig.core; }");
        Files.writeString(src.resolve("app").resolve("Main.java"), main);
        Process javac = new ProcessBuilder(tool("javac"), "--module-path", modulePath(), "-d",
                dir.resolve("out").toString(), src.resolve("module-info.java").toString(),
                src.resolve("app").resolve("Main.java").toString()).redirectErrorStream(true).start();
        String errors = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        javac.waitFor();
        return errors;
    }

    /** mig-core's classes (with module-info) and the modules it requires, from this test's class path. */
    private static String modulePath() {
        List<String> entries = new ArrayList<>(List.of(Path.of("target", "classes").toAbsolutePath().toString()));
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.matches(".*(sqlite-jdbc|snakeyaml|jackson-(databind|core|annotations))-[^/]*\\.jar"))
                .forEach(entries::add);
        return entries.stream().collect(Collectors.joining(File.pathSeparator));
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }
}
