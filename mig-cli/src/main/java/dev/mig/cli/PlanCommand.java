package dev.mig.cli;

import dev.mig.Mig;
import dev.mig.api.FailOn;
import dev.mig.api.MigException;
import dev.mig.api.PlanReport;
import dev.mig.api.PlanReview;
import dev.mig.api.Project;
import dev.mig.api.Refusal;
import dev.mig.api.RuleSettings;
import dev.mig.api.plan.PlanText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mig plan}: a dry run that says what migrating would do, and whether it can. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Diff schema.yaml against the live database and say, per table and column, where every "
                + "new value comes from, what is at risk (counted in the real data) and whether migrating can go "
                + "ahead. Every finding has a stable rule code (specs/rules.md, 'mig rules'). Reads only: changes "
                + "nothing (except, as any SQLite reader, rolling back a hot journal that a crashed writer left, and "
                + "the report files --out names)."},
        footer = {"", "Exit codes: 0 no finding at the --fail-on level or above (by default: migrating can go ahead, "
                + "or there is nothing to migrate), 1 a finding at that level (by default: the plan is blocked or "
                + "migrate would refuse), 2 bad input, 3 runtime failure.",
                "", "Examples:", "  mig plan  # schema.yaml and the database in this directory",
                "  mig plan -d /srv/app --source /srv/app/app.sqlite", "  mig plan --json | jq .canMigrate",
                "  mig plan --format markdown > comment.md",
                "  mig plan --out sarif=mig.sarif --out markdown=comment.md --fail-on warning",
                "  mig plan --rules 'MIG305=notice, MIG254=off'"})
final class PlanCommand extends ProjectCommand {

    enum Format { TEXT, JSON, MARKDOWN, SARIF }

    @Mixin
    Options.SourceOption source;

    @Option(names = "--json", description = "Print the plan as JSON: the same as --format json (an explicit "
            + "--format wins).")
    boolean json;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (the default), json, markdown (a "
            + "pull-request comment) or sarif (SARIF 2.1.0, results at schema.yaml's lines).")
    String format;

