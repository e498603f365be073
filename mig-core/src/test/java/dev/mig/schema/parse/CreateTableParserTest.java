package dev.mig.schema.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.schema.Check;
import dev.mig.schema.Column;
import dev.mig.schema.FkAction;
import dev.mig.schema.ForeignKey;
import dev.mig.schema.Generated;
import dev.mig.schema.PrimaryKey;
import dev.mig.schema.Table;
import dev.mig.schema.UniqueKey;
import dev.mig.sql.SqlSyntaxException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreateTableParserTest {

    private static Table parse(String sql) {
        return CreateTableParser.parse(sql).table();
    }

    private static Column column(String sql, String name) {
        return parse(sql).column(name).orElseThrow();
    }

    @Test
    void typeNamesAreCanonicalUpperCase() {
        Table t = parse("create table t(a varchar( 255 ), b unsigned big int, c double precision, d, e decimal(10,2))");

        assertEquals(List.of("VARCHAR(255)", "UNSIGNED BIG INT", "DOUBLE PRECISION", "", "DECIMAL(10, 2)"),
                t.columns().stream().map(Column::type).toList());
    }

    @Test
    void quotedTypeNameIsUnquoted() {
        assertEquals("INTEGER", column("CREATE TABLE t(id \"integer\" PRIMARY KEY)", "id").type());
    }

    @Test
    void columnPrimaryKeyKeepsDescAndAutoincrement() {
        Table t = parse("CREATE TABLE t(id INTEGER PRIMARY KEY DESC, x)");
        Table auto = parse("CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT)");

        assertEquals(new PrimaryKey(List.of("id"), true, false), t.primaryKey());
        assertEquals(new PrimaryKey(List.of("id"), false, true), auto.primaryKey());
    }

    @Test
    void tableLevelDescOnIntegerKeyIsDroppedBecauseItStaysTheRowidAlias() {
        Table t = parse("CREATE TABLE t(id INTEGER, x, PRIMARY KEY (id DESC))");

        assertEquals(new PrimaryKey(List.of("id"), false, false), t.primaryKey());
        assertTrue(t.hasRowidAlias());
    }

    @Test
    void tableLevelDescOnTextKeyIsKept() {
        assertTrue(parse("CREATE TABLE t(code TEXT, PRIMARY KEY (code DESC))").primaryKey().desc());
    }

    @Test
    void tableLevelAutoincrementInsideParentheses() {
        assertTrue(parse("CREATE TABLE t(n INTEGER, PRIMARY KEY (n AUTOINCREMENT))").primaryKey().autoincrement());
    }

    @Test
    void keyColumnsTakeTheColumnDefinitionsSpelling() {
        Table t = parse("CREATE TABLE t(Tenant INT, Id INT, PRIMARY KEY (tenant, ID), UNIQUE (id))");

        assertEquals(List.of("Tenant", "Id"), t.primaryKey().columns());
        assertEquals(List.of(new UniqueKey(List.of("Id"))), t.uniques());
    }

    @Test
    void columnConstraintsAreNormalisedIntoTableLists() {
        Table t = parse("CREATE TABLE t(a INT UNIQUE CHECK (a > 0) REFERENCES p(id) ON DELETE CASCADE)");

        assertEquals(List.of(new UniqueKey(List.of("a"))), t.uniques());
        assertEquals(List.of(new Check(null, "a > 0")), t.checks());
        assertEquals(List.of(new ForeignKey(List.of("a"), "p", List.of("id"), FkAction.CASCADE, null, false)),
                t.foreignKeys());
    }

    @Test
    void constraintNamesAreKeptOnChecksOnly() {
        Table t = parse("CREATE TABLE t(a INT CONSTRAINT positive CHECK (a > 0) CONSTRAINT u UNIQUE,"
                + " CONSTRAINT \"two words\" CHECK (a < 10), CHECK (a <> 5))");

        assertEquals(List.of(new Check("positive", "a > 0"), new Check("two words", "a < 10"),
                new Check(null, "a <> 5")), t.checks());
        assertEquals(1, t.uniques().size());
    }

    @Test
    void defaultsOfEveryShapeAreCanonical() {
        Table t = parse("CREATE TABLE t(a DEFAULT -1, b DEFAULT (0), c DEFAULT 'x', d DEFAULT current_timestamp,"
                + " e DEFAULT (datetime( 'now' )), f DEFAULT + 5, g DEFAULT x'ab', h DEFAULT NULL)");

        assertEquals(List.of("-1", "0", "'x'", "CURRENT_TIMESTAMP", "datetime('now')", "+5", "X'ab'", "NULL"),
                t.columns().stream().map(Column::defaultExpr).toList());
    }

    @Test
    void identifierDefaultBecomesTheStringSqliteStores() {
        Table t = parse("CREATE TABLE t(a DEFAULT \"unset\", b DEFAULT plain, c DEFAULT [br])");

        assertEquals(List.of("'unset'", "'plain'", "'br'"), t.columns().stream().map(Column::defaultExpr).toList());
    }

    @Test
    void generatedColumnsStoredAndVirtual() {
        Table t = parse("CREATE TABLE t(a, b GENERATED ALWAYS AS (a * 2) STORED, c AS ((a + 1)), d INT AS (a) VIRTUAL)");

        assertEquals(new Generated("a * 2", true), t.columns().get(1).generated());
        assertEquals(new Generated("a + 1", false), t.columns().get(2).generated());
        assertEquals(new Generated("a", false), t.columns().get(3).generated());
    }

    @Test
    void binaryCollationIsTheDefaultAndBuiltInsAreUpperCase() {
        Table t = parse("CREATE TABLE t(a TEXT COLLATE binary, b TEXT COLLATE nocase, c TEXT COLLATE \"rtrim\","
                + " d TEXT COLLATE my_coll)");

        assertEquals(java.util.Arrays.asList(null, "NOCASE", "RTRIM", "my_coll"),
                t.columns().stream().map(Column::collate).toList());
    }

    @Test
    void deferrableOnlyCountsWhenInitiallyDeferred() {
        Table t = parse("CREATE TABLE t(a REFERENCES p DEFERRABLE INITIALLY DEFERRED,"
                + " b REFERENCES p NOT DEFERRABLE INITIALLY DEFERRED, c REFERENCES p DEFERRABLE,"
                + " d REFERENCES p MATCH FULL DEFERRABLE INITIALLY IMMEDIATE)");

        assertEquals(List.of(true, false, false, false), t.foreignKeys().stream().map(ForeignKey::deferred).toList());
    }

    @Test
    void foreignKeyWithoutParentColumnsMeansTheParentKey() {
        ForeignKey fk = parse("CREATE TABLE t(a, FOREIGN KEY (a) REFERENCES p ON UPDATE SET NULL)").foreignKeys().get(0);

        assertEquals(List.of(), fk.refColumns());
        assertEquals(FkAction.SET_NULL, fk.onUpdate());
    }

    @Test
    void tableOptionsInAnyOrder() {
        Table t = parse("CREATE TABLE t(a INTEGER PRIMARY KEY) strict, without rowid");

        assertTrue(t.strict());
        assertTrue(t.withoutRowid());
    }

    @Test
    void tableConstraintsMayGoWithoutCommas() {
        Table t = parse("CREATE TABLE t(a, b, UNIQUE (a) CHECK (b > 0) CONSTRAINT c CHECK (b < 9))");

        assertEquals(1, t.uniques().size());
        assertEquals(2, t.checks().size());
    }

    @Test
    void quotedNamesOfEveryStyle() {
        Table t = parse("CREATE TABLE \"my \"\"t\"\"\" ([a b] INT, `c``d` TEXT, \"e]f\", 'g', \"日付\", \"select\")");

        assertEquals("my \"t\"", t.name());
        assertEquals(List.of("a b", "c`d", "e]f", "g", "日付", "select"),
                t.columns().stream().map(Column::name).toList());
    }

    @Test
    void keywordsInNamesAndStringsDoNotConfuseTheParser() {
        Table t = parse("CREATE TABLE t(\"primary key\" TEXT DEFAULT 'NOT NULL, CHECK (', b TEXT CHECK (b <> ')'))");

        assertNull(t.primaryKey());
        assertEquals("'NOT NULL, CHECK ('", t.columns().get(0).defaultExpr());
        assertFalse(t.columns().get(0).notNull());
        assertEquals("b <> ')'", t.checks().get(0).expr());
    }

    @Test
    void commentsInsideTheStatementAreIgnored() {
        Table t = parse("CREATE TABLE t( -- the key\n id INTEGER /* rowid */ PRIMARY KEY, x TEXT -- trailing\n)");

        assertEquals(List.of("id", "x"), t.columns().stream().map(Column::name).toList());
        assertEquals("INTEGER", t.columns().get(0).type());
    }

    @Test
    void onConflictClausesAreReportedAsUnsupported() {
        CreateTableParser.Result r = CreateTableParser.parse("CREATE TABLE t(a UNIQUE ON CONFLICT REPLACE,"
                + " b NOT NULL ON CONFLICT IGNORE, PRIMARY KEY (a) ON CONFLICT ROLLBACK)");

        assertEquals(3, r.unsupported().size());
        assertTrue(r.unsupported().get(0).contains("ON CONFLICT REPLACE on UNIQUE of column a"), r.unsupported().get(0));
        assertTrue(r.unsupported().stream().allMatch(s -> s.startsWith("table t: ")), r.unsupported().toString());
    }

    @Test
    void descInACompositeKeyIsReportedAsUnsupported() {
        CreateTableParser.Result r = CreateTableParser.parse("CREATE TABLE t(a, b, PRIMARY KEY (a, b DESC))");

        assertEquals(List.of("table t: DESC in the composite PRIMARY KEY (a, b) is not supported and would be dropped."),
                r.unsupported());
        assertEquals(List.of("a", "b"), r.table().primaryKey().columns());
    }

    @Test
    void ifNotExistsAndSchemaPrefixAreSkipped() {
        assertEquals("t", parse("CREATE TABLE IF NOT EXISTS main.t(a)").name());
    }

    @Test
    void garbageAfterTheTableIsASyntaxError() {
        assertThrows(SqlSyntaxException.class, () -> parse("CREATE TABLE t(a) WITHOUT SOMETHING"));
    }
}
