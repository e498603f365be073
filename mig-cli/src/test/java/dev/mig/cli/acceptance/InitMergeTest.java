package dev.mig.cli.acceptance;

import static dev.mig.cli.acceptance.Cli.mig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'mig init --merge': the workflow with an ORM. Its new migrations were applied to a scratch database;
 * schema.yaml is rewritten from it, and the directives the user wrote (renamedFrom, from, dropColumns,
 * cutover: ...) and the schema's name survive, where they still apply.
 */
class InitMergeTest {

    @TempDir
    Path tmp;

    private static final String EXISTING = """
            name: blog
            tables:
              posts:
                columns:
                  id: {type: integer, primaryKey: true}
                  title: {type: text, nullable: false, renamedFrom: headline}
                  slug: {type: text, from: "lower(headline)"}
                  subtitle: {type: text, renamedFrom: teaser}
                dropColumns: [legacy]
            cutover:
              - INSERT OR IGNORE INTO history (name) VALUES ('0002')
            """;

    /** What the ORM's migrations made of the scratch database: subtitle gone, a column added. */
    private static final String SCRATCH = "CREATE TABLE posts (id integer PRIMARY KEY, title text NOT NULL, "
            + "slug text, views integer NOT NULL DEFAULT 0);"
            + "CREATE TABLE history (id integer PRIMARY KEY, name varchar(100) NOT NULL UNIQUE);";

    private Path project() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(dir.resolve("schema.yaml"), EXISTING);
        Fixture.database(tmp.resolve("scratch.db"), SCRATCH);
        return dir;
    }

    @Test
    void theDatabasesStructureComesWithTheDirectivesThatStillApply() throws Exception {
        Path dir = project();

        Cli.Run init = mig("init", "--from", tmp.resolve("scratch.db").toString(), "-d", dir.toString(), "--merge")
                .assertNoStackTrace();

        assertEquals(0, init.exit(), init.toString());
        String yaml = Files.readString(dir.resolve("schema.yaml"));
        assertTrue(yaml.contains("name: blog"), "the schema keeps its name, not the scratch file's:\n" + yaml);
        assertTrue(yaml.contains("title: {type: text, nullable: false, renamedFrom: headline}"), yaml);
        assertTrue(yaml.contains("slug: {type: text, from: lower(headline)}") || yaml.contains("from: \"lower(headline)\""),
                yaml);
        assertTrue(yaml.contains("views: {type: integer, nullable: false, default: 0}"), "the ORM's new column\n" + yaml);
        assertTrue(yaml.contains("dropColumns: [legacy]") && yaml.contains("INSERT OR IGNORE INTO history"), yaml);
        assertFalse(yaml.contains("subtitle") || yaml.contains("teaser"), yaml);
        assertTrue(init.out().contains("  kept: posts.title: renamedFrom headline"), init.out());
        assertTrue(init.out().contains("  no longer applies, not kept: posts.subtitle: renamedFrom teaser (the column "
                + "is not in the database any more)"), init.out());
    }

    @Test
    void directivesOfASchemaAlreadyMigratedToAreNotAppliedAgain() throws Exception {
        Path dir = Fixture.project(tmp, "blog", """
                name: blog
                tables:
                  posts:
                    columns:
                      id: {type: integer, primaryKey: true}
                      title: {type: text, renamedFrom: headline}
                      cents: {type: integer, from: "amount * 100"}
                    dropColumns: [amount]
                """, "CREATE TABLE posts (id integer PRIMARY KEY, headline text, amount integer);");
        assertEquals(0, mig("migrate", "-d", dir.toString(), "--offline").exit());
        Fixture.database(tmp.resolve("scratch.db"),
                "CREATE TABLE posts (id integer PRIMARY KEY, title text, cents integer, views integer);");

        Cli.Run init = mig("init", "--from", tmp.resolve("scratch.db").toString(), "-d", dir.toString(), "--merge")
                .assertNoStackTrace();

        assertEquals(0, init.exit(), init.toString());
        String yaml = Files.readString(dir.resolve("schema.yaml"));
        assertTrue(yaml.contains("name: blog") && !yaml.contains("from:") && !yaml.contains("renamedFrom")
                        && !yaml.contains("dropColumns"),
                "a from: kept would multiply by 100 again:\n" + yaml);
        assertTrue(init.out().contains("  no longer applies, not kept: posts.cents: from amount * 100 (already "
                + "applied by the migration to blog-"), init.out());
    }

    @Test
    void mergeWithoutASchemaFileIsBadInputAndWritesNothing() throws Exception {
        Path dir = project();
        Files.delete(dir.resolve("schema.yaml"));

        Cli.Run init = mig("init", "--from", tmp.resolve("scratch.db").toString(), "-d", dir.toString(), "--merge")
                .assertNoStackTrace();

        assertEquals(2, init.exit(), init.toString());
        assertTrue(init.err().contains("--merge keeps the directives of"), init.toString());
        assertFalse(Files.exists(dir.resolve("schema.yaml")));
    }

    @Test
    void aBrokenSchemaFileIsNotMergedOrChanged() throws Exception {
        Path dir = project();
        Files.writeString(dir.resolve("schema.yaml"), "tables: [\n");

        Cli.Run init = mig("init", "--from", tmp.resolve("scratch.db").toString(), "-d", dir.toString(), "--merge")
                .assertNoStackTrace();

        assertEquals(2, init.exit(), init.toString());
        assertEquals("tables: [\n", Files.readString(dir.resolve("schema.yaml")));
    }

    @Test
    void mergeAndForceExcludeEachOther() throws Exception {
        Path dir = project();

        Cli.Run init = mig("init", "--from", tmp.resolve("scratch.db").toString(), "-d", dir.toString(), "--merge",
                "--force").assertNoStackTrace();

        assertEquals(2, init.exit(), init.toString());
        assertEquals(EXISTING, Files.readString(dir.resolve("schema.yaml")));
    }

    @Test
    void thePersonsCommentsStayWhereTheirKeysStillAreAndTheOthersAreListed() throws Exception {
        Path dir = project();
        Files.writeString(dir.resolve("schema.yaml"), """
                # Blog schema: edit, then mig plan.

                name: blog
                tables:
                  # One row per article.
                  posts:
                    columns:
                      id: {type: integer, primaryKey: true}
                      title: {type: text, nullable: false, renamedFrom: headline}  # the ORM's title
                      subtitle: {type: text, renamedFrom: teaser}  # going away in 0003
                """);

        Cli.Run init = mig("init", "--from", tmp.resolve("scratch.db").toString(), "-d", dir.toString(), "--merge")
                .assertNoStackTrace();

        assertEquals(0, init.exit(), init.toString());
        String yaml = Files.readString(dir.resolve("schema.yaml"));
        assertTrue(yaml.startsWith("# Blog schema: edit, then mig plan.\n\nname: blog\n"), yaml);
        assertTrue(yaml.contains("  # One row per article.\n  posts:\n"), yaml);
        assertTrue(yaml.contains("renamedFrom: headline}  # the ORM's title\n"), yaml);
        assertTrue(init.out().contains("no longer applies, not kept: comment on tables.posts.columns.subtitle, which is "
                + "gone: # going away in 0003"), init.out());
    }
}
