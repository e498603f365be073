package dev.mig.schema.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.MigException;
import org.junit.jupiter.api.Test;

/** Every user mistake in schema.yaml: one test each, asserting where it is reported and what it says. */
class SchemaYamlErrorsTest {

    static MigException fail(String yaml) {
        MigException e = assertThrows(MigException.class, () -> SchemaYaml.load(yaml, "schema.yaml", "app"));
        assertEquals(MigException.Kind.INPUT, e.kind());
        assertNotNull(e.hint(), "every error carries a hint");
        return e;
    }

    static void assertFails(String yaml, String... fragments) {
        String message = fail(yaml).getMessage();
        for (String f : fragments) {
            assertTrue(message.contains(f), "expected '" + f + "' in: " + message);
        }
    }

    private static final String T = "tables:\n  t:\n    columns:\n";

    @Test
    void malformedYamlNamesLineAndColumn() {
        assertFails("tables:\n  t: {columns: {a: {}}\n", "schema.yaml:3:1: invalid YAML");
    }

    @Test
    void tabIndentationIsMalformedYaml() {
        assertFails("tables:\n\tt: {}\n", "schema.yaml:2:1: invalid YAML");
    }

    @Test
    void emptyFileIsRefused() {
        assertFails("", "schema.yaml:1:1: the schema file is empty");
    }

    @Test
    void commentOnlyFileIsEmpty() {
        assertFails("# nothing yet\n", "schema.yaml:1:1: the schema file is empty");
    }

    @Test
    void fileWithoutTablesIsRefused() {
        assertFails("name: app\n", "schema.yaml:1:1: the schema file declares no tables");
    }

    @Test
    void emptyTablesMapIsRefused() {
        assertFails("tables: {}\n", "schema.yaml:1:9: the schema file declares no tables");
    }

    @Test
    void topLevelListIsRefused() {
        assertFails("- a\n", "schema.yaml:1:1: the schema file must be a map", "not a list");
    }

    @Test
    void unknownColumnKeySuggestsTheNearestKey() {
        assertFails("tables:\n  users:\n    columns:\n      email: {type: TEXT, nulable: false}\n",
                "schema.yaml:4:27: unknown key 'nulable' in column users.email (did you mean 'nullable'?)");
    }

    @Test
    void unknownTableKeySuggestsDespiteCase() {
        assertFails("tables:\n  t:\n    columns: {a: {}}\n    primarykey: [a]\n",
                "schema.yaml:4:5: unknown key 'primarykey' in table t (did you mean 'primaryKey'?)");
    }

    @Test
    void unknownTopLevelKeySuggests() {
        assertFails("table:\n  t: {}\n", "schema.yaml:1:1: unknown key 'table' in the schema file (did you mean 'tables'?)");
    }

    @Test
    void columnsWrittenDirectlyUnderTheTableAreUnknownKeys() {
        MigException e = fail("tables:\n  t:\n    id: {type: INTEGER}\n");
        assertTrue(e.getMessage().startsWith("schema.yaml:3:5: unknown key 'id' in table t"), e.getMessage());
        assertTrue(e.hint().contains("Columns go under 'columns:'"), e.hint());
    }

    @Test
    void nullableMustBeABoolean() {
        assertFails(T + "      c: {nullable: \"no\"}\n",
                "schema.yaml:4:21: 'nullable' of column t.c must be true or false, not 'no'");
    }

    @Test
    void columnsMustBeAMap() {
        assertFails("tables:\n  t:\n    columns: [a, b]\n", "schema.yaml:3:14: columns of table t must be a map",
                "not a list");
    }

    @Test
    void tableWithoutColumnsIsRefused() {
        assertFails("tables:\n  t: {strict: true}\n", "schema.yaml:2:3: table t has no columns");
    }

    @Test
    void tableWithEmptyColumnsIsRefused() {
        assertFails("tables:\n  t: {columns: {}}\n", "schema.yaml:2:16: table t has no columns");
    }

    @Test
    void typeMustBeOneValue() {
        assertFails(T + "      c: {type: [TEXT]}\n", "schema.yaml:4:17: 'type' of column t.c must be a single value");
    }

    @Test
    void typeWithAConstraintIsRefused() {
        assertFails(T + "      c: {type: TEXT NOT NULL}\n",
                "schema.yaml:4:17: 'type' of column t.c 'TEXT NOT NULL' contains the SQL keyword NOT");
    }

