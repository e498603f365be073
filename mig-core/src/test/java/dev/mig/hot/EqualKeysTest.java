package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key changed to a value its table counts as the same key: another spelling under NOCASE, or 1.0 for 1
 * in an untyped key. ON CONFLICT finds the row it had; replay must still write the value the old row
 * holds now, which verify compares and the application reads.
 */
class EqualKeysTest {

    @TempDir
    Path base;

    private static final String NOCASE_V1 = """
            name: k
            tables:
              codes:
                withoutRowid: true
                columns:
                  code: {type: TEXT, primaryKey: true, collate: NOCASE}
                  v: {type: INTEGER}
            """;

    @Test
    void aKeyRespeltUnderNocaseReachesTheNewDatabaseAsTheOldOneSpellsIt() throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("nocase")), NOCASE_V1, "WAL");
        try (Db db = p.open()) {
            db.exec("INSERT INTO codes VALUES ('abc', 1), ('Xy', 2)"); // one statement: exec runs the first only
        }
        p.migrate(NOCASE_V1 + "      note: {type: TEXT, default: \"'-'\"}\n");
        try (Db db = p.open()) {
            db.exec("UPDATE codes SET code = 'ABC' WHERE code = 'abc'");
            db.exec("UPDATE codes SET code = 'xy', v = 3 WHERE code = 'Xy'");
        }

        p.drain();

        try (Db db = Db.open(p.newDb())) {
            assertEquals(List.of("ABC|1", "xy|3"), db.rows("SELECT code || '|' || v FROM codes ORDER BY code"));
        }
    }

    @Test
    void anUntypedKeyChangedFromOneToOnePointZeroKeepsItsNewType() throws Exception {
        String v1 = """
                name: u
                tables:
                  t:
                    columns:
                      k: {type: "", primaryKey: true}
                      v: {type: INTEGER}
                """;
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("untyped")), v1, "WAL");
        try (Db db = p.open()) {
            db.exec("INSERT INTO t VALUES (1, 10)");
        }
        p.migrate(v1 + "      note: {type: TEXT}\n");
        try (Db db = p.open()) {
            db.exec("UPDATE t SET k = 1.0 WHERE k = 1");
        }

        p.drain();

        try (Db db = Db.open(p.newDb())) {
            assertEquals("real", db.one("SELECT typeof(k) FROM t"));
        }
    }
}
