package dev.mig.cli.acceptance;

import static dev.mig.cli.acceptance.Cli.mig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets first: empty databases, a schema.yaml without a name, a database to adopt. */
class FirstRunTest {

    @TempDir
    Path tmp;

    @Test
    void anEmptyFileIsAnEmptyDatabaseAsSqliteOpensIt() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("app"));
        Files.writeString(dir.resolve("schema.yaml"), Fixture.NOTES_V2);
        Path empty = Files.createFile(tmp.resolve("empty.db"));

        Cli.Run plan = mig("plan", "-d", dir.toString(), "--source", empty.toString());

        assertEquals(0, plan.exit(), plan.toString());
        assertTrue(plan.out().contains("Can migrate: yes"), plan.out());
    }

    @Test
    void initOfADatabaseWithoutTablesSaysSoAndWritesNothing() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("app"));
        Path empty = Files.createFile(tmp.resolve("empty.db"));

        Cli.Run init = mig("init", "--from", empty.toString(), "-d", dir.toString()).assertNoStackTrace();

        assertEquals(2, init.exit(), init.toString());
        assertTrue(init.err().startsWith("mig: " + empty + " has no tables, so there is no schema to describe"),
                init.err());
        assertFalse(init.err().contains("schema.yaml:"), "no line of a file it never wrote: " + init.err());
        assertFalse(Files.exists(dir.resolve("schema.yaml")));
    }

    @Test
    void aSchemaWithoutANameIsNamedAfterTheDirectoryAndPlanAndMigrateSaySo() throws Exception {
        Path dir = Fixture.project(tmp, "shop", Fixture.NOTES_V2.replace("name: app\n", ""), Fixture.NOTES);

        Cli.Run plan = mig("plan", "-d", dir.toString());
        Cli.Run migrate = mig("migrate", "-d", dir.toString());

        String warning = "WARNING: schema.yaml has no name:, so the database is named after the directory: "
                + "shop-<hash>.sqlite. Add 'name: shop' to schema.yaml";
        assertTrue(plan.err().contains(warning), plan.err());
        assertTrue(migrate.err().contains(warning), migrate.err());
        assertEquals(0, migrate.exit(), migrate.toString());
    }

    @Test
    void aSchemaWithANameGetsNoSuchWarning() {
        Path dir = Fixture.project(tmp, "shop", Fixture.NOTES_V2, Fixture.NOTES);

        assertFalse(mig("plan", "-d", dir.toString()).err().contains("WARNING"));
    }

    @Test
    void aSchemaYamlThatOpensWithAByteOrderMarkStillHasItsName() throws Exception {
        Path dir = Fixture.project(tmp, "bom", "\uFEFF" + Fixture.NOTES_V2, Fixture.NOTES);

        Cli.Run plan = mig("plan", "-d", dir.toString(), "--source", Fixture.onlyDatabase(dir).toString());

        assertEquals(0, plan.exit(), plan.err() + plan.out());
        assertFalse(plan.err().contains("WARNING"), plan.err());
        assertTrue(plan.out().contains("app-"), "named by its name: line: " + plan.out());
    }
}