    @Test
    void typeWithBadSizeIsRefused() {
        assertFails(T + "      c: {type: \"VARCHAR(10), x INT\"}\n", "schema.yaml:4:17: 'type' of column t.c",
                "is not of the form NAME");
    }

    @Test
    void duplicateKeyInAColumnIsRefused() {
        assertFails(T + "      c:\n        type: TEXT\n        type: INTEGER\n",
                "schema.yaml:6:9: duplicate key 'type' in column t.c (first at line 5)");
    }

    @Test
    void duplicateTableNamesDifferingInCaseAreRefused() {
        assertFails("tables:\n  users: {columns: {a: {}}}\n  Users: {columns: {a: {}}}\n",
                "schema.yaml:3:3: duplicate table name 'Users' in tables: already declared as 'users' (first at line 2)");
    }

    @Test
    void duplicateColumnNamesAreRefused() {
        assertFails(T + "      a: {}\n      A: {}\n", "schema.yaml:5:7: duplicate column name 'A' in columns of table t");
    }

    @Test
    void indexNamesAreUniqueAcrossTables() {
        assertFails("""
                tables:
                  a: {columns: {x: {}}, indexes: {by_x: [x]}}
                  b: {columns: {x: {}}, indexes: {BY_X: [x]}}
                """, "schema.yaml:3:35: index name 'BY_X' is already used by index 'by_x' at line 2");
    }

    @Test
    void indexNameMayNotBeATableName() {
        assertFails("tables:\n  a: {columns: {x: {}}, indexes: {a: [x]}}\n",
                "schema.yaml:2:35: index name 'a' is already used by table 'a' at line 2");
    }

    @Test
    void viewNameMayNotBeATableName() {
        assertFails("tables:\n  t: {columns: {x: {}}}\nviews:\n  T: SELECT 1\n",
                "schema.yaml:4:3: view name 'T' is already used by table 't' at line 2");
    }

    @Test
    void duplicateTriggerNamesAreRefused() {
        assertFails("""
                tables: {t: {columns: {x: {}}}}
                triggers:
                  tr: CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END
                  TR: CREATE TRIGGER TR AFTER INSERT ON t BEGIN SELECT 1; END
                """, "schema.yaml:4:3: duplicate trigger name 'TR' in triggers");
    }

    @Test
    void unknownColumnInPrimaryKeyIsRefused() {
        assertFails("tables:\n  t: {columns: {a: {}}, primaryKey: [a, b]}\n",
                "schema.yaml:2:41: 'primaryKey' of table t names column 'b', which table t does not declare");
    }

    @Test
    void unknownColumnInUniqueIsRefused() {
        assertFails("tables:\n  t: {columns: {a: {}, b: {}}, unique: [[a, c]]}\n",
                "schema.yaml:2:45: an entry of 'unique' of table t names column 'c'");
    }

    @Test
    void uniqueEntriesMustBeLists() {
        assertFails("tables:\n  t: {columns: {a: {}, b: {}}, unique: [a, b]}\n",
                "schema.yaml:2:41: each entry of 'unique' of table t must be a list of columns");
    }

    @Test
    void unknownColumnInIndexSuggestsTheNearestColumn() {
        assertFails("tables:\n  t: {columns: {email: {}}, indexes: {i: [emial]}}\n",
                "schema.yaml:2:43: a term of index i names column 'emial', which table t does not declare"
                        + " (did you mean 'email'?)");
    }

    @Test
    void unknownColumnInForeignKeyColumnsIsRefused() {
        assertFails("""
                tables:
                  p: {columns: {id: {primaryKey: true}}}
                  c: {columns: {a: {}}, foreignKeys: [{columns: [b], references: p}]}
                """, "schema.yaml:3:50: 'columns' of a foreign key of table c names column 'b'");
    }

    @Test
    void referenceToAnUnknownTableSuggests() {
        assertFails("""
                tables:
                  users: {columns: {id: {primaryKey: true}}}
                  posts: {columns: {user_id: {references: user.id}}}
                """, "schema.yaml:3:43: column posts.user_id references table 'user', which the schema does not"
                + " declare (did you mean 'users'?)");
    }

    @Test
    void referenceToAnUnknownColumnIsRefused() {
        assertFails("""
                tables:
                  users: {columns: {id: {primaryKey: true}}}
                  posts: {columns: {user_id: {references: users.uid}}}
                """, "schema.yaml:3:43: column posts.user_id references table 'users' and its column 'uid'");
    }

