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
 * The CLI uses mig-core only through the facade and the types its calls take and return: everything it
 * names of mig-core is on this list, so that reaching for an internal fails here first. The list is a
 * ratchet: it may shrink (issue 16 asks for one public package), never grow without a reason.
 */
class CliImportsTest {

    private static final Set<String> PUBLIC = Set.of(
            "dev.mig.Mig",
            "dev.mig.app.MigDatabase",
            "dev.mig.common.Json",
            "dev.mig.common.MigException",
            "dev.mig.copy.CopyListener",
            "dev.mig.copy.TableCopyResult",
            "dev.mig.plan.PlanText",
            "dev.mig.project.Phase",
            "dev.mig.project.Project",
            "dev.mig.run.ArchiveRun",
            "dev.mig.run.CutoverRun",
            "dev.mig.run.DrainRun",
            "dev.mig.run.InitRun",
            "dev.mig.run.MigrateRun",
            "dev.mig.run.PlanRun",
            "dev.mig.run.ResetRun",
            "dev.mig.run.StatusReport",
            "dev.mig.run.VerifyRun",
            "dev.mig.run.VerifyText",
            "dev.mig.verify.TableVerdict");

    private static final Pattern NAMED = Pattern.compile("\\bdev\\.mig\\.(?!cli\\b|bench\\b)[a-z.]*[A-Z]\\w*");

    @Test
    void theCliNamesOnlyThePublicTypesOfMigCore() {
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
        named.removeAll(PUBLIC);
        assertEquals(Set.of(), named, "mig-core types the CLI names beyond its public list");
    }
}
