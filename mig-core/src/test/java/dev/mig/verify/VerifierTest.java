package dev.mig.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.Mig;
import dev.mig.api.Project;
import dev.mig.api.TableVerdict;
import dev.mig.api.VerifyResult;
import dev.mig.hot.HotProject;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Verify compares the old rows as the copy stored them: through the new column's type where the
 * migration changes one, so a value the new type converted is not taken for a difference, and one the
 * new type keeps as it is (STRICT {@code ANY}) is not converted by verify either.
 */
class VerifierTest {

    @TempDir
    Path base;

    private static String yaml(String qtyType, boolean strict) {
        return "name: v\ntables:\n  items:\n" + (strict ? "    strict: true\n" : "") + "    columns:\n"
                + "      id: {type: INTEGER, primaryKey: true}\n"
                + "      qty: {type: " + qtyType + "}\n";
    }

    /** v1 (qty TEXT) holding numbers written as text, migrated hot to {@code v2}. */
    private HotProject migrated(String v2) throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), yaml("TEXT", false), "WAL");
        try (Db db = p.open()) {
            db.exec("INSERT INTO items VALUES (1, '12'), (2, '7'), (3, 'seven'), (4, NULL)");
        }
        p.migrate(v2);
        return p;
    }

    @Test
    void textNumbersThatTheNewIntegerColumnConvertedVerifyEqual() throws Exception {
        HotProject p = migrated(yaml("INTEGER", false));
        try (Db n = Db.open(p.newDb())) {
            assertEquals(List.of("integer", "integer", "text", "null"),
                    n.rows("SELECT typeof(qty) FROM items ORDER BY id"));
        }
        VerifyResult r = Mig.verify(Project.at(p.dir, null));
        assertTrue(r.equal(), r.toString());
    }

    @Test
    void valuesAStrictAnyColumnKeptAsTextVerifyEqual() throws Exception {
        HotProject p = migrated(yaml("ANY", true));
        try (Db n = Db.open(p.newDb())) {
            assertEquals(List.of("text", "text", "text", "null"), n.rows("SELECT typeof(qty) FROM items ORDER BY id"));
        }
        VerifyResult r = Mig.verify(Project.at(p.dir, null));
        assertTrue(r.equal(), r.toString());
    }

    /** Verify's verdict on items after {@code update} changed the new database behind mig's back. */
    private TableVerdict verdictAfter(String update) throws Exception {
        HotProject p = migrated(yaml("INTEGER", false));
        try (Db n = Db.open(p.newDb())) {
            n.exec(update);
        }
        VerifyResult r = Mig.verify(Project.at(p.dir, null));
        assertFalse(r.equal());
        return r.tables().get(0);
    }

    @Test
    void aConvertedValueChangedInTheNewDatabaseIsADifference() throws Exception {
        TableVerdict v = verdictAfter("UPDATE items SET qty = '12' WHERE id = 2");
        assertEquals(List.of("2|7"), v.oldOnly());
        assertEquals(List.of("2|12"), v.newOnly());
    }

    @Test
    void aDifferenceInTheLastColumnAloneIsFound() throws Exception {
        assertEquals(List.of("2|8"), verdictAfter("UPDATE items SET qty = 8 WHERE id = 2").newOnly());
    }

    /** items with {@code columns} columns c1..cN of no declared type (values keep their storage class). */
    private static String wide(int columns, String extraTable) {
        StringBuilder y = new StringBuilder("name: v\ntables:\n  items:\n    columns:\n"
                + "      id: {type: INTEGER, primaryKey: true}\n");
        for (int i = 1; i <= columns; i++) {
            y.append("      c").append(i).append(": {}\n");
        }
        return y + extraTable;
    }

    private static final String TAGS = "  tags:\n    columns:\n      id: {type: INTEGER, primaryKey: true}\n";

    /**
     * 101 columns: one more than a call of the checksum function takes, so verify hashes them in groups
     * and the last group holds the last column alone. Every storage class is in the grouped columns.
     */
    private HotProject migratedWide() throws Exception {
        HotProject p = HotProject.bootstrap(Files.createDirectory(base.resolve("app")), wide(100, ""), "WAL");
        try (Db db = p.open()) {
            db.exec("INSERT INTO items (id, c1, c50, c99, c100) VALUES (1, 1, 2.5, 'text', x'0102'), "
                    + "(2, 2, 3.5, 'more', x'0304')");
        }
        p.migrate(wide(100, TAGS));
        return p;
    }

    @Test
    void aTableWiderThanOneChecksumCallVerifiesEqual() throws Exception {
        HotProject p = migratedWide();
        VerifyResult r = Mig.verify(Project.at(p.dir, null));
        assertTrue(r.equal(), r.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UPDATE items SET c1 = 3 WHERE id = 2", "UPDATE items SET c50 = 4.5 WHERE id = 2",
            "UPDATE items SET c99 = 'mord' WHERE id = 2", "UPDATE items SET c100 = x'0305' WHERE id = 2"})
    void aDifferenceOfAnyStorageClassInAWideTableIsFoundUpToItsLastColumn(String update) throws Exception {
        HotProject p = migratedWide();
        try (Db n = Db.open(p.newDb())) {
            n.exec(update);
        }
        VerifyResult r = Mig.verify(Project.at(p.dir, null));
        assertFalse(r.tables().get(0).equal(), r.toString());
    }
    @Test
    void aNewTableIsEqualWhileEmptyAndDifferentOnceItHoldsARowTheOldDatabaseNeverHad() throws Exception {
        HotProject p = migratedWide();
        assertTrue(Mig.verify(Project.at(p.dir, null)).equal());
        try (Db n = Db.open(p.newDb())) {
            n.exec("INSERT INTO tags VALUES (1)");
        }
        VerifyResult r = Mig.verify(Project.at(p.dir, null));
        TableVerdict tags = r.tables().stream().filter(t -> t.table().equals("tags")).findFirst().orElseThrow();
        assertFalse(tags.equal());
        assertEquals(1, tags.newRows());
    }
}