    @Test
    void referenceToATableWithoutPrimaryKeyNeedsAColumn() {
        assertFails("""
                tables:
                  users: {columns: {id: {}}}
                  posts: {columns: {user_id: {references: users}}}
                """, "schema.yaml:3:43: column posts.user_id references table 'users' without naming a column,"
                + " and users has no primary key");
    }

    @Test
    void foreignKeyRefColumnsMustMatchInNumber() {
        assertFails("""
                tables:
                  p: {columns: {a: {}, b: {}}, primaryKey: [a, b]}
                  c: {columns: {x: {}}, foreignKeys: [{columns: [x], references: p, refColumns: [a, b]}]}
                """, "schema.yaml:3:81: a foreign key of table c has 1 columns but 2 refColumns");
    }

    @Test
    void onDeleteNeedsReferences() {
        assertFails(T + "      c: {onDelete: cascade}\n", "schema.yaml:4:21: 'onDelete' of column t.c needs 'references'");
    }

    @Test
    void unknownForeignKeyActionIsRefused() {
        assertFails("""
                tables:
                  p: {columns: {id: {primaryKey: true}}}
                  c: {columns: {x: {references: p, onDelete: delete}}}
                """, "schema.yaml:3:46: 'onDelete' of column c.x 'delete' is not a foreign key action");
    }

    @Test
    void primaryKeyOnTwoColumnsIsRefused() {
        MigException e = fail(T + "      a: {primaryKey: true}\n      b: {primaryKey: true}\n");
        assertTrue(e.getMessage().startsWith("schema.yaml:5:23: primaryKey is set on both column a and column b"),
                e.getMessage());
        assertTrue(e.hint().contains("primaryKey: [a, b]"), e.hint());
    }

    @Test
    void shortNamesGetNoFarFetchedSuggestion() {
        MigException e = fail("tables:\n  t: {columns: {a: {}}, primaryKey: [b]}\n");
        assertTrue(!e.getMessage().contains("did you mean"), e.getMessage());
    }

    @Test
    void primaryKeyOnColumnAndTableIsRefused() {
        assertFails("tables:\n  t: {columns: {a: {primaryKey: true}}, primaryKey: [a]}\n",
                "schema.yaml:2:53: table t declares its primary key twice: on column a and at table level");
    }

    @Test
    void primaryKeyMustBeBooleanOrDesc() {
        assertFails(T + "      a: {primaryKey: maybe}\n",
                "schema.yaml:4:23: 'primaryKey' of column t.a must be true, false or desc, not 'maybe'");
    }

    @Test
    void autoincrementNeedsTypeInteger() {
        assertFails(T + "      id: {type: INT, primaryKey: true, autoincrement: true}\n",
                "schema.yaml:4:56: autoincrement on column t.id is not allowed: the column's type is INT, not INTEGER");
    }

    @Test
    void autoincrementOnACompositeKeyIsRefused() {
        assertFails("tables:\n  t: {columns: {a: {type: INTEGER, autoincrement: true}, b: {}}, primaryKey: [a, b]}\n",
                "schema.yaml:2:51: autoincrement on column t.a is not allowed: the primary key has more than one column");
    }

    @Test
    void autoincrementOnAWithoutRowidTableIsRefused() {
        assertFails("tables:\n  t: {withoutRowid: true, columns: {a: {type: INTEGER, primaryKey: true,"
                        + " autoincrement: true}}}\n",
                "autoincrement on column t.a is not allowed: the table is WITHOUT ROWID");
    }

    @Test
    void autoincrementOffTheKeyIsRefused() {
        assertFails(T + "      a: {type: INTEGER, autoincrement: true}\n",
                "schema.yaml:4:41: autoincrement on column t.a is not allowed: the column is not the primary key");
    }

    @Test
    void autoincrementWithDescIsRefused() {
        assertFails(T + "      a: {type: INTEGER, primaryKey: desc, autoincrement: true}\n",
                "autoincrement on column t.a is not allowed: the key is declared desc");
    }

    @Test
    void withoutRowidNeedsAPrimaryKey() {
        assertFails("tables:\n  t: {withoutRowid: true, columns: {a: {}}}\n",
                "schema.yaml:2:21: table t is WITHOUT ROWID but has no primary key");
    }

    @Test
    void strictRefusesTypesItDoesNotKnow() {
        assertFails("tables:\n  t:\n    strict: true\n    columns:\n      a: {type: VARCHAR(10)}\n",
                "schema.yaml:5:7: column t.a has type VARCHAR(10), but table t is strict");
    }

