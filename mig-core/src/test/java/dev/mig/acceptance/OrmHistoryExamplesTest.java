package dev.mig.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.project.ProjectFiles;
import dev.mig.schema.Schema;
import dev.mig.schema.yaml.SchemaYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * examples/orm-history: each schema.yaml is valid, its cutover: statements write the ORM's history row,
 * and running them again changes nothing, as its README promises.
 */
class OrmHistoryExamplesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"django.yaml, django_migrations", "rails.yaml, schema_migrations",
            "flyway.yaml, flyway_schema_history"})
    void theCutoverStatementsWriteOneHistoryRowAndAreHarmlessTwice(String example, String history) throws Exception {
        Files.copy(Path.of("..", "examples", "orm-history", example), dir.resolve("schema.yaml"));
        Schema declared = SchemaYaml.load(dir.resolve("schema.yaml"), "app");
        assertTrue(!declared.cutover().isEmpty(), example + " declares cutover statements");

        Mig.migrate(Project.at(dir), false, Progress.NONE); // created ready: its cutover statements ran

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ProjectFiles.at(dir, null).target());
             Statement s = c.createStatement()) {
            assertEquals(1, count(s, history), example);
            for (String statement : declared.cutover()) {
                s.executeUpdate(statement);
            }
            assertEquals(1, count(s, history), example + ": a second run adds nothing");
        }
    }

    private static long count(Statement s, String table) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
