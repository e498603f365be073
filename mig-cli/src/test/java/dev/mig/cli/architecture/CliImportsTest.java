package dev.mig.cli.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CLI uses mig-core only through its public API: the facade {@code dev.mig.Mig}, the types its calls
 * take and return ({@code dev.mig.api}, the plan in {@code dev.mig.api.plan}) and the application API
 * ({@code dev.mig.app}). Everything else of mig-core is internal, and reaching for it fails here.
 */
class CliImportsTest {

    private static final Pattern NAMED = Pattern.compile("\\bdev\\.mig\\.(?!cli\\b|bench\\b)[a-z.]*[A-Z]\\w*");
    private static final Pattern PUBLIC = Pattern.compile("dev\\.mig\\.(Mig|api\\.[A-Z]\\w*|api\\.plan\\.[A-Z]\\w*|api\\.text\\.[A-Z]\\w*|app\\.[A-Z]\\w*)");

    @Test
    void theCliNamesOnlyThePublicApiOfMigCore() {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = NAMED.matcher(Files.readString(f));
                while (m.find()) {
                    named.add(m.group());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        named.removeIf(n -> PUBLIC.matcher(n).matches());
        assertEquals(Set.of(), named, "internal mig-core types the CLI names");
    }
}
