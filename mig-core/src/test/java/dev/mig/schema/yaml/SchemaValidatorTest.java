package dev.mig.schema.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.MigException;
import dev.mig.schema.Check;
import dev.mig.schema.Column;
import dev.mig.schema.Schema;
import dev.mig.schema.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What only SQLite can judge: expressions, and views and triggers that refer to something missing. */
class SchemaValidatorTest {

    static Schema load(String yaml) {
        return SchemaYaml.load(yaml, "schema.yaml", "app");
    }

    static String failure(String yaml) {
        MigException e = assertThrows(MigException.class, () -> load(yaml));
        assertEquals(MigException.Kind.INPUT, e.kind());
        assertTrue(e.hint() != null && !e.hint().isBlank());
        return e.getMessage();
    }

    @Test
    void checkOnAnUnknownColumnNamesTheTable() {
        assertEquals("schema.yaml:2:3: table t: SQLite refuses it: no such column: b",
                failure("tables:\n  t: {columns: {a: {check: \"b > 0\"}}}\n"));
    }

    @Test
    void nonConstantDefaultIsRefused() {
        assertEquals("schema.yaml:2:3: table t: SQLite refuses it: default value of column [b] is not constant",
                failure("tables:\n  t: {columns: {a: {}, b: {default: \"a + 1\"}}}\n"));
    }

    @Test
    void expressionSyntaxErrorIsRefused() {
        assertTrue(failure("tables:\n  t: {columns: {a: {check: \"a >\"}}}\n")
                .startsWith("schema.yaml:2:3: table t: SQLite refuses it: "));
    }

    @Test
    void generatedColumnOnAnUnknownColumnIsRefused() {
        assertEquals("schema.yaml:2:3: table t: SQLite refuses it: no such column: nope",
                failure("tables:\n  t: {columns: {a: {}, b: {generated: nope}}}\n"));
    }

    @Test
    void unknownCollationIsRefused() {
        assertEquals("schema.yaml:2:3: table t: SQLite refuses it: no such collation sequence: klingon",
                failure("tables:\n  t: {columns: {a: {collate: klingon}}}\n"));
    }

    @Test
    void partialIndexOnAnUnknownColumnNamesTheIndex() {
        assertEquals("schema.yaml:2:35: index i: SQLite refuses it: no such column: b",
                failure("tables:\n  t: {columns: {a: {}}, indexes: {i: {columns: [a], where: \"b > 0\"}}}\n"));
    }

    @Test
    void indexOnAnUnknownFunctionIsRefused() {
        assertEquals("schema.yaml:2:35: index i: SQLite refuses it: no such function: lowest",
                failure("tables:\n  t: {columns: {a: {}}, indexes: {i: [{expr: \"lowest(a)\"}]}}\n"));
    }

    @Test
    void viewOnAnUnknownTableNamesTheView() {
        assertEquals("schema.yaml:4:3: view v: SQLite refuses it: no such table: main.nope",
                failure("tables:\n  t: {columns: {a: {}}}\nviews:\n  v: SELECT * FROM nope\n"));
    }

    @Test
    void viewOnAnUnknownColumnNamesTheView() {
        assertEquals("schema.yaml:4:3: view v: SQLite refuses it: no such column: b",
                failure("tables:\n  t: {columns: {a: {}}}\nviews:\n  v: SELECT b FROM t\n"));
    }

    @Test
    void viewMayReadAViewDeclaredAfterIt() {
        Schema s = load("tables:\n  t: {columns: {a: {}}}\nviews:\n  v1: SELECT a FROM v2\n  v2: SELECT a FROM t\n");
        assertEquals(2, s.views().size());
    }

    @Test
    void triggerOnAnUnknownTableNamesTheTrigger() {
        assertEquals("schema.yaml:3:3: trigger tr: SQLite refuses it: no such table: main.nope",
                failure("tables: {t: {columns: {a: {}}}}\ntriggers:\n  tr: CREATE TRIGGER tr AFTER INSERT ON nope"
                        + " BEGIN SELECT 1; END\n"));
    }

