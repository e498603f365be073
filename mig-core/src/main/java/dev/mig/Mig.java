package dev.mig;

import dev.mig.api.ArchiveResult;
import dev.mig.api.CutoverResult;
import dev.mig.api.DatabasePath;
import dev.mig.api.DrainOptions;
import dev.mig.api.DrainResult;
import dev.mig.api.FailOn;
import dev.mig.api.InitResult;
import dev.mig.api.MigException;
import dev.mig.api.MigrateOptions;
import dev.mig.api.MigrateResult;
import dev.mig.api.PlanReport;
import dev.mig.api.PlanReview;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.api.ResetResult;
import dev.mig.api.RuleSettings;
import dev.mig.api.StatusReport;
import dev.mig.api.VerifyResult;
import dev.mig.api.plan.Rule;
import dev.mig.common.Json;
import dev.mig.common.Versions;
import dev.mig.project.ProjectFiles;
import dev.mig.review.MarkdownReport;
import dev.mig.review.RuleDocs;
import dev.mig.review.SarifReport;
import dev.mig.run.ArchiveRun;
import dev.mig.run.CutoverRun;
import dev.mig.run.DrainRun;
import dev.mig.run.InitRun;
import dev.mig.run.MigrateRun;
import dev.mig.run.PathRun;
import dev.mig.run.PlanRun;
import dev.mig.run.ResetRun;
import dev.mig.run.StatusReader;
import dev.mig.run.VerifyRun;
import dev.mig.schema.SchemaHash;
import dev.mig.schema.introspect.Introspector;
import dev.mig.sql.SqliteFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What each mig command does, as calls the CLI (or an application) can make: one line per command,
 * each handing a {@link Project} to the command's runner in {@code run/}. {@code init} alone takes a
 * directory: it writes the schema.yaml that makes one a project, and says so when the directory is missing.
 */
public final class Mig {

    private Mig() {
    }

    /**
     * {@code mig plan}: diffs schema.yaml against the source database; reads only (a hot journal aside:
     * specs/planning.md). Decides as migrate decides, so that its verdict is migrate's.
     */
    public static PlanReport plan(Project project) {
        return plan(project, Progress.NONE);
    }

    /** {@code mig plan}, telling {@code progress} each read of the database as it is made. */
    public static PlanReport plan(Project project, Progress progress) {
        return PlanRun.run(ProjectFiles.of(project), progress);
    }

    /**
     * {@code mig plan} as a reviewer reads it: the report's findings under their rule codes, at the levels
     * {@code rules} sets, judged against {@code failOn} (specs/rules.md).
     */
    public static PlanReview review(PlanReport report, RuleSettings rules, FailOn failOn) {
        return PlanReview.of(report, rules, failOn);
    }

    /** The review as a pull-request comment (Markdown). */
    public static String markdown(PlanReview review) {
        return MarkdownReport.render(review);
    }

    /** The comment, each rule code linked to its section at {@code rulesUrl} (null: no links). */
    public static String markdown(PlanReview review, String rulesUrl) {
        return MarkdownReport.render(review, rulesUrl);
    }

    /**
     * The review as SARIF 2.1.0: paths relative to {@code base} (the repository root), each rule linked to
     * its section at {@code rulesUrl} (specs/rules.md as published; null for no links).
     */
    public static String sarif(PlanReview review, Path base, String rulesUrl) {
        return SarifReport.render(review, base, rulesUrl);
    }

    /**
     * SARIF for an error in schema.yaml that names its line ({@code MIG200}), for CI to annotate that
     * line; null when the error names no place in the schema file.
     */
    public static String sarifForSchemaError(MigException error, Path base, String rulesUrl) {
        return error.kind() != MigException.Kind.INPUT ? null
                : SarifReport.schemaError(error.getMessage(), base, rulesUrl).orElse(null);
    }

    /** A rule's section of specs/rules.md, as Markdown. */
    public static String ruleDoc(Rule rule) {
        return RuleDocs.section(rule);
    }

    /**
     * {@code mig init}: writes {@code <dir>/schema.yaml} describing the database {@code from}. Refuses
     * to overwrite an existing schema.yaml unless {@code force}, and to write a file mig would reject.
     */
    public static InitResult init(Path from, Path dir, boolean force) {
        return InitRun.run(from, dir, force, false);
    }

    /**
     * {@code mig init --merge}: rewrites {@code <dir>/schema.yaml} from the database {@code from},
     * keeping the existing file's name and directives (renamedFrom, from, dropColumns, ids, dropTables,
     * cutover) and its comments where they still apply, and saying which no longer do.
     */
    public static InitResult initMerge(Path from, Path dir) {
        return InitRun.run(from, dir, false, true);
    }

    /** {@code mig migrate}: start (or resume) a hot migration, or with {@code offline} do it all in one run. */
    public static MigrateResult migrate(Project project, boolean offline, Progress listener) {
        return migrate(project, MigrateOptions.of(offline), listener);
    }

    /** {@code mig migrate} with its options: offline, the copy's pace and chunk time. */
    public static MigrateResult migrate(Project project, MigrateOptions options, Progress listener) {
        return new MigrateRun(ProjectFiles.of(project), options, listener).run();
    }

