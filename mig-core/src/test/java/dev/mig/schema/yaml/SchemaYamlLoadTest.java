package dev.mig.schema.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.plan.IdPolicy;
import dev.mig.schema.Check;
import dev.mig.schema.Column;
import dev.mig.schema.FkAction;
import dev.mig.schema.ForeignKey;
import dev.mig.schema.Generated;
import dev.mig.schema.Index;
import dev.mig.schema.IndexTerm;
import dev.mig.schema.PrimaryKey;
import dev.mig.schema.Schema;
import dev.mig.schema.Table;
import dev.mig.schema.Trigger;
import dev.mig.schema.UniqueKey;
import dev.mig.schema.View;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaYamlLoadTest {

    static Schema load(String yaml) {
        return SchemaYaml.load(yaml, "schema.yaml", "app");
    }

    static Table table(String columnsYaml) {
        return load("tables:\n  t:\n    columns:\n" + columnsYaml).tables().get(0);
    }

    static Column column(String keys) {
        return table("      c: {" + keys + "}\n").columns().get(0);
    }

    @Test
    void loadsTablesAndColumnsInFileOrder() {
        Schema s = load("""
                tables:
                  users:
                    columns:
                      id: {type: integer, primaryKey: true}
                      email: {type: text, nullable: false}
                  posts:
                    columns:
                      id: {type: INTEGER, primaryKey: true}
                """);
        assertEquals(List.of("users", "posts"), s.tables().stream().map(Table::name).toList());
        assertEquals(List.of("id", "email"), s.tables().get(0).columns().stream().map(Column::name).toList());
    }

    @Test
    void cutoverStatementsLoadInOrderAsWrittenAndSurviveAWrite() {
        Schema s = load("tables:\n  t:\n    columns:\n      id: {type: INTEGER, primaryKey: true}\ncutover:\n"
                + "  - INSERT INTO t (id) VALUES (1);\n  - \"UPDATE t SET id = 2 WHERE id = 'it''s'\"\n");

        assertEquals(List.of("INSERT INTO t (id) VALUES (1)", "UPDATE t SET id = 2 WHERE id = 'it''s'"), s.cutover());
        assertEquals(s, SchemaYaml.load(SchemaYaml.write(s), "written", "unused"));
    }

    @Test
    void cutoverStatementsAreNotPartOfTheSchemaHash() {
        String yaml = "tables:\n  t:\n    columns:\n      id: {type: INTEGER, primaryKey: true}\n";
        assertEquals(dev.mig.schema.SchemaHash.of(load(yaml)),
                dev.mig.schema.SchemaHash.of(load(yaml + "cutover:\n  - DELETE FROM t\n")));
    }

    @Test
    void nameDefaultsToTheCallersName() {
        assertEquals("app", load("tables: {t: {columns: {a: {}}}}").name());
    }

    @Test
    void nameFromTheFileWins() {
        assertEquals("shop", load("name: shop\ntables: {t: {columns: {a: {}}}}").name());
    }

    @Test
    void loadsFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("schema.yaml");
        Files.writeString(file, "tables: {t: {columns: {a: {type: TEXT}}}}\n");
        assertEquals("TEXT", SchemaYaml.load(file, "proj").tables().get(0).columns().get(0).type());
    }

    @Test
    void typeIsCanonicalUpperCase() {
        assertEquals("VARCHAR(255)", column("type: varchar( 255 )").type());
    }

    @Test
    void missingTypeIsEmpty() {
        assertEquals("", column("nullable: true").type());
    }

    @Test
    void columnWithNothingAfterItHasDefaults() {
        Column c = table("      c:\n").columns().get(0);
        assertEquals(new Column("c", "", false, null, null, null, null, null), c);
    }

    @Test
    void nullableDefaultsToTrue() {
        assertFalse(column("type: TEXT").notNull());
    }

    @Test
    void nullableFalseIsNotNull() {
        assertTrue(column("nullable: false").notNull());
    }

    @Test
    void stringDefaultIsCanonicalSql() {
        assertEquals("'active'", column("default: \"'active'\"").defaultExpr());
    }

    @Test
    void defaultExpressionLosesEnclosingParentheses() {
        assertEquals("datetime('now')", column("default: \"(datetime( 'now' ))\"").defaultExpr());
    }

    @Test
    void defaultKeywordIsUpperCase() {
        assertEquals("CURRENT_TIMESTAMP", column("default: current_timestamp").defaultExpr());
    }

    @Test
    void yamlIntegerDefaultIsItsSqlLiteral() {
        assertEquals("0", column("default: 0").defaultExpr());
    }

    @Test
    void aYamlNumberWithDigitSeparatorsIsWrittenWithoutThemSoOlderSqliteReadsTheDatabase() {
        assertEquals("1000", column("default: 1_000").defaultExpr());
        assertEquals("1000.5", column("default: 1_000.5").defaultExpr());
    }

    @Test
    void yamlNegativeFloatDefaultIsItsSqlLiteral() {
        assertEquals("-1.5", column("default: -1.5").defaultExpr());
    }

    @Test
    void yamlBooleanDefaultIsTrueOrFalse() {
        assertEquals("TRUE", column("default: yes").defaultExpr());
        assertEquals("FALSE", column("default: false").defaultExpr());
    }

    @Test
    void collateBinaryIsStoredAsNull() {
        assertNull(column("collate: binary").collate());
    }

    @Test
    void builtInCollationIsUpperCase() {
        assertEquals("NOCASE", column("collate: nocase").collate());
    }

    @Test
    void generatedStringIsVirtual() {
        Column c = table("      a: {type: INTEGER}\n      b: {generated: \"a * 2\"}\n").columns().get(1);
        assertEquals(new Generated("a * 2", false), c.generated());
    }

    @Test
    void generatedMapCanBeStored() {
        Column c = table("      a: {type: INTEGER}\n      b: {generated: {expr: \"(a+2)\", stored: true}}\n")
                .columns().get(1);
        assertEquals(new Generated("a + 2", true), c.generated());
    }

    @Test
    void columnDirectivesAreKept() {
        Column c = column("renamedFrom: old_c, from: \"upper(old_c)\"");
        assertEquals("old_c", c.renamedFrom());
        assertEquals("upper(old_c)", c.from());
    }

    @Test
    void aFromSubqueryKeepsItsParentheses() {
        Column c = column("from: \"(select email from users u where u.id = t.user_id)\"");
        assertEquals("(SELECT email FROM users u WHERE u.id = t.user_id)", c.from());
    }

    @Test
    void aFromWrittenAsABareQueryIsStoredAsItsSubquery() {
        Column c = column("from: \"select email from users u where u.id = t.user_id\"");
        assertEquals("(SELECT email FROM users u WHERE u.id = t.user_id)", c.from());
    }

    @Test
    void columnPrimaryKeyBecomesTablePrimaryKey() {
        Table t = table("      id: {type: INTEGER, primaryKey: true, autoincrement: true}\n");
        assertEquals(new PrimaryKey(List.of("id"), false, true), t.primaryKey());
    }

    @Test
    void primaryKeyDescIsKept() {
        Table t = table("      id: {type: INTEGER, primaryKey: desc}\n");
        assertEquals(new PrimaryKey(List.of("id"), true, false), t.primaryKey());
    }

    @Test
    void compositePrimaryKeyAtTableLevel() {
        Table t = load("tables: {t: {columns: {a: {}, b: {}}, primaryKey: [b, A]}}").tables().get(0);
        assertEquals(List.of("b", "a"), t.primaryKey().columns());
    }

    @Test
    void columnUniqueComesBeforeTableUniques() {
        Table t = load("tables: {t: {columns: {a: {}, b: {unique: true}}, unique: [[a, b]]}}").tables().get(0);
        assertEquals(List.of(new UniqueKey(List.of("b")), new UniqueKey(List.of("a", "b"))), t.uniques());
    }

    @Test
    void columnCheckComesBeforeTableChecks() {
        Table t = load("tables: {t: {columns: {a: {check: \"a>0\"}}, checks: [{name: small, expr: \"a < 10\"}]}}")
                .tables().get(0);
        assertEquals(List.of(new Check(null, "a > 0"), new Check("small", "a < 10")), t.checks());
    }

    @Test
    void referencesTableDotColumn() {
        Schema s = load("""
                tables:
                  users: {columns: {id: {type: INTEGER, primaryKey: true}}}
                  posts: {columns: {user_id: {references: users.id, onDelete: cascade, deferred: true}}}
                """);
        assertEquals(new ForeignKey(List.of("user_id"), "users", List.of("id"), FkAction.CASCADE,
                FkAction.NO_ACTION, true), s.tables().get(1).foreignKeys().get(0));
    }

    @Test
    void referencesTableAloneMeansItsPrimaryKey() {
        Schema s = load("""
                tables:
                  users: {columns: {id: {type: INTEGER, primaryKey: true}}}
                  posts: {columns: {user_id: {references: users, onUpdate: set null}}}
                """);
        assertEquals(new ForeignKey(List.of("user_id"), "users", List.of(), null, FkAction.SET_NULL, false),
                s.tables().get(1).foreignKeys().get(0));
    }

    @Test
    void referencesMapAllowsDotsInNames() {
        Schema s = load("""
                tables:
                  "a.b": {columns: {"x.y": {primaryKey: true}}}
                  c: {columns: {r: {references: {table: a.b, column: x.y}}}}
                """);
        assertEquals(List.of("x.y"), s.tables().get(1).foreignKeys().get(0).refColumns());
        assertEquals("a.b", s.tables().get(1).foreignKeys().get(0).refTable());
    }

    @Test
    void tableForeignKeysFollowColumnReferences() {
        Schema s = load("""
                tables:
                  p: {columns: {a: {unique: true}, b: {}}, primaryKey: [a, b]}
                  c:
                    columns: {x: {references: p.a}, y: {}, z: {}}
                    foreignKeys:
                      - {columns: [y, z], references: p, refColumns: [a, b], onDelete: restrict}
                """);
        List<ForeignKey> fks = s.tables().get(1).foreignKeys();
        assertEquals(List.of("x"), fks.get(0).columns());
        assertEquals(new ForeignKey(List.of("y", "z"), "p", List.of("a", "b"), FkAction.RESTRICT, null, false),
                fks.get(1));
    }

    @Test
    void indexListFormIsPlainColumns() {
        Table t = load("tables: {t: {columns: {a: {}, b: {}}, indexes: {t_ab: [a, B]}}}").tables().get(0);
        assertEquals(new Index("t_ab", List.of(IndexTerm.column("a"), IndexTerm.column("b")), false, null),
                t.indexes().get(0));
    }

    @Test
    void indexMapFormHasTermsUniqueAndWhere() {
        Table t = load("""
                tables:
                  t:
                    columns: {email: {}, n: {}}
                    indexes:
                      t_email:
                        columns: [{expr: "LOWER( email )", desc: true}, {column: n, collate: nocase}]
                        unique: true
                        where: "(n > 0)"
                """).tables().get(0);
        assertEquals(new Index("t_email", List.of(new IndexTerm(null, "LOWER(email)", null, true),
                new IndexTerm("n", null, "NOCASE", false)), true, "n > 0"), t.indexes().get(0));
    }

    @Test
    void indexExprThatIsAColumnNameIsAColumnTerm() {
        Table t = load("tables: {t: {columns: {a: {}}, indexes: {i: [{expr: \"\\\"a\\\"\"}]}}}").tables().get(0);
        assertEquals(IndexTerm.column("a"), t.indexes().get(0).terms().get(0));
    }

    @Test
    void tableOptionsAndDirectives() {
        Table t = load("""
                tables:
                  t:
                    renamedFrom: old_t
                    ids: remap
                    withoutRowid: true
                    strict: true
                    dropColumns: [legacy]
                    columns: {id: {type: INTEGER, primaryKey: true}}
                """).tables().get(0);
        assertTrue(t.withoutRowid() && t.strict());
        assertEquals("old_t", t.renamedFrom());
        assertEquals(IdPolicy.REMAP, t.ids());
        assertEquals(List.of("legacy"), t.dropColumns());
    }

    @Test
    void idsDefaultToPreserve() {
        assertEquals(IdPolicy.PRESERVE, table("      a: {}\n").ids());
    }

    @Test
    void viewStringIsCanonicalSelect() {
        Schema s = load("tables: {t: {columns: {a: {}}}}\nviews:\n  v: \"select a from t;\"\n");
        assertEquals(new View("v", List.of(), "SELECT a FROM t"), s.views().get(0));
    }

    @Test
    void viewMapHasColumns() {
        Schema s = load("tables: {t: {columns: {a: {}}}}\nviews:\n  v: {columns: [x], select: SELECT a FROM t}\n");
        assertEquals(List.of("x"), s.views().get(0).columns());
    }

    @Test
    void triggerTableComesFromTheStatement() {
        Schema s = load("""
                tables: {t: {columns: {a: {}}}, log: {columns: {a: {}}}}
                triggers:
                  t_ins: |
                    create trigger if not exists main.t_ins after update of a on "t"
                    begin insert into log values (new.a); end;
                """);
        Trigger tr = s.triggers().get(0);
        assertEquals("t", tr.table());
        assertEquals("CREATE TRIGGER t_ins AFTER UPDATE OF a ON \"t\" BEGIN INSERT INTO log"
                + " VALUES (new.a); END", tr.sql());
    }

    @Test
    void dropTablesAreKept() {
        assertEquals(List.of("old"), load("tables: {t: {columns: {a: {}}}}\ndropTables: [old]").dropTables());
    }

    @Test
    void hostileNamesAreTakenAsWritten() {
        Schema s = load("tables: {yes: {columns: {null: {}, 12: {}, on: {}}}}");
        assertEquals("yes", s.tables().get(0).name());
        assertEquals(List.of("null", "12", "on"), s.tables().get(0).columns().stream().map(Column::name).toList());
    }

    @Test
    void aliasesReuseAColumnDefinition() {
        Table t = load("""
                tables:
                  t:
                    columns:
                      created: &ts {type: TEXT, default: CURRENT_TIMESTAMP}
                      updated: *ts
                """).tables().get(0);
        assertEquals("CURRENT_TIMESTAMP", t.columns().get(1).defaultExpr());
    }
}
