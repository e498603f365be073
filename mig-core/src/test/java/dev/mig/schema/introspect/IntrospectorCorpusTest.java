package dev.mig.schema.introspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.schema.Check;
import dev.mig.schema.Column;
import dev.mig.schema.FkAction;
import dev.mig.schema.ForeignKey;
import dev.mig.schema.Generated;
import dev.mig.schema.Index;
import dev.mig.schema.IndexTerm;
import dev.mig.schema.Schema;
import dev.mig.schema.Table;
import dev.mig.schema.UniqueKey;
import dev.mig.schema.View;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Focused checks of what introspection reads from each corpus schema. */
class IntrospectorCorpusTest {

    @TempDir
    Path dir;

    private LiveDatabase load(String corpusFile) {
        return IntrospectorFixtures.introspect(dir, IntrospectorFixtures.corpus(corpusFile));
    }

    private static Table table(LiveDatabase db, String name) {
        return db.schema().table(name).orElseThrow();
    }

    private static Index index(Table t, String name) {
        return t.indexes().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void blogKeepsAutoincrementSequencesAndUserVersion() {
        LiveDatabase db = load("blog.sql");

        assertTrue(table(db, "posts").primaryKey().autoincrement());
        assertEquals(Map.of("users", 2L, "posts", 2L), db.sequences());
        assertEquals(7, db.settings().userVersion());
    }

    @Test
    void blogColumnCollationAndColumnUniqueAreRead() {
        Table users = table(load("blog.sql"), "users");

        assertEquals("NOCASE", users.column("email").orElseThrow().collate());
        assertEquals(List.of(new UniqueKey(List.of("email"))), users.uniques());
    }

    @Test
    void shopCompositeKeyAndCompositeForeignKey() {
        LiveDatabase db = load("shop.sql");

        assertEquals(List.of("order_id", "line_no"), table(db, "order_items").primaryKey().columns());
        assertEquals(new ForeignKey(List.of("order_id", "line_no"), "order_items", List.of("order_id", "line_no"),
                FkAction.CASCADE, FkAction.NO_ACTION, false), table(db, "shipments").foreignKeys().get(0));
        assertEquals(1397706824, db.settings().applicationId());
    }

    @Test
    void shopViewKeepsItsColumnList() {
        View v = load("shop.sql").schema().view("order_totals").orElseThrow();

        assertEquals(List.of("order_id", "total"), v.columns());
        assertEquals("SELECT order_id, sum(quantity * unit_price) FROM order_items GROUP BY order_id", v.select());
    }

    @Test
    void saasPartialExpressionAndCollatedIndexes() {
        LiveDatabase db = load("saas.sql");
        Table accounts = table(db, "accounts");
        Table projects = table(db, "projects");

        assertEquals("deleted_at IS NULL", index(accounts, "accounts_live").where());
        assertEquals(List.of(new IndexTerm(null, "lower(email)", null, false)),
                index(accounts, "accounts_email_lower").terms());
        assertEquals(new IndexTerm("name", null, "NOCASE", false), index(projects, "projects_by_name").terms().get(1));
    }

    @Test
    void chatTablesAreWithoutRowidInAWalFile() {
        LiveDatabase db = load("chat.sql");

        assertTrue(db.schema().tables().stream().allMatch(Table::withoutRowid));
        assertEquals("wal", db.settings().journalMode());
        assertTrue(index(table(db, "messages"), "messages_recent").terms().get(1).desc());
    }

    @Test
    void ledgerStrictAndWithoutRowidTogether() {
        LiveDatabase db = load("ledger.sql");

        assertTrue(table(db, "entries").strict());
        assertTrue(table(db, "entries").withoutRowid());
        assertEquals("ANY", table(db, "journal").column("meta").orElseThrow().type());
    }

    @Test
    void generatedColumnsKeepExpressionAndStorage() {
        Table events = table(load("generated.sql"), "events");

        assertEquals(new Generated("payload ->> '$.kind'", false), events.column("kind").orElseThrow().generated());
        assertEquals(new Generated("json_extract(payload, '$.user')", true),
                events.column("user_id").orElseThrow().generated());
        assertTrue(events.column("size").orElseThrow().notNull());
    }

    @Test
    void indexesWithCollateDescAndExpressionTerms() {
        Table people = table(load("indexes.sql"), "people");

        assertEquals(List.of(new IndexTerm("last_name", null, "RTRIM", true),
                new IndexTerm(null, "first_name || ' ' || last_name", null, false)),
                index(people, "people_rtrim").terms());
        assertEquals("BINARY", index(people, "people_binary").terms().get(0).collate());
        assertEquals(List.of(IndexTerm.column("last_name")), index(people, "people by \"quoted\" name").terms());
        assertTrue(index(people, "people_email").unique());
    }

    @Test
    void viewsWithColumnListsAndQuotedNames() {
        Schema s = load("views.sql").schema();

        assertEquals(List.of("region", "total", "sales_count"), s.view("region_totals").orElseThrow().columns());
        assertEquals(List.of(), s.view("all regions").orElseThrow().columns());
        assertEquals("SELECT region FROM region_totals WHERE total > 1000", s.view("big_regions").orElseThrow().select());
    }

    @Test
    void triggersIncludingInsteadOfOnAView() {
        Schema s = load("triggers.sql").schema();

        assertEquals(6, s.triggers().size());
        assertEquals("document_titles", s.trigger("document_titles_insert").orElseThrow().table());
        assertTrue(s.trigger("audit_log_guard").orElseThrow().sql()
                .startsWith("CREATE TRIGGER audit_log_guard BEFORE UPDATE ON audit_log BEGIN SELECT CASE WHEN"));
    }

    @Test
    void foreignKeyActionsAndDeferrableForms() {
        Table children = table(load("fk_actions.sql"), "children");

        assertEquals(List.of(FkAction.CASCADE, FkAction.SET_NULL, FkAction.SET_DEFAULT, FkAction.RESTRICT,
                FkAction.NO_ACTION, FkAction.NO_ACTION, FkAction.NO_ACTION, FkAction.NO_ACTION, FkAction.NO_ACTION,
                FkAction.NO_ACTION), children.foreignKeys().stream().map(ForeignKey::onDelete).toList());
        assertEquals(List.of(false, false, false, false, false, false, true, false, false, false),
                children.foreignKeys().stream().map(ForeignKey::deferred).toList());
    }

    @Test
    void namedTableConstraintsKeepOnlyCheckNames() {
        Table gc = table(load("fk_actions.sql"), "grandchildren");

        assertEquals(List.of("child_id", "n"), gc.primaryKey().columns());
        assertTrue(gc.foreignKeys().get(0).deferred());
    }

    @Test
    void selfReferencesAndCyclesAreKept() {
        LiveDatabase db = load("cycles.sql");

        assertEquals("employees", table(db, "departments").foreignKeys().get(0).refTable());
        assertEquals("departments", table(db, "employees").foreignKeys().get(0).refTable());
        assertEquals("categories", table(db, "categories").foreignKeys().get(0).refTable());
    }

    @Test
    void sequencesRunAheadOfDeletedRows() {
        LiveDatabase db = load("autoincrement.sql");

        assertEquals(Map.of("tickets", 4L, "invoices", 1001L), db.sequences());
        assertTrue(table(db, "invoices").primaryKey().autoincrement());
        assertFalse(table(db, "counters").primaryKey().autoincrement());
    }

    @Test
    void rowidTablesWithoutKeyAndKeysThatAreNotRowidAliases() {
        LiveDatabase db = load("rowid_tables.sql");

        assertNull(table(db, "log_lines").primaryKey());
        assertEquals("", table(db, "kv").column("k").orElseThrow().type());
        assertFalse(table(db, "int_key").hasRowidAlias());
        assertFalse(table(db, "bigint_key").hasRowidAlias());
    }

    @Test
    void quotedNamesArriveUnquoted() {
        LiveDatabase db = load("quoted_names.sql");

        assertEquals(List.of("order", "line items", "table", "back tick", "legacy string name"),
                db.schema().tables().stream().map(Table::name).toList());
        assertEquals(List.of("id", "customer name", "say \"hi\"", "select", "from", "a]b", "größe", "日付", "group"),
                table(db, "order").columns().stream().map(Column::name).toList());
        assertEquals(List.of("order id", "who"), db.schema().view("order view").orElseThrow().columns());
    }

    @Test
    void legacyDefaultsBecomeStringLiteralsAndTypesAreCanonical() {
        Table settings = table(load("legacy.sql"), "settings");

        assertEquals("'unset'", settings.column("value").orElseThrow().defaultExpr());
        assertEquals("'plain'", settings.column("kind").orElseThrow().defaultExpr());
        assertEquals("UNSIGNED BIG INT", settings.column("flags").orElseThrow().type());
        assertEquals("NATIVE CHARACTER(70)", settings.column("label").orElseThrow().type());
        assertEquals(new Check(null, "kind IN (\"plain\", \"secret\")"), settings.checks().get(0));
    }

    @Test
    void legacyMixedCaseReferencesTakeTheDeclaredSpelling() {
        Table mixed = table(load("legacy.sql"), "mixed_case");

        assertEquals(new ForeignKey(List.of("Ref"), "settings", List.of("key"), null, null, false),
                mixed.foreignKeys().get(0));
        assertEquals(List.of(IndexTerm.column("Name")), index(mixed, "Mixed_Case_Name").terms());
    }

    @Test
    void checksKeepTheirConstraintNames() {
        Table accounts = table(load("checks_defaults.sql"), "accounts");

        assertEquals(java.util.Arrays.asList("username_format", null, "adult", null, "balance_range", null,
                "status, not closed when positive", null), accounts.checks().stream().map(Check::name).toList());
        assertEquals("strftime('%Y-%m-%d', 'now')", accounts.column("joined").orElseThrow().defaultExpr());
        assertEquals("-1", accounts.column("neg").orElseThrow().defaultExpr());
        assertEquals("0", accounts.column("zero").orElseThrow().defaultExpr());
    }

    @Test
    void primaryKeyFormsDecideTheRowidAlias() {
        LiveDatabase db = load("pk_quirks.sql");

        for (String alias : List.of("alias_plain", "alias_asc", "alias_table_desc", "alias_lower")) {
            assertTrue(table(db, alias).hasRowidAlias(), alias);
        }
        for (String notAlias : List.of("not_alias_desc", "not_alias_int", "text_desc", "wr_int_desc")) {
            assertFalse(table(db, notAlias).hasRowidAlias(), notAlias);
        }
        assertTrue(table(db, "text_table_desc").primaryKey().desc());
    }

    @Test
    void alteredTablesReadAsSqliteRewroteThem() {
        LiveDatabase db = load("altered.sql");

        assertEquals(List.of("id", "body", "created_at", "pinned", "folder_id"),
                table(db, "notes").columns().stream().map(Column::name).toList());
        assertEquals("folders", table(db, "notes").foreignKeys().get(0).refTable());
        assertEquals(List.of("a", "c"), table(db, "scratch").columns().stream().map(Column::name).toList());
    }

    @Test
    void ftsIndexIsLeftOutButItsContentTableStays() {
        LiveDatabase db = load("search_fts.sql");

        assertEquals(List.of("articles", "articles_fts_notes"),
                db.schema().tables().stream().map(Table::name).toList());
        assertEquals(5, db.unsupported().size(), db.unsupported().toString());
        assertEquals(2, db.schema().triggers().size());
    }

    @Test
    void edgeCasesReportEveryConflictClause() {
        LiveDatabase db = load("edge_cases.sql");

        assertEquals(List.of(
                "table child: ON CONFLICT REPLACE on PRIMARY KEY of column id is not supported and would be dropped.",
                "table child: ON CONFLICT IGNORE on NOT NULL of column r is not supported and would be dropped.",
                "table child: ON CONFLICT FAIL on CHECK is not supported and would be dropped.",
                "table pairs: ON CONFLICT IGNORE on PRIMARY KEY (a, b) is not supported and would be dropped."),
                db.unsupported());
    }

    @Test
    void edgeCasesConstraintsInAnyOrder() {
        Table child = table(load("edge_cases.sql"), "child");

        assertEquals(new Column("q", "TEXT", true, "'x'", "NOCASE", null, null, null), child.column("q").orElseThrow());
        assertTrue(child.column("p").orElseThrow().notNull());
        assertEquals("TIMESTAMP WITH TIME ZONE", child.column("stamp").orElseThrow().type());
        assertEquals("1.5 * 2", child.column("amount").orElseThrow().defaultExpr());
        assertTrue(child.primaryKey().autoincrement());
    }
}
