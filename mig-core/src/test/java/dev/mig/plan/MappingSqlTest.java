package dev.mig.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mig.api.plan.MigrationPlan;
import dev.mig.schema.Schema;
import dev.mig.schema.introspect.Introspector;
import dev.mig.schema.introspect.LiveDatabase;
import dev.mig.schema.yaml.SchemaYaml;
import dev.mig.sql.SqliteFiles;
import dev.mig.testing.Db;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL that copy, replay and verify run for one table, as text (as gh-ost tests its query builder):
 * a column renamed, a computed column, a reference into a remapped table, and the remapped table itself.
 */
class MappingSqlTest {

    private static final String OLD = """
            CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
            CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id), title TEXT, words INTEGER)
            """;

    private static final String V2 = """
            name: m
            tables:
              users:
                ids: remap
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  name: {type: TEXT, nullable: false}
              posts:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  user_id: {type: INTEGER, references: users.id}
                  headline: {type: TEXT, renamedFrom: title}
                  pages: {type: INTEGER, from: "words / 300 + 1"}
            """;

    @TempDir
    static Path dir;

    private static MappingSql users;
    private static MappingSql posts;

    @BeforeAll
    static void plan() throws Exception {
        Path file = dir.resolve("m.sqlite");
        try (Db db = Db.open(file)) {
            db.exec(OLD);
        }
        Schema declared = SchemaYaml.load(V2, "schema.yaml", "m");
        LiveDatabase live = Introspector.read(file);
        MigrationPlan plan;
        try (Connection ro = SqliteFiles.openReadOnly(file)) {
            plan = Planner.plan(declared, live, ro);
        }
        users = mapping(plan, "users", declared, live);
        posts = mapping(plan, "posts", declared, live);
    }

    private static MappingSql mapping(MigrationPlan plan, String table, Schema declared, LiveDatabase live) {
        return MappingSql.of(plan.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow(),
                declared, live.schema());
    }

    /** The translation of an old {@code users} key through its id mapping, as both tables use it. */
    private static String newUserKey(String oldKey) {
        return "(SELECT m.new_key FROM \"mig_new\".\"_id_mapping_users\" AS m WHERE m.old_key = +" + oldKey + ")";
    }

    @Test
    void aRemappedTableGetsItsKeysFromItsIdMapping() {
        assertEquals("INSERT INTO \"mig_new\".\"users\" (\"id\", \"name\") SELECT " + newUserKey("x.k") + " AS v0, "
                + "x.c1 AS v1 FROM (SELECT \"id\" AS c0, \"name\" AS c1, \"id\" AS k FROM \"main\".\"users\" "
                + "WHERE \"id\" <= ? ORDER BY \"id\") AS x", users.insert("\"id\" <= ?", true));
    }

    @Test
    void aRenamedColumnIsReadByItsOldNameAComputedOneByItsExpressionAndAReferenceIsTranslated() {
        assertEquals("INSERT INTO \"mig_new\".\"posts\" (\"id\", \"user_id\", \"headline\", \"pages\") SELECT x.c0 AS v0, "
                + newUserKey("x.c1") + " AS v1, x.c2 AS v2, x.c3 AS v3 FROM (SELECT \"id\" AS c0, \"user_id\" AS c1, "
                + "\"title\" AS c2, words / 300 + 1 AS c3 FROM \"main\".\"posts\" WHERE \"id\" <= ? ORDER BY \"id\") AS x",
                posts.insert("\"id\" <= ?", true));
    }

    @Test
    void replayWritesOverTheRowOfTheSameKeyUpdatingEveryOtherColumn() {
        String upsert = posts.upsert("\"id\" IN (SELECT k1 FROM k)");
        assertEquals(" WHERE true ON CONFLICT (\"id\") DO UPDATE SET \"user_id\" = excluded.\"user_id\", "
                + "\"headline\" = excluded.\"headline\", \"pages\" = excluded.\"pages\"",
                upsert.substring(upsert.indexOf(" WHERE true")));
    }

    @Test
    void rowsGoneFromTheOldTableAreDeletedByTheirNewKey() {
        assertEquals("DELETE FROM \"mig_new\".\"users\" WHERE \"id\" IN (SELECT m.new_key FROM "
                + "\"mig_new\".\"_id_mapping_users\" AS m WHERE m.old_key IN (SELECT g.k1 FROM (SELECT k1 FROM k) AS g "
                + "WHERE NOT EXISTS (SELECT 1 FROM \"main\".\"users\" AS o WHERE o.\"id\" = g.k1)))",
                users.deleteGoneOrMoved("SELECT k1 FROM k"));
        assertEquals("DELETE FROM \"mig_new\".\"posts\" WHERE \"id\" IN (SELECT g.k1 FROM (SELECT k1 FROM k) AS g "
                + "WHERE NOT EXISTS (SELECT 1 FROM \"main\".\"posts\" AS o WHERE o.\"id\" = g.k1))",
                posts.deleteGoneOrMoved("SELECT k1 FROM k"));
    }

    @Test
    void theParentKeysRowsReferenceAreListedForTheirIdMapping() {
        assertEquals(List.of(new MappingSql.ReferencedKeys("users",
                        "SELECT DISTINCT (\"user_id\") COLLATE BINARY AS k FROM \"main\".\"posts\" "
                                + "WHERE (\"user_id\") IS NOT NULL AND (\"id\" <= ?)")),
                posts.referencedKeys("\"id\" <= ?"));
        assertEquals(List.of(), users.referencedKeys("\"id\" <= ?"));
    }

    @Test
    void verifyComparesThroughTheTargetTypesOnlyWhereAValueIsComputedOrConverted() {
        assertEquals(List.of("INTEGER", "INTEGER", "TEXT", "INTEGER"), posts.targetTypes());
        assertEquals(true, posts.convertsTypes());
        assertEquals(false, users.convertsTypes());
    }
}
