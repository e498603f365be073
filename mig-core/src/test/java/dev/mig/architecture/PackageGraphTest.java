package dev.mig.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * specs/architecture.md's table of packages is the rule, and this test holds the code to it: every
 * package of mig-core is in the table and has a package-info, uses only the packages its row allows
 * (imports and fully qualified names alike), and the graph has no cycle.
 */
class PackageGraphTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "mig");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z.]+)` \\|.*\\| ([^|]+) \\|$");
    private static final Pattern USE = Pattern.compile("\\bdev\\.mig\\.([a-z]+(?:\\.[a-z]+)*)\\.[A-Z]");

    @Test
    void everyPackageIsDocumentedInTheArchitectureSpecAndHasAPackageInfo() {
        Map<String, Set<String>> allowed = allowedImports();
        for (String p : actualImports().keySet()) {
            assertTrue(allowed.containsKey(p), "specs/architecture.md has no row for package " + p);
            assertTrue(Files.exists(SOURCES.resolve(p.replace('.', '/')).resolve("package-info.java")),
                    p + " has no package-info.java");
        }
        assertEquals(actualImports().keySet(), allowed.keySet(), "rows of specs/architecture.md without a package");
    }

    @Test
    void eachPackageUsesOnlyThePackagesItsRowAllows() {
        Map<String, Set<String>> allowed = allowedImports();
        List<String> violations = new ArrayList<>();
        actualImports().forEach((p, uses) -> uses.stream()
                .filter(u -> !allowed.getOrDefault(p, Set.of()).contains(u))
                .forEach(u -> violations.add(p + " -> " + u)));
        assertEquals(List.of(), violations, "uses specs/architecture.md does not allow");
    }

    @Test
    void thePackageGraphHasNoCycle() {
        Map<String, Set<String>> graph = actualImports();
        for (String start : graph.keySet()) {
            List<String> cycle = cycleFrom(start, start, graph, new ArrayList<>(List.of(start)), new TreeSet<>());
            assertEquals(List.of(), cycle, "a cycle through " + start);
        }
    }

    private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> graph, List<String> path,
                                          Set<String> seen) {
        for (String next : graph.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = cycleFrom(start, next, graph, path, seen);
                if (!found.isEmpty()) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return List.of();
    }

    /** Package (its name under dev.mig: {@code schema.yaml}) -> the other dev.mig packages its main code names. */
    private static Map<String, Set<String>> actualImports() {
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> dirs = Files.walk(SOURCES)) {
            for (Path dir : dirs.filter(d -> Files.isDirectory(d) && !d.equals(SOURCES)).toList()) {
                String p = SOURCES.relativize(dir).toString().replace(java.io.File.separatorChar, '.');
                Set<String> uses = new TreeSet<>();
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        Matcher m = USE.matcher(Files.readString(f));
                        while (m.find()) {
                            uses.add(m.group(1));
                        }
                    }
                }
                uses.remove(p);
                out.put(p, uses);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The "may import" column of specs/architecture.md's table; "all of the above" is every row before. */
    private static Map<String, Set<String>> allowedImports() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("..", "specs", "architecture.md"))) {
                Matcher m = ROW.matcher(line.strip());
                if (!m.matches()) {
                    continue;
                }
                String may = m.group(2).strip();
                Set<String> set = new TreeSet<>();
                if (may.startsWith("all of the above")) {
                    out.values().forEach(set::addAll);
                    set.addAll(out.keySet());
                } else if (!may.equals("nothing of mig")) {
                    for (String p : may.split(",")) {
                        set.add(p.strip());
                    }
                }
                out.put(m.group(1), set);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