    @Test
    void strictNeedsATypeOnEveryColumn() {
        assertFails("tables:\n  t:\n    strict: true\n    columns:\n      a: {}\n",
                "schema.yaml:5:7: column t.a has no type, but table t is strict");
    }

    @Test
    void generatedColumnCannotHaveADefault() {
        assertFails(T + "      a: {}\n      b: {generated: a, default: 0}\n",
                "schema.yaml:5:34: column t.b is generated and cannot have a default");
    }

    @Test
    void generatedColumnCannotBeTheKey() {
        assertFails(T + "      a: {}\n      b: {generated: a, primaryKey: true}\n",
                "schema.yaml:5:37: column t.b is generated and cannot be part of the primary key");
    }

    @Test
    void generatedColumnCannotBeInATableLevelKey() {
        assertFails("tables:\n  t: {columns: {a: {}, b: {generated: a}}, primaryKey: [a, b]}\n",
                "schema.yaml:2:56: column t.b is generated and cannot be part of the primary key");
    }

    @Test
    void generatedColumnCannotHaveAFromExpression() {
        assertFails(T + "      a: {}\n      b: {generated: a, from: \"a + 1\"}\n",
                "schema.yaml:5:31: column t.b is generated and cannot be computed by 'from'");
    }

    @Test
    void migTableNamesAreReserved() {
        assertFails("tables:\n  _migration_state: {columns: {a: {}}}\n",
                "schema.yaml:2:3: table name '_migration_state' is reserved");
    }

    @Test
    void idMappingNamesAreReservedForEveryTable() {
        assertFails("tables:\n  _ID_Mapping_users: {columns: {a: {}}}\n",
                "schema.yaml:2:3: table name '_ID_Mapping_users' is reserved");
    }

    @Test
    void sqliteNamesAreReserved() {
        assertFails("tables:\n  SQLITE_stat1: {columns: {a: {}}}\n", "schema.yaml:2:3: table name 'SQLITE_stat1' is reserved");
    }

    @Test
    void migIndexNamesAreReserved() {
        assertFails("tables:\n  t: {columns: {a: {}}, indexes: {_mig_i: [a]}}\n",
                "schema.yaml:2:35: index name '_mig_i' is reserved");
    }

    @Test
    void migTriggerNamesAreReserved() {
        assertFails("tables: {t: {columns: {a: {}}}}\ntriggers:\n  _mig_capture: CREATE TRIGGER _mig_capture"
                + " AFTER INSERT ON t BEGIN SELECT 1; END\n", "schema.yaml:3:3: trigger name '_mig_capture' is reserved");
    }

    @Test
    void idsMustBePreserveOrRemap() {
        assertFails("tables:\n  t: {ids: renumber, columns: {a: {}}}\n",
                "schema.yaml:2:12: 'ids' of table t is 'renumber'; it must be preserve or remap");
    }

    @Test
    void dropColumnsMayNotNameADeclaredColumn() {
        assertFails("tables:\n  t: {columns: {a: {}}, dropColumns: [b, A]}\n",
                "schema.yaml:2:42: 'dropColumns' of table t names 'A', which the table declares");
    }

    @Test
    void dropColumnsMayNotNameARenamedColumn() {
        assertFails("tables:\n  t: {columns: {a: {renamedFrom: b}}, dropColumns: [b]}\n",
                "schema.yaml:2:53: 'dropColumns' of table t names 'b', which column a is renamed from");
    }

    @Test
    void twoColumnsRenamedFromOneAreRefused() {
        assertFails(T + "      a: {renamedFrom: x}\n      b: {renamedFrom: X}\n",
                "schema.yaml:5:7: columns a and b of table t are both renamed from 'X'");
    }

    @Test
    void twoTablesRenamedFromOneAreRefused() {
        assertFails("tables:\n  a: {renamedFrom: x, columns: {c: {}}}\n  b: {renamedFrom: x, columns: {c: {}}}\n",
                "schema.yaml:3:3: tables a and b are both renamed from 'x'");
    }

    @Test
    void dropTablesMayNotNameADeclaredTable() {
        assertFails("tables: {t: {columns: {a: {}}}}\ndropTables: [old, T]\n",
                "schema.yaml:2:19: 'dropTables' names 'T', which the schema declares");
    }

    @Test
    void dropTablesMayNotNameARenamedTable() {
        assertFails("tables: {t: {renamedFrom: old, columns: {a: {}}}}\ndropTables: [old]\n",
                "schema.yaml:2:14: 'dropTables' names 'old', which is renamed to table t");
    }

