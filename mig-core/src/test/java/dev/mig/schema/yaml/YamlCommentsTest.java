package dev.mig.schema.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A person's comments carried from a schema.yaml into its rewrite, by the path of the key each belongs to. */
class YamlCommentsTest {

    private static final String WRITTEN = """
            # Blog schema, owned by the platform team.

            name: blog
            tables:
              # Posts, one row per article.
              posts:
                columns:
                  id: {type: integer, primaryKey: true}
                  # Renamed in 0002.
                  title: {type: text, renamedFrom: headline}  # keep in step with the ORM
                  legacy: {type: text}  # drop after the Q3 import
            """;

    private static final String REWRITTEN = """
            # The declared schema of this database, read by mig (format: specs/schema-format.md).

            name: blog
            tables:
              posts:
                columns:
                  id: {type: integer, primaryKey: true}
                  title: {type: text, renamedFrom: headline}
                  views: {type: integer, nullable: false, default: 0}
            """;

    @Test
    void commentsGoBackAboveAndAtTheEndOfTheirKeysAndTheHeaderReplacesTheGeneratedOne() {
        YamlComments.Applied a = YamlComments.of(WRITTEN).applyTo(REWRITTEN);

        assertEquals("""
                # Blog schema, owned by the platform team.

                name: blog
                tables:
                  # Posts, one row per article.
                  posts:
                    columns:
                      id: {type: integer, primaryKey: true}
                      # Renamed in 0002.
                      title: {type: text, renamedFrom: headline}  # keep in step with the ORM
                      views: {type: integer, nullable: false, default: 0}
                """, a.text());
    }

    @Test
    void aCommentWhoseKeyIsGoneIsReportedNotPlaced() {
        YamlComments.Applied a = YamlComments.of(WRITTEN).applyTo(REWRITTEN);

        assertEquals(List.of("comment on tables.posts.columns.legacy, which is gone: # drop after the Q3 import"),
                a.notPlaced());
    }

    @Test
    void aHashInsideQuotesIsNoComment() {
        assertNull(YamlComments.trailingComment("      slug: {type: text, from: \"'#' || id\"}"));
        assertEquals("# real", YamlComments.trailingComment("      slug: {from: 'a # b'}  # real"));
    }

    @Test
    void withoutCommentsTheTextIsUnchanged() {
        String plain = "name: blog\ntables:\n  posts:\n    columns:\n      id: {type: integer}\n";

        assertEquals(plain, YamlComments.of(plain).applyTo(plain).text());
    }
}
