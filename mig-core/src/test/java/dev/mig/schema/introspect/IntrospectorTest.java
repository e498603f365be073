package dev.mig.schema.introspect;

import static dev.mig.schema.introspect.IntrospectorFixtures.database;
import static dev.mig.schema.introspect.IntrospectorFixtures.introspect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.MigException;
import dev.mig.schema.FileSettings;
import dev.mig.schema.ForeignKey;
import dev.mig.schema.Index;
import dev.mig.schema.IndexTerm;
import dev.mig.schema.Table;
import dev.mig.schema.Trigger;
import dev.mig.schema.UniqueKey;
import dev.mig.schema.View;
import dev.mig.sql.SchemaName;
import dev.mig.sql.Sql;
import dev.mig.sql.SqliteFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntrospectorTest {

    @TempDir
    Path dir;

    @Test
    void schemaNameComesFromAMigFileName() {
        assertEquals("shop", Introspector.schemaName(Path.of("/x/shop-0123456789abcdef.sqlite")));
        assertEquals("my-app", Introspector.schemaName(Path.of("my-app-fedcba9876543210.sqlite")));
    }

    @Test
    void schemaNameOtherwiseIsTheFileNameWithoutExtension() {
        assertEquals("app", Introspector.schemaName(Path.of("app.db")));
        assertEquals("shop-123", Introspector.schemaName(Path.of("shop-123.sqlite")));
        assertEquals("plain", Introspector.schemaName(Path.of("plain")));
    }

    @Test
    void schemaIsNamedAfterTheFile() {
        Path file = database(dir, "orders-00112233aabbccdd.sqlite", "CREATE TABLE t(a)");

        assertEquals("orders", Introspector.read(file).schema().name());
    }

    @Test
    void fileSettingsAreRead() {
        LiveDatabase db = introspect(dir, "PRAGMA page_size = 8192; PRAGMA auto_vacuum = INCREMENTAL;"
                + " PRAGMA encoding = 'UTF-16le'; PRAGMA user_version = 42; PRAGMA application_id = 7;"
                + " CREATE TABLE t(a); PRAGMA journal_mode = WAL;");

        assertEquals(new FileSettings(42, 7, 8192, "wal", "UTF-16le", 2), db.settings());
    }

    @Test
    void sequencesAreReadFromSqliteSequence() {
        LiveDatabase db = introspect(dir, "CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, x);"
                + " INSERT INTO t(x) VALUES (1), (2), (3); DELETE FROM t;");

        assertEquals(Map.of("t", 3L), db.sequences());
    }

    @Test
    void noSequencesWithoutAutoincrement() {
        assertEquals(Map.of(), introspect(dir, "CREATE TABLE t(id INTEGER PRIMARY KEY)").sequences());
    }

    @Test
    void sqliteObjectsAndAutomaticIndexesAreLeftOut() {
        LiveDatabase db = introspect(dir, "CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, a UNIQUE);"
                + " CREATE INDEX t_a ON t(a); INSERT INTO t(a) VALUES (1); ANALYZE;");

        assertEquals(List.of("t"), db.schema().tables().stream().map(Table::name).toList());
        assertEquals(List.of("t_a"), db.schema().tables().get(0).indexes().stream().map(Index::name).toList());
    }

    @Test
    void virtualTablesAndTheirShadowTablesAreUnsupported() {
        LiveDatabase db = introspect(dir, "CREATE TABLE docs(id INTEGER PRIMARY KEY, body TEXT);"
                + " CREATE VIRTUAL TABLE docs_fts USING fts5(body); CREATE VIRTUAL TABLE geo USING rtree(id, x0, x1);");

        assertEquals(List.of("docs"), db.schema().tables().stream().map(Table::name).toList());
        assertTrue(db.unsupported().contains("virtual table docs_fts is not supported: it is left out of the schema."),
                db.unsupported().toString());
        assertTrue(db.unsupported().contains("virtual table geo is not supported: it is left out of the schema."));
        assertTrue(db.unsupported().contains(
                "table docs_fts_data (a shadow table of a virtual table) is not supported: it is left out of the schema."));
        assertTrue(db.unsupported().contains(
                "table geo_node (a shadow table of a virtual table) is not supported: it is left out of the schema."));
    }

    @Test
    void onConflictClausesAreReportedAndDropped() {
        LiveDatabase db = introspect(dir, "CREATE TABLE t(a UNIQUE ON CONFLICT REPLACE, b NOT NULL)");

        assertEquals(List.of("table t: ON CONFLICT REPLACE on UNIQUE of column a is not supported and would be dropped."),
                db.unsupported());
        assertEquals(List.of(new UniqueKey(List.of("a"))), db.schema().tables().get(0).uniques());
    }

    @Test
    void indexTermIsAColumnOnlyWhenSqliteSaysSo() {
        LiveDatabase db = introspect(dir, "CREATE TABLE t(a, B); CREATE INDEX i ON t(\"zzz\", (a), \"b\" DESC);");

        assertEquals(List.of(new IndexTerm(null, "\"zzz\"", null, false), new IndexTerm("a", null, null, false),
                new IndexTerm("B", null, null, true)), db.schema().tables().get(0).indexes().get(0).terms());
    }

    @Test
    void foreignKeyParentTakesTheParentsSpelling() {
        LiveDatabase db = introspect(dir, "CREATE TABLE Parent(Id INTEGER PRIMARY KEY);"
                + " CREATE TABLE child(p REFERENCES PARENT(ID));");

        ForeignKey fk = db.schema().table("child").orElseThrow().foreignKeys().get(0);
        assertEquals("Parent", fk.refTable());
        assertEquals(List.of("Id"), fk.refColumns());
    }

    @Test
    void tablesViewsAndTriggersKeepCreationOrder() {
        LiveDatabase db = introspect(dir, "CREATE TABLE b(x); CREATE TABLE a(x); CREATE VIEW vb AS SELECT 1;"
                + " CREATE VIEW va AS SELECT 2; CREATE TRIGGER tb AFTER INSERT ON b BEGIN SELECT 1; END;"
                + " CREATE TRIGGER ta AFTER INSERT ON a BEGIN SELECT 1; END;");

        assertEquals(List.of("b", "a"), db.schema().tables().stream().map(Table::name).toList());
        assertEquals(List.of("vb", "va"), db.schema().views().stream().map(View::name).toList());
        assertEquals(List.of("tb", "ta"), db.schema().triggers().stream().map(Trigger::name).toList());
    }

    @Test
    void triggerSqlIsCanonical() {
        LiveDatabase db = introspect(dir, "CREATE TABLE t(a);\n"
                + "create trigger [t ai] after insert on T -- note\n begin select  new.a+1 ; end;");

        assertEquals(new Trigger("t ai", "t", "CREATE TRIGGER \"t ai\" AFTER INSERT ON T BEGIN SELECT new.a + 1; END"),
                db.schema().triggers().get(0));
    }

    @Test
    void attachedDatabaseIsReadByItsAlias() throws SQLException {
        Path old = database(dir, "old.sqlite", "CREATE TABLE legacy(a INTEGER PRIMARY KEY AUTOINCREMENT, b TEXT);"
                + " INSERT INTO legacy(b) VALUES ('x'); PRAGMA user_version = 3;");
        try (Connection c = SqliteFiles.openMemory(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE main_only(z)");
            st.execute("ATTACH DATABASE " + Sql.literal(old.toString()) + " AS " + SchemaName.NEW.quoted());

            LiveDatabase db = Introspector.read(c, SchemaName.NEW, old);

            assertEquals(List.of("legacy"), db.schema().tables().stream().map(Table::name).toList());
            assertEquals(Map.of("legacy", 1L), db.sequences());
            assertEquals(3, db.settings().userVersion());
            assertTrue(c.getAutoCommit());
        }
    }

    @Test
    void readingInsideTheCallersTransactionLeavesItOpen() throws SQLException {
        Path file = database(dir, "db.sqlite", "CREATE TABLE t(a)");
        try (Connection c = SqliteFiles.openReadOnly(file)) {
            c.setAutoCommit(false);

            Introspector.read(c, SchemaName.MAIN, file);

            assertFalse(c.getAutoCommit());
            c.rollback();
        }
    }

    @Test
    void missingFileIsAnInputError() {
        MigException e = assertThrows(MigException.class, () -> Introspector.read(dir.resolve("nope.sqlite")));

        assertEquals(MigException.Kind.INPUT, e.kind());
    }

    @Test
    void fileThatIsNotADatabaseIsAnInputError() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "hello");

        MigException e = assertThrows(MigException.class, () -> Introspector.read(file));

        assertEquals(MigException.Kind.INPUT, e.kind());
    }

    @Test
    void readingLeavesTheFileUnchanged() throws Exception {
        Path file = database(dir, "db.sqlite", IntrospectorFixtures.corpus("blog.sql"));
        byte[] before = Files.readAllBytes(file);

        Introspector.read(file);

        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)));
    }

    @Test
    void applicationObjectsWithNamesMigReservesAreRefusedNotSilentlyLeftOut() {
        LiveDatabase db = introspect(dir, "CREATE TABLE t(id INTEGER PRIMARY KEY);"
                + " CREATE TABLE _mig_notes(id INTEGER PRIMARY KEY, body TEXT);"
                + " CREATE TRIGGER _mig_touch AFTER INSERT ON t BEGIN SELECT 1; END;");

        assertEquals(List.of("t"), db.schema().tables().stream().map(Table::name).toList());
        assertEquals(List.of("table _mig_notes uses a name mig reserves for itself (_mig_..., _migration_..., "
                        + "_id_mapping..., _schema_identity): rename it in the live database before migrating.",
                "trigger _mig_touch uses a name mig reserves for itself (_mig_..., _migration_..., _id_mapping..., "
                        + "_schema_identity): rename it in the live database before migrating."),
                db.unsupported());
    }

    @Test
    void applicationTablesNamedLikeIdMappingsAreRefusedNotSilentlyLeftOut() {
        LiveDatabase db = introspect(dir, "CREATE TABLE t(id INTEGER PRIMARY KEY);"
                + " CREATE TABLE _id_mappings(id INTEGER PRIMARY KEY);"
                + " CREATE TABLE _ID_MAPPING_t(new_key INTEGER PRIMARY KEY, old_key NOT NULL UNIQUE);");

        assertEquals(List.of("t"), db.schema().tables().stream().map(Table::name).toList());
        assertEquals(List.of("table _id_mappings uses a name mig reserves for itself (_mig_..., _migration_..., "
                        + "_id_mapping..., _schema_identity): rename it in the live database before migrating.",
                "table _ID_MAPPING_t uses a name mig reserves for itself (_mig_..., _migration_..., "
                        + "_id_mapping..., _schema_identity): rename it in the live database before migrating."),
                db.unsupported());
    }

    @Test
    void migsOwnTablesAndCaptureTriggersAreLeftOutQuietly() {
        LiveDatabase db = introspect(dir, "CREATE TABLE t(id INTEGER PRIMARY KEY);"
                + " CREATE TABLE _migration_status(id INTEGER PRIMARY KEY, status TEXT);"
                + " CREATE TABLE \"_migration_log\"(seq INTEGER PRIMARY KEY, tbl TEXT, k1);"
                + " CREATE TRIGGER \"_mig_ai_t\" AFTER INSERT ON t BEGIN"
                + " INSERT INTO \"_migration_log\" (tbl, k1) VALUES ('t', NEW.id); END;");

        assertEquals(List.of("t"), db.schema().tables().stream().map(Table::name).toList());
        assertEquals(List.of(), db.schema().triggers());
        assertEquals(List.of(), db.unsupported());
    }
}