    @Test
    void triggerNameMustMatchItsKey() {
        assertFails("tables: {t: {columns: {a: {}}}}\ntriggers:\n  tr: CREATE TRIGGER other AFTER INSERT ON t"
                + " BEGIN SELECT 1; END\n", "schema.yaml:3:7: the statement of trigger tr creates trigger 'other'");
    }

    @Test
    void triggerMustBeACreateTriggerStatement() {
        assertFails("tables: {t: {columns: {a: {}}}}\ntriggers:\n  tr: AFTER INSERT ON t BEGIN SELECT 1; END\n",
                "schema.yaml:3:7: trigger tr is not a CREATE TRIGGER statement: expected CREATE but found 'AFTER'");
    }

    @Test
    void triggerMustNameItsTable() {
        assertFails("tables: {t: {columns: {a: {}}}}\ntriggers:\n  tr: CREATE TRIGGER tr AFTER INSERT BEGIN"
                + " SELECT 1; END\n", "trigger tr is not a CREATE TRIGGER statement: expected ON but found 'BEGIN'");
    }

    @Test
    void tempTriggerIsRefused() {
        assertFails("tables: {t: {columns: {a: {}}}}\ntriggers:\n  tr: CREATE TEMP TRIGGER tr AFTER INSERT ON t"
                + " BEGIN SELECT 1; END\n", "schema.yaml:3:7: trigger tr is a TEMP trigger");
    }

    @Test
    void nothingMayFollowTheTriggersEnd() {
        assertFails("tables: {t: {columns: {a: {}}}}\ntriggers:\n  tr: CREATE TRIGGER tr AFTER INSERT ON t"
                + " BEGIN SELECT 1; END; DROP TABLE t\n", "schema.yaml:3:7: the statement of trigger tr does not end with END");
    }

    @Test
    void viewMustBeOnlyASelect() {
        MigException e = fail("tables: {t: {columns: {a: {}}}}\nviews:\n  v: CREATE VIEW v AS SELECT a FROM t\n");
        assertTrue(e.getMessage().startsWith("schema.yaml:3:6: view v must be a SELECT statement, not one starting"
                + " with CREATE"), e.getMessage());
        assertTrue(e.hint().contains("the part after CREATE VIEW ... AS"), e.hint());
    }

    @Test
    void viewWithTwoStatementsIsRefused() {
        assertFails("tables: {t: {columns: {a: {}}}}\nviews:\n  v: SELECT a FROM t; DROP TABLE t\n",
                "schema.yaml:3:6: view v contains more than one statement");
    }

    @Test
    void viewMapNeedsSelect() {
        assertFails("tables: {t: {columns: {a: {}}}}\nviews:\n  v: {columns: [a]}\n",
                "schema.yaml:3:3: view v has no 'select'");
    }

    @Test
    void checkWithAStrayParenthesisIsRefused() {
        assertFails(T + "      a: {check: \"a > 0) OR (1\"}\n",
                "schema.yaml:4:18: 'check' of column t.a has a ')' without its '('");
    }

    @Test
    void expressionWithASemicolonIsRefused() {
        assertFails(T + "      a: {default: \"1; DROP TABLE t\"}\n",
                "schema.yaml:4:20: 'default' of column t.a contains ';'");
    }

    @Test
    void indexWhereWithATopLevelCommaIsRefused() {
        assertFails("tables:\n  t: {columns: {a: {}}, indexes: {i: {columns: [a], where: \"a, a\"}}}\n",
                "schema.yaml:2:60: 'where' of index i contains ',' outside parentheses");
    }

    @Test
    void unterminatedStringInADefaultIsRefused() {
        assertFails(T + "      a: {default: \"'open\"}\n", "schema.yaml:4:20: 'default' of column t.a is not valid SQL");
    }

    @Test
    void emptyDefaultIsRefusedWithAHint() {
        MigException e = fail(T + "      a: {default: }\n");
        assertTrue(e.getMessage().startsWith("schema.yaml:4:19: 'default' of column t.a has no value"), e.getMessage());
        assertTrue(e.hint().contains("default: \"NULL\""), e.hint());
    }

    @Test
    void dateLikeDefaultMustBeQuotedSql() {
        assertFails(T + "      a: {default: 2024-01-31}\n",
                "schema.yaml:4:20: 'default' of column t.a '2024-01-31' is read by YAML as a timestamp");
    }

