package dev.mig.review;

import dev.mig.Mig;
import dev.mig.api.FailOn;
import dev.mig.api.PlanReport;
import dev.mig.api.PlanReview;
import dev.mig.api.Project;
import dev.mig.api.RuleSettings;
import dev.mig.testing.Db;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fixtures for the review tests: a project folder with a live database and a schema.yaml. */
final class Review {
    /** Four items, two of them without a name. */
    static final String ITEMS = """
            CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, qty INTEGER);
            INSERT INTO items (name, qty) VALUES ('a', 1), (NULL, 2), (NULL, 3), ('d', NULL);
            """;

    /** The pull request: name becomes NOT NULL, on line 6, column 7. */
    static final String NAME_NOT_NULL = """
            name: app
            tables:
              items:
                columns:
                  id:   {type: INTEGER, primaryKey: true}
                  name: {type: TEXT, nullable: false}
                  qty:  {type: INTEGER}
            """;

    /** The same, once the schema says where the missing names come from. */
    static final String NAME_FROM = NAME_NOT_NULL.replace("{type: TEXT, nullable: false}",
            "{type: TEXT, nullable: false, from: \"coalesce(name, '')\"}");

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
