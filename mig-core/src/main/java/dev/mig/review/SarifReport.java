package dev.mig.review;

import dev.mig.api.PlanReport;
import dev.mig.api.PlanReview;
import dev.mig.api.plan.Finding;
import dev.mig.api.plan.Level;
import dev.mig.api.plan.Rule;
import dev.mig.common.Json;
import dev.mig.common.Versions;
import dev.mig.schema.yaml.SchemaPositions.Position;
import dev.mig.schema.yaml.SchemaPositions;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code mig plan --format sarif}: SARIF 2.1.0, as GitHub code scanning and other viewers read it. Each
 * result points at the schema.yaml line of the table or column concerned (the file that changes in the
 * pull request); a data finding also names the database its rows were counted in. Paths are relative to
 * {@code base} (the repository root, where CI runs) under the {@code %SRCROOT%} base id, or absolute
 * {@code file:} URIs outside it. Rules a project set to another level are listed as configuration
 * overrides of the run.
 */
public final class SarifReport {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";

    private SarifReport() {
    }

    /**
     * @param base     the directory result paths are relative to (the repository root)
     * @param rulesUrl where specs/rules.md is published, for each rule's help link; null for none
     */
    public static String render(PlanReview review, Path base, String rulesUrl) {
        Path root = real(base);
        PlanReport report = review.report();
        SchemaPositions positions = SchemaPositions.read(report.schemaFile());
        List<Rule> rules = review.findings().stream().map(Finding::rule).distinct().toList();
        List<Object> results = new ArrayList<>();
        for (Finding f : review.findings()) {
            results.add(result(f, rules.indexOf(f.rule()), report, positions, root));
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver(rules, rulesUrl)));
        run.put("originalUriBaseIds", Map.of(SRCROOT, Map.of("uri", directoryUri(root))));
        run.put("invocations", List.of(invocation(review)));
        run.put("results", results);
        Map<String, Object> sarif = new LinkedHashMap<>();
        sarif.put("$schema", SCHEMA);
        sarif.put("version", "2.1.0");
        sarif.put("runs", List.of(run));
        return Json.write(sarif) + "\n";
    }

    /** {@code schema.yaml:12:5: message}, as the schema's reader says where a mistake is. */
    private static final java.util.regex.Pattern AT_LINE = java.util.regex.Pattern.compile(
            "^(.+?\\.ya?ml):(\\d+):(\\d+): (.*)$", java.util.regex.Pattern.DOTALL);

    /**
     * SARIF for a schema.yaml that cannot be read (bad YAML, an unknown key, an invalid declaration): one
     * {@code MIG200} result at the line and column the error names, so that code scanning shows a broken
     * schema on the pull request's line too. Empty when the message names no place in an existing file.
     */
    public static Optional<String> schemaError(String message, Path base, String rulesUrl) {
        java.util.regex.Matcher m = AT_LINE.matcher(message);
        if (!m.matches() || !java.nio.file.Files.isRegularFile(Path.of(m.group(1)))) {
            return Optional.empty();
        }
        Path root = real(base);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", Rule.SCHEMA_INVALID.code());
        result.put("ruleIndex", 0);
        result.put("level", "error");
        result.put("message", Map.of("text", m.group(4)));
        result.put("partialFingerprints", Map.of("migFinding/v1", Rule.SCHEMA_INVALID.code() + "|" + m.group(4)));
        result.put("locations", List.of(location(artifact(Path.of(m.group(1)), root), Optional.of(
                new Position(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))))));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver(List.of(Rule.SCHEMA_INVALID), rulesUrl)));
        run.put("originalUriBaseIds", Map.of(SRCROOT, Map.of("uri", directoryUri(root))));
        run.put("invocations", List.of(Map.of("executionSuccessful", false)));
        run.put("results", List.of(result));
        Map<String, Object> sarif = new LinkedHashMap<>();
        sarif.put("$schema", SCHEMA);
        sarif.put("version", "2.1.0");
        sarif.put("runs", List.of(run));
        return Optional.of(Json.write(sarif) + "\n");
    }

    private static Map<String, Object> driver(List<Rule> rules, String rulesUrl) {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "mig");
        driver.put("semanticVersion", Versions.mig());
        driver.put("rules", rules.stream().map(r -> descriptor(r, rulesUrl)).toList());
        return driver;
    }

    private static Map<String, Object> descriptor(Rule rule, String rulesUrl) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", rule.code());
        d.put("name", rule.camelName());
        d.put("shortDescription", Map.of("text", rule.title()));
        d.put("fullDescription", Map.of("text", RuleDocs.meaning(rule)));
        d.put("defaultConfiguration", Map.of("level", sarifLevel(rule.defaultLevel())));
        d.put("help", Map.of("text", RuleDocs.section(rule), "markdown", RuleDocs.section(rule)));
        if (rulesUrl != null && !rulesUrl.isBlank()) {
            d.put("helpUri", rulesUrl.replaceFirst("#.*$", "") + "#" + RuleDocs.anchor(rule));
        }
        d.put("properties", Map.of("category", rule.category(), "tags", List.of("mig", rule.category())));
        return d;
    }

    private static Map<String, Object> invocation(PlanReview review) {
        Map<String, Object> invocation = new LinkedHashMap<>();
        invocation.put("executionSuccessful", true);
        List<Object> overrides = new ArrayList<>();
        review.settings().levels().forEach((rule, level) -> {
            Map<String, Object> configuration = new LinkedHashMap<>();
            configuration.put("enabled", level != null);
            if (level != null) {
                configuration.put("level", sarifLevel(level));
            }
            overrides.add(Map.of("descriptor", Map.of("id", rule.code()), "configuration", configuration));
        });
        if (!overrides.isEmpty()) {
            invocation.put("ruleConfigurationOverrides", overrides);
        }
        return invocation;
    }

    private static Map<String, Object> result(Finding f, int ruleIndex, PlanReport report, SchemaPositions positions,
                                              Path root) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", f.code());
        result.put("ruleIndex", ruleIndex);
        result.put("level", sarifLevel(f.level()));
        result.put("message", Map.of("text", f.message()));
        // Code scanning tells alerts apart by rule and line; several findings of one rule can share a line
        // (undeclared tables fall back to 'tables:'), and lines move between pushes: the finding's identity.
        result.put("partialFingerprints", Map.of("migFinding/v1", String.join("|", f.code(), f.kind(),
                orEmpty(f.table()), orEmpty(f.column()), orEmpty(f.constraint()), orEmpty(f.object()))));
        result.put("locations", List.of(location(artifact(report.schemaFile(), root), region(f, positions))));
        if (f.counted() && report.source() != null) {
            Map<String, Object> database = location(artifact(report.source(), root), Optional.empty());
            database.put("id", 1);
            database.put("message", Map.of("text", "the live database, where the " + (f.rows() == 1 ? "row was"
                    : "rows were") + " counted"));
            result.put("relatedLocations", List.of(database));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        putIfPresent(properties, "table", f.table());
        putIfPresent(properties, "column", f.column());
        putIfPresent(properties, "constraint", f.constraint());
        putIfPresent(properties, "object", f.object());
        if (f.counted()) {
            properties.put("rows", f.rows());
        }
        if (f.configured()) {
            properties.put("defaultLevel", sarifLevel(f.rule().defaultLevel()));
        }
        result.put("properties", properties);
        return result;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A directory's file URI with the trailing slash SARIF requires of a base, whether or not it exists. */
    static String directoryUri(Path dir) {
        String uri = dir.toUri().toString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /**
     * Where in schema.yaml the finding belongs: the column, else the table, else the object; a directive
     * that names nothing at its entry; what concerns the whole database at the schema's name.
     */
    static Optional<Position> region(Finding f, SchemaPositions positions) {
        Optional<Position> tables = positions.topKey("tables");
        return switch (f.rule()) {
            case CUTOVER_STATEMENT -> positions.topKey("cutover").or(() -> tables);
            case TABLE_DROPPED -> positions.droppedTable(f.table()).or(() -> positions.topKey("dropTables"));
            case DROP_UNKNOWN -> (f.column() == null ? positions.droppedTable(f.table())
                    : positions.column(f.table(), f.column())).or(() -> positions.table(f.table()));
            default -> {
                if (f.object() != null) {
                    yield positions.object(f.object()).or(() -> tables);
                }
                if (f.table() == null) {
                    yield positions.topKey("name").or(() -> tables);
                }
                Optional<Position> column = f.column() == null ? Optional.empty()
                        : positions.column(f.table(), f.column());
                yield column.or(() -> positions.table(f.table()));
            }
        };
    }

    /** The path with symbolic links resolved where it exists (macOS's /tmp is /private/tmp), else as given. */
    static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (java.io.IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static Map<String, Object> artifact(Path file, Path root) {
        Path absolute = real(file);
        if (absolute.startsWith(root)) {
            String relative = root.relativize(absolute).toString().replace('\\', '/');
            try {
                return Map.of("uri", new URI(null, null, relative, null).toASCIIString(), "uriBaseId", SRCROOT);
            } catch (URISyntaxException e) {
                return Map.of("uri", absolute.toUri().toString());
            }
        }
        return Map.of("uri", absolute.toUri().toString());
    }

    private static Map<String, Object> location(Map<String, Object> artifact, Optional<Position> at) {
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", artifact);
        at.ifPresent(p -> physical.put("region", Map.of("startLine", p.line(), "startColumn", p.column())));
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("physicalLocation", physical);
        return location;
    }

    static String sarifLevel(Level level) {
        return switch (level) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTICE -> "note";
        };
    }
}