    @Test
    void triggerBodyWritingAnUnknownTableIsRefused() {
        assertEquals("schema.yaml:3:3: trigger tr: SQLite refuses it: no such table: main.audit",
                failure("tables: {t: {columns: {a: {}}}}\ntriggers:\n  tr: CREATE TRIGGER tr AFTER INSERT ON t"
                        + " BEGIN INSERT INTO audit VALUES (new.a); END\n"));
    }

    @Test
    void triggerBodyReadingAnUnknownColumnIsRefused() {
        assertEquals("schema.yaml:3:3: trigger tr: SQLite refuses it: no such column: old.b",
                failure("tables: {t: {columns: {a: {}}}}\ntriggers:\n  tr: CREATE TRIGGER tr BEFORE DELETE ON t"
                        + " BEGIN SELECT old.b; END\n"));
    }

    @Test
    void updateTriggerBodyIsChecked() {
        assertEquals("schema.yaml:3:3: trigger tr: SQLite refuses it: no such column: new.zz",
                failure("tables: {t: {columns: {a: {}, g: {generated: a}}}}\ntriggers:\n  tr: CREATE TRIGGER tr"
                        + " AFTER UPDATE OF a ON t BEGIN SELECT new.zz; END\n"));
    }

    @Test
    void insteadOfTriggerOnAViewIsAccepted() {
        Schema s = load("""
                tables: {t: {columns: {a: {}}}}
                views: {v: SELECT a FROM t}
                triggers:
                  v_ins: CREATE TRIGGER v_ins INSTEAD OF INSERT ON v BEGIN INSERT INTO t VALUES (new.a); END
                """);
        assertEquals("v", s.triggers().get(0).table());
    }

    @Test
    void hiddenSecondStatementAfterATriggerIsRefused() {
        assertEquals("schema.yaml:3:3: trigger tr contains more than one SQL statement",
                failure("tables: {t: {columns: {a: {}}}}\ntriggers:\n  tr: CREATE TRIGGER tr AFTER INSERT ON t"
                        + " BEGIN SELECT 1; END; CREATE TRIGGER tr2 AFTER INSERT ON t BEGIN SELECT 2; END\n"));
    }

    @Test
    void foreignKeyToColumnsThatAreNotAKeyIsRefused() {
        assertEquals("schema.yaml:3:3: a foreign key of table c: SQLite refuses it: foreign key mismatch - \"c\""
                + " referencing \"p\"", failure("""
                tables:
                  p: {columns: {id: {primaryKey: true}, code: {}}}
                  c: {columns: {p_code: {references: p.code}}}
                """));
    }

    @Test
    void foreignKeyToAUniqueColumnIsAccepted() {
        Schema s = load("""
                tables:
                  p: {columns: {id: {primaryKey: true}, code: {unique: true}}}
                  c: {columns: {p_code: {references: p.code}}}
                """);
        assertEquals(List.of("code"), s.tables().get(1).foreignKeys().get(0).refColumns());
    }

    @Test
    void fromExpressionsAreLeftToThePlanner() {
        Schema s = load("tables: {t: {columns: {a: {from: \"old_column_only_the_source_has * 2\"}}}}\n");
        assertEquals("old_column_only_the_source_has * 2", s.tables().get(0).columns().get(0).from());
    }

    @Test
    void schemaBuiltInCodeIsReportedWithoutALocation() {
        Table t = new Table("t", List.of(new Column("a", "", false, null, null, null, null, null)), null, List.of(),
                List.of(new Check(null, "b > 0")), List.of(), List.of(), false, false, null, List.of(), null);
        MigException e = assertThrows(MigException.class, () -> SchemaValidator.validate(
                new Schema("app", List.of(t), List.of(), List.of(), List.of())));
        assertEquals("table t: SQLite refuses it: no such column: b", e.getMessage());
    }
}
