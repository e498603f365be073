package dev.mig.cli.acceptance;

import static dev.mig.cli.acceptance.Cli.mig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A from: that reads another table (a scalar subquery): a hot migration could not keep it current, so
 * it is refused with nothing changed; {@code --offline} computes it from the old data.
 */
class FromSubqueryTest {

    private static final String SOURCE_SQL = """
            CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);
            CREATE TABLE articles (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id), title TEXT);
            INSERT INTO users VALUES (1, 'ann@x'), (2, 'bob@x');
            INSERT INTO articles VALUES (1, 1, 'one'), (2, 2, 'two'), (3, 1, 'three'), (4, NULL, 'orphan');
            """;

    private static String yaml(String from) {
        return """
                name: blog
                tables:
                  users:
                    columns:
                      id: {type: INTEGER, primaryKey: true}
                      email: {type: TEXT}
                  articles:
                    columns:
                      id: {type: INTEGER, primaryKey: true}
                      user_id: {type: INTEGER, references: users.id}
                      title: {type: TEXT}
                      author_email: {type: TEXT, from: "%s"}
                """.formatted(from);
    }

    private static final String SUBQUERY = "(SELECT email FROM users u WHERE u.id = articles.user_id)";

    @TempDir
    Path tmp;

    @Test
    void hotMigrateRefusesASubqueryFromAndChangesNothing() {
        Path dir = Fixture.project(tmp, "blog", yaml(SUBQUERY), SOURCE_SQL);
        Map<String, String> before = Fixture.snapshot(dir);

        Cli.Run run = mig("migrate", "-d", dir.toString()).assertNoStackTrace();

        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("column articles.author_email: from: reads table users"), run.toString());
        assertTrue(run.err().contains("mig migrate --offline"), run.toString());
        assertEquals(before, Fixture.snapshot(dir));
    }

    @Test
    void planSaysAHotMigrationIsBlockedAndWhy() {
        Path dir = Fixture.project(tmp, "blog", yaml(SUBQUERY), SOURCE_SQL);

        Cli.Run run = mig("plan", "-d", dir.toString()).assertNoStackTrace();

        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.out().contains("Can migrate: no\n  - MIG302 column articles.author_email: from: reads table users"),
                run.toString());
    }

    @Test
    void offlineMigrateFillsASubqueryFromFromTheOldData() throws Exception {
        Path dir = Fixture.project(tmp, "blog", yaml(SUBQUERY), SOURCE_SQL);

        Path source = Fixture.onlyDatabase(dir);

        Cli.Run run = mig("migrate", "--offline", "-d", dir.toString()).assertNoStackTrace();

        assertEquals(0, run.exit(), run.toString());
        assertEquals(List.of("1|ann@x", "2|bob@x", "3|ann@x", "4|null"),
                rows(newDatabase(dir, source), "SELECT id, author_email FROM articles ORDER BY id"));
    }

    @Test
    void aFromWrittenAsABareQueryMigratesOfflineLikeItsSubquery() throws Exception {
        Path dir = Fixture.project(tmp, "blog", yaml(SUBQUERY.substring(1, SUBQUERY.length() - 1)), SOURCE_SQL);

        Path source = Fixture.onlyDatabase(dir);

        Cli.Run run = mig("migrate", "--offline", "-d", dir.toString()).assertNoStackTrace();

        assertEquals(0, run.exit(), run.toString());
        assertEquals(List.of("1|ann@x", "2|bob@x", "3|ann@x", "4|null"),
                rows(newDatabase(dir, source), "SELECT id, author_email FROM articles ORDER BY id"));
    }

    /** The database migrate made beside {@code source}. */
    private static Path newDatabase(Path dir, Path source) throws Exception {
        try (var files = java.nio.file.Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".sqlite") && !f.equals(source)).findFirst().orElseThrow();
        }
    }

    private static List<String> rows(Path db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1) + "|" + rs.getString(2));
            }
        }
        return out;
    }
}