    @Test
    void yamlNumberSqlReadsDifferentlyIsRefused() {
        assertFails(T + "      a: {default: 1:30}\n",
                "schema.yaml:4:20: 'default' of column t.a '1:30' is a YAML number that SQL does not read the same way");
    }

    @Test
    void aNameTooLongForTheDatabaseFileNameIsRefusedWithItsLength() {
        MigException e = fail("name: " + "x".repeat(300) + "\ntables: {t: {columns: {a: {}}}}\n");

        assertTrue(e.getMessage().startsWith("schema.yaml:1:7: the database name 'xxx"), e.getMessage());
        assertTrue(e.getMessage().contains("is 300 bytes long"), e.getMessage());
    }

    @Test
    void aControlCharacterIsRefusedAtItsLineAndColumn() {
        MigException e = fail("name: app\ntables:\n  t\u0007: {columns: {a: {}}}\n");

        assertTrue(e.getMessage().startsWith("schema.yaml:3:4: invalid YAML: character U+0007 is not allowed"),
                e.getMessage());
        assertTrue(e.hint().contains("no other control characters"), e.hint());
    }

    @Test
    void aYamlOctalNumberIsRefusedAsSqlReadsItAsDecimal() {
        assertFails(T + "      a: {default: 012}\n",
                "schema.yaml:4:20: 'default' of column t.a '012' is a YAML number that SQL does not read the same way");
    }

    @Test
    void indexTermNeedsExactlyOneOfColumnAndExpr() {
        assertFails("tables:\n  t: {columns: {a: {}}, indexes: {i: [{column: a, expr: a}]}}\n",
                "schema.yaml:2:39: a term of index i must have exactly one of 'column' and 'expr'");
    }

    @Test
    void indexExprMayNotCarryItsOwnDesc() {
        assertFails("tables:\n  t: {columns: {a: {}}, indexes: {i: [{expr: \"lower(a) DESC\"}]}}\n",
                "'expr' of a term of index i has DESC outside parentheses");
    }

    @Test
    void mergeKeysAreRefused() {
        assertFails(T + "      a: &base {type: TEXT}\n      b: {<<: *base}\n",
                "schema.yaml:5:11: merge keys (<<) are not supported in column t.b");
    }

    @Test
    void explicitTagsAreRefused() {
        assertFails(T + "      a: {type: !!binary dGV4dA==}\n",
                "schema.yaml:4:17: unsupported YAML tag tag:yaml.org,2002:binary on 'type' of column t.a");
    }

    @Test
    void javaTypeTagsAreRefused() {
        assertFails(T + "      a: {type: !!java.io.File /etc/passwd}\n", "schema.yaml:4:17: invalid YAML: Global tag is not allowed: tag:yaml.org,2002:java.io.File");
    }

    @Test
    void databaseNameMustBeAUsableFileName() {
        assertFails("name: ../app\ntables: {t: {columns: {a: {}}}}\n",
                "schema.yaml:1:7: the database name '../app' contains a character a file name cannot hold");
    }

    @Test
    void missingDatabaseNameIsRefused() {
        MigException e = assertThrows(MigException.class,
                () -> SchemaYaml.load("tables: {t: {columns: {a: {}}}}", "schema.yaml", null));
        assertTrue(e.getMessage().startsWith("schema.yaml: the database name (from the project directory) is missing"),
                e.getMessage());
    }

    @Test
    void emptyNameIsRefused() {
        assertFails("tables: {t: {columns: {a: {renamedFrom: \"\"}}}}\n",
                "schema.yaml:1:41: 'renamedFrom' of column t.a is an empty name");
    }

    private static final String ONE = T + "      id: {type: INTEGER, primaryKey: true}\n";

    @Test
    void aCutoverStatementThatChangesTheSchemaIsRefused() {
        assertFails(ONE + "cutover:\n  - CREATE TABLE x (a)\n",
                "schema.yaml:6:5: cutover statement 1 starts with CREATE: cutover statements change rows");
    }

    @Test
    void aCutoverItemHoldingTwoStatementsIsRefused() {
        assertFails(ONE + "cutover:\n  - \"DELETE FROM t; DELETE FROM t\"\n",
                "schema.yaml:6:5: cutover statement 1 holds more than one statement");
    }

    @Test
    void anEmptyCutoverStatementIsRefused() {
        assertFails(ONE + "cutover:\n  - \";\"\n", "schema.yaml:6:5: cutover statement 1 is empty");
    }

    @Test
    void cutoverMustBeAList() {
        assertFails(ONE + "cutover: DELETE FROM t\n", "'cutover'");
    }
}
