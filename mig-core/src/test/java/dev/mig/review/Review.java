package dev.mig.review;

import dev.mig.Mig;
import dev.mig.api.FailOn;
import dev.mig.api.PlanReport;
import dev.mig.api.PlanReview;
import dev.mig.api.Project;
import dev.mig.api.RuleSettings;
import dev.mig.testing.Db;
import dev.mig.testkit.NotNullPullRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fixtures for the review tests: a project folder with a live database and a schema.yaml. */
final class Review {
    /** Four items, two of them without a name. */
    static final String ITEMS = NotNullPullRequest.LIVE_SQL;

    /** The pull request: name becomes NOT NULL, on line 6, column 7. */
    static final String NAME_NOT_NULL = NotNullPullRequest.SCHEMA;

    /** The same, once the schema says where the missing names come from. */
    static final String NAME_FROM = NotNullPullRequest.SCHEMA_WITH_FROM;

    private Review() {
    }

    static Path project(Path dir, String schema, String sql) {
        try (Db db = Db.open(dir.resolve("app.sqlite"))) {
            db.exec("PRAGMA journal_mode=WAL").exec(sql);
        }
        try {
            Files.writeString(dir.resolve("schema.yaml"), schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    static PlanReport plan(Path dir) {
        return Mig.plan(Project.at(dir, dir.resolve("app.sqlite")));
    }

    static PlanReview review(Path dir, String rules, FailOn failOn) {
        return PlanReview.of(plan(dir), RuleSettings.parse(rules), failOn);
    }
}
