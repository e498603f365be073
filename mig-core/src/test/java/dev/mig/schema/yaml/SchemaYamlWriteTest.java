package dev.mig.schema.yaml;

import static dev.mig.sql.Sql.ident;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.mig.sql.Sql;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaYamlWriteTest {

    static Schema roundTrip(Schema s) {
        String yaml = SchemaYaml.write(s);
        Schema back = SchemaYaml.load(yaml, "schema.yaml", "unused");
        assertEquals(s, back, yaml);
        return back;
    }

    static Column col(String name, String type) {
        return new Column(name, type, false, null, null, null, null, null);
    }

    static Table table(String name, List<Column> columns, PrimaryKey pk) {
        return new Table(name, columns, pk, List.of(), List.of(), List.of(), List.of(), false, false, null, List.of(),
                null);
    }

    static Schema schema(Table... tables) {
        return new Schema("app", List.of(tables), List.of(), List.of(), List.of());
    }

    static PrimaryKey pk(String... columns) {
        return new PrimaryKey(List.of(columns), false, false);
    }

    @Test
    void writesCompactColumnForms() {
        Table users = new Table("users", List.of(new Column("id", "INTEGER", false, null, null, null, null, null),
                new Column("email", "TEXT", true, null, "NOCASE", null, null, null)),
                new PrimaryKey(List.of("id"), false, true), List.of(new UniqueKey(List.of("email"))), List.of(),
                List.of(), List.of(), false, false, null, List.of(), null);
        Table posts = new Table("posts", List.of(col("id", "INTEGER"), col("user_id", "INTEGER")), pk("id"),
                List.of(), List.of(), List.of(new ForeignKey(List.of("user_id"), "users", List.of("id"),
                FkAction.CASCADE, null, false)), List.of(), false, false, null, List.of(), null);
        String yaml = SchemaYaml.write(schema(users, posts));
        assertTrue(yaml.contains("      id: {type: INTEGER, primaryKey: true, autoincrement: true}\n"), yaml);
        assertTrue(yaml.contains("      email: {type: TEXT, nullable: false, unique: true, collate: NOCASE}\n"), yaml);
        assertTrue(yaml.contains("      user_id: {type: INTEGER, references: users.id, onDelete: cascade}\n"), yaml);
        roundTrip(schema(users, posts));
    }

    @Test
    void startsWithAHeaderComment() {
        assertTrue(SchemaYaml.write(schema(table("t", List.of(col("a", "")), null)))
                .startsWith("# The declared schema of this database, read by mig"));
    }

    @Test
    void writesTheDatabaseName() {
        assertTrue(SchemaYaml.write(schema(table("t", List.of(col("a", "")), null))).contains("\nname: app\n"));
    }

    @Test
    void tablesAreSeparatedByABlankLine() {
        String yaml = SchemaYaml.write(schema(table("a", List.of(col("x", "")), null),
                table("b", List.of(col("y", "")), null)));
        assertTrue(yaml.contains("      x: {}\n\n  b:\n"), yaml);
    }

    @Test
    void columnWithoutKeysIsAnEmptyMap() {
        assertTrue(SchemaYaml.write(schema(table("t", List.of(col("a", "")), null))).contains("      a: {}\n"));
    }

    @Test
    void longColumnIsWrittenAsABlock() {
        Column c = new Column("c", "TEXT", true, Sql.literal("x".repeat(90)), null, null, null, null);
        String yaml = SchemaYaml.write(schema(table("t", List.of(c), null)));
        assertTrue(yaml.contains("      c:\n        type: TEXT\n        nullable: false\n        default: \"'xxx"), yaml);
        roundTrip(schema(table("t", List.of(c), null)));
    }

    @Test
    void compositeKeysUniquesAndForeignKeysAreWrittenOnTheTable() {
        Table p = new Table("p", List.of(col("a", "INT"), col("b", "INT")), pk("a", "b"),
                List.of(new UniqueKey(List.of("b", "a"))), List.of(), List.of(), List.of(), false, false, null,
                List.of(), null);
        Table c = new Table("c", List.of(col("x", "INT"), col("y", "INT")), null, List.of(), List.of(),
                List.of(new ForeignKey(List.of("x", "y"), "p", List.of(), FkAction.SET_NULL, FkAction.RESTRICT,
                        true)), List.of(), false, false, null, List.of(), null);
        String yaml = SchemaYaml.write(schema(p, c));
        assertTrue(yaml.contains("    primaryKey: [a, b]\n    unique: [[b, a]]\n"), yaml);
        assertTrue(yaml.contains("      - {columns: [x, y], references: p, onDelete: set null, onUpdate: restrict,"
                + " deferred: true}\n"), yaml);
        roundTrip(schema(p, c));
    }

    @Test
    void constraintOrderThatColumnsCannotKeepGoesToTheTable() {
        Table t = new Table("t", List.of(col("a", ""), col("b", "")), null,
                List.of(new UniqueKey(List.of("b")), new UniqueKey(List.of("a")), new UniqueKey(List.of("a", "b"))),
                List.of(), List.of(), List.of(), false, false, null, List.of(), null);
        String yaml = SchemaYaml.write(schema(t));
        assertTrue(yaml.contains("      b: {unique: true}\n"), yaml);
        assertTrue(yaml.contains("    unique: [[a], [a, b]]\n"), yaml);
        roundTrip(schema(t));
    }

    @Test
    void everyFeatureSurvivesARoundTrip() {
        Column id = col("id", "INTEGER");
        Column name = new Column("name", "VARCHAR(20)", true, "'it''s'", "RTRIM", null, "old_name", "trim(old_name)");
        Column n = new Column("n", "NUMERIC(10, 2)", false, "-1.5", null, null, null, null);
        Column flag = new Column("flag", "", false, "TRUE", null, null, null, null);
        Column when = new Column("when", "TEXT", false, "CURRENT_TIMESTAMP", null, null, null, null);
        Column g = new Column("g", "", false, null, null, new Generated("n * 2", true), null, null);
        Column v = new Column("v", "", false, null, null, new Generated("upper(name)", false), null, null);
        Table t = new Table("t", List.of(id, name, n, flag, when, g, v), new PrimaryKey(List.of("id"), true, false),
                List.of(new UniqueKey(List.of("name")), new UniqueKey(List.of("n", "flag"))),
                List.of(new Check(null, "n > 0"), new Check("named", "name <> 'a\"b: c'")), List.of(),
                List.of(new Index("t_n", List.of(IndexTerm.column("n"), IndexTerm.column("flag")), false, null),
                        new Index("t_expr", List.of(new IndexTerm(null, "lower(name)", "NOCASE", true),
                                new IndexTerm("n", null, "BINARY", false)), true, "n IS NOT NULL")),
                false, false, "old_t", List.of("gone", "also gone"), IdPolicy.REMAP);
        Table w = new Table("w", List.of(col("k", "TEXT"), col("t_id", "INTEGER")), pk("k"), List.of(), List.of(),
                List.of(new ForeignKey(List.of("t_id"), "t", List.of(), FkAction.SET_DEFAULT, FkAction.CASCADE,
                        true)), List.of(), true, true, null, List.of(), null);
        Schema s = new Schema("shop", List.of(t, w),
                List.of(new View("names", List.of(), "SELECT name FROM t WHERE name LIKE 'a%'"),
                        new View("pairs", List.of("x", "y"), "SELECT id, n FROM t")),
                List.of(new Trigger("t_ins", "t", Sql.canonical("CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN"
                        + " UPDATE w SET k = 'new' WHERE t_id = new.id; END"))),
                List.of("legacy", "older"));
        roundTrip(s);
    }

    private static final List<String> HOSTILE = List.of("my table", "it's", "say \"hi\"", "a.b", "x:y", "#hash",
            "ünïcödé", "表", "yes", "null", "on", "~", "123", "1.5", "-", " lead", "trail ", "back\\slash", "[br]",
            "{br}", "a: b", "- dash", "&amp", "*star", "!bang", "%pct", "@at", "`tick`", "true", "NO", "Off",
            "0x1F", "2024-01-31", "tab\there", "new\nline", "emoji😀", "end", "select", "<<", "?q", "|pipe",
            ">fold", "'single'", "\u2028sep", "\u00a0nbsp");

    @Test
    void hostileNamesSurviveARoundTrip() {
        for (int i = 0; i + 2 < HOSTILE.size(); i += 3) {
            String tn = HOSTILE.get(i);
            String c1 = HOSTILE.get(i + 1);
            String c2 = HOSTILE.get(i + 2);
            Table parent = new Table(tn, List.of(col(c1, "INTEGER"), col(c2, "TEXT")), pk(c1),
                    List.of(new UniqueKey(List.of(c2))), List.of(new Check(c2, ident(c2) + " <> 'it''s: \"x\"'")),
                    List.of(), List.of(new Index(tn + " idx", List.of(IndexTerm.column(c2)), false, null)), false,
                    false, c2, List.of(tn + "?"), null);
            Table child = new Table(c2 + " child", List.of(col(c1, "INTEGER")), null, List.of(), List.of(),
                    List.of(new ForeignKey(List.of(c1), tn, List.of(c2), null, null, false)), List.of(), false, false,
                    null, List.of(), null);
            Schema s = new Schema(c1.replace("\n", "").replace("\u2028", ""), List.of(parent, child),
                    List.of(new View(c1 + " view", List.of(c2), "SELECT " + ident(c2) + " FROM " + ident(tn))),
                    List.of(new Trigger(c2 + " trg", tn, "CREATE TRIGGER " + ident(c2 + " trg") + " AFTER DELETE ON "
                            + ident(tn) + " BEGIN SELECT old." + ident(c1) + "; END")),
                    List.of(tn + " dropped"));
            roundTrip(s);
        }
    }

    @Test
    void loadedFilesSurviveAWriteAndLoad() {
        Schema s = SchemaYaml.load("""
                name: blog
                tables:
                  users:
                    columns:
                      id: {type: integer, primaryKey: true, autoincrement: true}
                      email: {type: text, nullable: false, unique: true, collate: nocase}
                      status: {default: "'active'", check: "status IN ('active', 'gone')"}
                  posts:
                    columns:
                      id: {type: INTEGER, primaryKey: true}
                      author: {references: users, onDelete: cascade}
                      title: {type: TEXT, default: ""}
                      slug: {generated: {expr: "lower(title)", stored: true}}
                    indexes:
                      posts_author: [author, {column: slug, desc: true}]
                views:
                  recent: {columns: [t], select: "SELECT title FROM posts ORDER BY id DESC LIMIT 10"}
                """.replace("default: \"\"", "default: \"''\""), "schema.yaml", "x");
        roundTrip(s);
    }
}
