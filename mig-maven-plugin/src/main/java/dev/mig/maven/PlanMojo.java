package dev.mig.maven;

import dev.mig.Mig;
import dev.mig.api.FailOn;
import dev.mig.api.MigException;
import dev.mig.api.PlanReport;
import dev.mig.api.PlanReview;
import dev.mig.api.Project;
import dev.mig.api.RuleSettings;
import dev.mig.api.plan.Finding;
import dev.mig.api.plan.Level;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn mig:plan}: plans schema.yaml against the live database, logs every finding under its rule
 * code, optionally writes SARIF and Markdown, and fails the build when a finding is at {@code failOn} or
 * above. Reads only.
 */
@Mojo(name = "plan", requiresProject = false)
public class PlanMojo extends MigMojo {

    /** Fail the build when a finding is at this level or above: error (default), warning, notice or never. */
    @Parameter(property = "mig.failOn")
    String failOn;

    /** Rule level changes, {@code MIG305=notice, MIG254=off} (specs/rules.md). */
    @Parameter(property = "mig.rules")
    String rules;

    /**
     * SARIF paths are relative to this directory (the repository root); default: where Maven was started,
     * the top of a multi-module build.
     */
    @Parameter(property = "mig.sarifBase", defaultValue = "${session.executionRootDirectory}")
    File sarifBase;

    /** Also write the review as SARIF 2.1.0 to this file. */
    @Parameter(property = "mig.sarifFile")
    File sarifFile;

    /** Also write the review as a Markdown pull-request comment to this file. */
    @Parameter(property = "mig.markdownFile")
    File markdownFile;

    @Override
    String goal() {
        return "plan";
    }

    @Override
    void run(Project project) throws MojoFailureException {
        FailOn threshold = FailOn.parse(failOn != null ? failOn : orDefault(setting("FAIL_ON"), "error"));
        RuleSettings settings = RuleSettings.parse(rules != null ? rules : setting("RULES"));
        PlanReport report = Mig.plan(project, progress());
        PlanReview review = Mig.review(report, settings, threshold);
        log(review);
        if (sarifFile != null) {
            write(sarifFile, Mig.sarif(review, sarifBase.toPath(), null));
        }
        if (markdownFile != null) {
            write(markdownFile, Mig.markdown(review));
        }
        if (!review.passes()) {
            throw new MojoFailureException("mig plan: " + review.counts() + "; " + review.failOnText()
                    + " Fix the findings above, or change failOn or the rules' levels (specs/rules.md).");
        }
    }

    private void log(PlanReview review) {
        PlanReport report = review.report();
        if (report.targetCurrent()) {
            getLog().info("mig plan: " + report.target() + " already holds this schema; nothing to migrate.");
            return;
        }
        getLog().info("mig plan: " + report.plan().schemaName() + " is " + review.verdict() + " ("
                + review.counts() + ")");
        for (Finding f : review.findings()) {
            String line = f.code() + " " + f.message() + (f.configured() ? " [level set by project]" : "");
            if (f.level() == Level.ERROR) {
                getLog().error(line);
            } else if (f.level() == Level.WARNING) {
                getLog().warn(line);
            } else {
                getLog().info(line);
            }
        }
        if (report.refusal() != null) {
            getLog().info("what to do: " + report.refusal().hint());
        }
        if (!review.settings().levels().isEmpty()) {
            getLog().info("rules changed by this project: " + String.join(", ", review.settings().describe()));
        }
        getLog().info(review.failOnText());
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static void write(File file, String text) {
        try {
            if (file.getParentFile() != null) {
                Files.createDirectories(file.getParentFile().toPath()); // target/ before any other goal made it
            }
            Files.writeString(file.toPath(), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw MigException.runtime("cannot write " + file + ": " + e.getMessage(),
                    "Check that the folder exists and is writable.", e);
        }
    }
}