    /** {@code mig reset}: undo a migration that has not been cut over. */
    public static ResetResult reset(Project project, boolean dryRun) {
        return new ResetRun(project.dir(), project.source(), dryRun).run();
    }

    /** {@code mig drain}: replay the change log, pausing the old database's writes only for the tail. */
    public static DrainResult drain(Project project, DrainOptions options, Progress progress) {
        // Read schema.yaml only when no migration is in progress: during one the stored plan wins, and an
        // edited (even broken) schema.yaml must not stop the drain.
        return new DrainRun(project.dir(), options, progress).run(() -> declaredTarget(ProjectFiles.of(project)));
    }

    /** {@code mig cutover}: mark the new database ready, after its guards. */
    public static CutoverResult cutover(Project project) {
        return cutover(project, false);
    }

    /**
     * {@code mig cutover [--no-verify]}: with {@code skipVerify}, a rollback-journal source is cut over
     * without a verify at the drained position.
     */
    public static CutoverResult cutover(Project project, boolean skipVerify) {
        return cutover(project, skipVerify, Progress.NONE);
    }

    /** As {@link #cutover(Project, boolean)}, telling {@code progress} each step (the guards, the flip). */
    public static CutoverResult cutover(Project project, boolean skipVerify, Progress progress) {
        return CutoverRun.run(project.dir(), () -> declaredTarget(ProjectFiles.of(project)), skipVerify, progress);
    }

    /** The database schema.yaml names, or null without a schema.yaml. */
    private static Path declaredTarget(ProjectFiles project) {
        return Files.isRegularFile(project.schemaFile()) ? project.target() : null;
    }

    /**
     * {@code mig verify}: compare the new database with the old one mapped through the plan; after the
     * cutover, report the comparison the cutover was made on.
     */
    public static VerifyResult verify(Project project) {
        return verify(project, Progress.NONE);
    }

    /** {@code mig verify}, telling {@code progress} each table as it is compared. */
    public static VerifyResult verify(Project project, Progress progress) {
        return VerifyRun.run(project.dir(), () -> declaredTarget(ProjectFiles.of(project)), progress);
    }

    /** {@code mig archive-old}: after cutover, clean up (or with {@code move}, archive) the old database. */
    public static ArchiveResult archiveOld(Project project, boolean move) {
        return ArchiveRun.run(project.dir(), project.source(), move);
    }

    /** {@code mig status}: where the project's migration stands. Takes no lock and never blocks writers. */
    public static StatusReport status(Project project) {
        Path name = project.dir().getFileName();
        return new StatusReader(project.dir(), ProjectFiles.of(project).schemaFile(), name == null ? "db"
                : name.toString()).read();
    }

    /** {@code mig path}: the database an application should open now, and what writing to it does. */
    public static DatabasePath path(Project project) {
        return PathRun.locate(ProjectFiles.of(project));
    }

    /**
     * {@code mig wait-ready}: waits until the database of the project's schema.yaml is ready (a fresh
     * bootstrap, or a migration's cutover) and says so, as {@link #path} would then.
     *
     * @throws MigException REFUSED when it is not ready within {@code timeout}
     */
    public static DatabasePath waitReady(Project project, Duration timeout) throws InterruptedException {
        return PathRun.waitReady(ProjectFiles.of(project), timeout);
    }

    /**
     * The {@code mig archive-old} command line that cleans up {@code source} after a cutover in project
     * {@code dir}, as it can be pasted into a shell run in the current directory.
     */
    public static String archiveOldCommand(Path dir, Path source) {
        return ArchiveRun.commandFor(dir, source);
    }

    /**
     * The hash of the schema of the database {@code db}, as mig names that database's file
     * ({@code <name>-<hash>.sqlite}): how an existing database is adopted by renaming it.
     */
    public static String schemaHash(Path db) {
        return SchemaHash.of(Introspector.read(db).schema());
    }

    /**
     * The JSON form of a result this API returns (the {@code --json} output of the CLI): {@code
     * formatVersion} first, then the record components as keys, paths as strings, enums in lower case
     * where the type says so.
     */
    public static String json(Object result) {
        return Json.document(result, JSON_FORMAT_VERSION, false);
    }

    /** As {@link #json}, on one line: one object per line for a stream of results ({@code status --watch}). */
    public static String jsonLine(Object result) {
        return Json.document(result, JSON_FORMAT_VERSION, true);
    }

    /**
     * The version of every {@code --json} document's shape (specs/json.md): keys are only ever added
     * within a version; a key that changes meaning or goes away makes the next version.
     */
    public static final int JSON_FORMAT_VERSION = 1;

    /**
     * How long every database connection mig opens from now on waits for a lock another connection holds
     * (an application's write transaction) before it gives up with SQLITE_BUSY: 5 s unless set. One
     * setting for the process.
     */
    public static void busyTimeout(Duration wait) {
        SqliteFiles.busyTimeout((int) Math.min(Integer.MAX_VALUE, wait.toMillis()));
    }

    /** mig's version, from the jar manifest (or "dev" when run from classes). */
    public static String version() {
        return Versions.mig();
    }

    /** The SQLite library version sqlite-jdbc bundles. */
    public static String sqliteVersion() {
        return Versions.sqlite();
    }
}