    @Option(names = "--out", paramLabel = "FORMAT=FILE", description = "Also write the report in FORMAT (text, json, "
            + "markdown or sarif) to FILE; repeatable. Written after planning, whatever the verdict; never over a "
            + "database, schema.yaml or mig.properties.")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error", description = "Exit 1 when a finding "
            + "is at LEVEL or above: error (the default), warning, notice, or never.")
    String failOn;

    @Option(names = "--rules", paramLabel = "CODE=LEVEL,...", description = "Change rules' levels for this project: "
            + "'MIG305=notice, MIG254=off' (LEVEL error, warning, notice or off). Changes what plan reports and its "
            + "exit code, never what migrate does. Usually set in mig.properties (rules=...).")
    String rules;

    @Option(names = "--sarif-base", paramLabel = "DIR", description = "SARIF paths are relative to DIR (the "
            + "repository root); default: the current directory.")
    Path sarifBase;

    @Option(names = "--rules-url", paramLabel = "URL", description = "Where specs/rules.md is published: each SARIF "
            + "rule and each code in the Markdown comment links to its section there.")
    String rulesUrl;

    @Override
    public Integer call() {
        Format primary = primaryFormat();
        FailOn threshold = FailOn.parse(failOn);
        RuleSettings settings = RuleSettings.parse(rules);
        Path base = sarifBase();
        String helpUrl = rulesUrl();
        Map<Path, Format> files = outputFiles();
        PlanReport report;
        try (ProgressPrinter progress = ProgressPrinter.forCommand(err(), output, primary != Format.TEXT)) {
            report = Mig.plan(Project.at(project.dir, source.path), progress);
        } catch (MigException e) {
            sarifForSchemaError(e, primary, files, base, helpUrl);
            throw e;
        }
        PlanReview review = Mig.review(report, settings, threshold);
        refuseDatabaseNames(files, report);
        for (Map.Entry<Path, Format> file : files.entrySet()) {
            write(file.getKey(), render(review, file.getValue(), base, helpUrl));
        }
        var out = out();
        out.print(render(review, primary, base, helpUrl));
        out.flush();
        return review.exitCode();
    }

    /**
     * A --format on the command line wins; then --json, from the command line or elsewhere; then a format
     * from the environment or mig.properties; then text. (--json yields to an explicit --format only.)
     */
    private Format primaryFormat() {
        boolean typed = spec.commandLine().getParseResult().hasMatchedOption("--format");
        if (format != null && (typed || !json)) {
            return parseFormat(format, "--format");
        }
        return json ? Format.JSON : Format.TEXT;
    }

    /**
     * A schema.yaml that cannot be read still reaches code scanning: its SARIF names the line (MIG200), on
     * stdout and in the --out sarif files; the command then fails as always (exit 2).
     */
    private void sarifForSchemaError(MigException e, Format primary, Map<Path, Format> files, Path base,
                                     String helpUrl) {
        String sarif = Mig.sarifForSchemaError(e, base, helpUrl);
        if (sarif == null) {
            return;
        }
        files.forEach((file, format) -> {
            if (format == Format.SARIF) {
                try {
                    write(file, sarif);
                } catch (MigException unwritable) {
                    err().println("mig: " + unwritable.getMessage()); // the schema's error stays the one reported
                }
            }
        });
        if (primary == Format.SARIF) {
            out().print(sarif);
            out().flush();
        }
    }

    /** --sarif-base must be a directory (SARIF paths are relative to it). */
    private Path sarifBase() {
        Path base = sarifBase == null ? Path.of("") : sarifBase;
        if (!Files.isDirectory(base)) {
            throw MigException.input("--sarif-base " + sarifBase + " is not a directory",
                    "Name the directory SARIF paths are relative to: the repository's root.");
        }
        return base;
    }

    /** --rules-url must be an absolute http(s) or file URL; a fragment in it is replaced by each rule's. */
    private String rulesUrl() {
        if (rulesUrl == null || rulesUrl.isBlank()) {
            return null;
        }
        try {
            java.net.URI uri = new java.net.URI(rulesUrl.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("http") || scheme.equals("https") || scheme.equals("file")) {
                return uri.toString();
            }
        } catch (java.net.URISyntaxException e) {
            // said below
        }
        throw MigException.input("--rules-url " + rulesUrl + " is not an http, https or file URL",
                "Give where specs/rules.md is published, such as https://github.com/OWNER/mig/blob/v1/specs/rules.md.");
    }

    private static Format parseFormat(String text, String option) {
        try {
            return Format.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw MigException.input(option + " " + text + " is not a format", "Use text, json, markdown or sarif.");
        }
    }

    /**
     * Every --out checked before planning, so that a typo costs nothing and writes nothing; a report never
     * replaces a database, a journal beside one, schema.yaml or the config file.
     */
    private Map<Path, Format> outputFiles() {
        Map<Path, Format> files = new LinkedHashMap<>();
        for (String spec : outputs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw MigException.input("--out " + spec + " is not FORMAT=FILE",
                        "Write, for example, --out sarif=mig.sarif or --out markdown=comment.md.");
            }
            Path file = Path.of(spec.substring(eq + 1)).toAbsolutePath().normalize();
            Path folder = file.getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                throw MigException.input("--out " + spec + ": folder " + folder + " does not exist",
                        "Create it first, or write the report somewhere that exists.");
            }
            if (Files.isDirectory(file)) {
                throw MigException.input("--out " + spec + ": " + file + " is a folder", "Name a file to write.");
            }
            if (Files.isSymbolicLink(file) && !Files.exists(file)) {
                throw MigException.input("--out " + spec + ": " + file + " is a symbolic link to a path that does not "
                        + "exist", "Point the link at a file in a folder that exists, or name another file.");
            }
            if (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(folder)) {
                throw MigException.input("--out " + spec + ": " + file + " cannot be written (permission denied)",
                        "Write the report into a folder you can write to.");
            }
            refuseProjectFile(spec, file);
            if (files.put(file, parseFormat(spec.substring(0, eq), "--out")) != null) {
                throw MigException.input("--out names " + file + " twice", "Give each report its own file.");
            }
        }
        return files;
    }

    private void refuseProjectFile(String spec, Path file) {
        Path dir = project.dir.toAbsolutePath().normalize();
        String name = file.getFileName().toString();
        String database = name.replaceFirst("-(wal|shm|journal)$", "");
        boolean journal = !database.equals(name);
        if (sameFile(file, dir.resolve("schema.yaml")) || sameFile(file, dir.resolve(ConfigDefaults.FILE))
                || isDatabase(file) || journal && isDatabase(file.resolveSibling(database))
                || name.matches(".*-[0-9a-f]{16}\\.sqlite")) {
            throw MigException.input("--out " + spec + ": " + file + " is an SQLite database, a journal beside one, "
                    + "or the project's schema.yaml or mig.properties; a report never replaces it",
                    "Write the report to a file of its own, such as mig.sarif or comment.md.");
        }
    }

    /** The same file, through a symbolic or hard link too; a path that does not exist is only itself. */
    private static boolean sameFile(Path a, Path b) {
        try {
            return a.equals(b) || Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return true; // cannot tell: do not write over it
        }
    }

    /**
     * Does the file exist and start with SQLite's header? Plain I/O, on purpose only here: --out is checked
     * before planning, when this process holds no SQLite connection, so closing this stream cannot drop a
     * connection's POSIX locks on the same file (sqlite-facts.md). A cheap byte check, not
     * SqliteFiles.looksLikeSqlite, which opens a connection and takes a locked database for a non-database.
     */
    private static boolean isDatabase(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        byte[] magic = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        try (var in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(magic.length), magic);
        } catch (IOException e) {
            return true; // unreadable: not a file to overwrite either
        }
    }

    /** A report must not take the name of the database migrate will create, or of the source found. */
    private static void refuseDatabaseNames(Map<Path, Format> files, PlanReport report) {
        for (Path file : files.keySet()) {
            for (Path db : new Path[] {report.source(), report.target()}) {
                if (db != null && sameFile(file, db.toAbsolutePath().normalize())) {
                    throw MigException.input("--out names " + file + ", a database of this migration",
                            "Write the report to a file of its own, such as mig.sarif or comment.md.");
                }
            }
        }
    }

    private static String render(PlanReview review, Format as, Path base, String helpUrl) {
        return switch (as) {
            case JSON -> Mig.json(review) + "\n";
            case MARKDOWN -> Mig.markdown(review, helpUrl);
            case SARIF -> Mig.sarif(review, base, helpUrl);
            case TEXT -> text(review);
        };
    }

    private static String text(PlanReview review) {
        PlanReport report = review.report();
        StringBuilder out = new StringBuilder();
        if (report.targetCurrent()) {
            return out.append(report.target()).append(" already holds this schema; nothing to migrate. To change the ")
                    .append("schema, edit schema.yaml and run 'mig plan' again.\n").toString();
        }
        Refusal refusal = report.refusal();
        out.append(PlanText.render(report.plan(), report.target() + (report.targetExists() ? " (exists)" : ""),
                refusal == null ? null : refusal.message(), report.disk()));
        if (refusal != null) {
            out.append("  what to do: ").append(refusal.hint()).append('\n');
        }
        out.append('\n').append("Findings: ").append(review.counts()).append(". ").append(review.failOnText()).append('\n');
        if (!review.settings().levels().isEmpty()) {
            out.append("Rules changed by this project: ").append(String.join(", ", review.settings().describe()))
                    .append('\n');
        }
        return out.toString();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (java.nio.file.AccessDeniedException e) {
            throw MigException.runtime("cannot write " + file + ": permission denied",
                    "Check that the folder is writable.", e);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "its folder does not exist"
                    : e.getMessage() == null || e.getMessage().equals(file.toString()) ? "an I/O error"
                    : e.getMessage();
            throw MigException.runtime("cannot write " + file + ": " + why,
                    "Check that the folder is writable and the disk has room.", e);
        }
    }
}
