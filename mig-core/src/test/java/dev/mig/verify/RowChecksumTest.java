package dev.mig.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checksum verify relies on: any single changed value, storage class or column position changes it;
 * row order does not. Values are given as SQL so each keeps its exact storage class.
 */
class RowChecksumTest {

    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlite::memory:");
        RowChecksum.register(c);
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    /** mig_checksum over the rows of {@code values} (a VALUES list). */
    private long checksum(String values) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT mig_checksum(column1, column2) FROM (VALUES " + values + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everySingleValueThatDiffersGivesADifferentChecksum() throws SQLException {
        // Neighbouring integers, storage classes of "the same" value, text differing in one bit, in
        // length, or after an embedded NUL, and the empty values: all pairwise distinct.
        List<String> values = List.of("0", "1", "2", "3", "-1", "4294967296", "9223372036854775807", "1.0", "1.5",
                "0.0", "-0.0", "'1'", "x'31'", "'a'", "'b'", "'c'", "'ab'", "'ba'", "'a' || char(0) || 'b'",
                "'a' || char(0) || 'c'", "''", "x''", "x'00'", "NULL");
        Set<Long> seen = new HashSet<>();
        List<String> collisions = new ArrayList<>();
        for (String v : values) {
            if (!seen.add(checksum("(" + v + ", 7)"))) {
                collisions.add(v);
            }
        }
        assertEquals(List.of(), collisions, "values whose checksum an earlier value already had");
    }

    @Test
    void aValueCountsByItsColumn() throws SQLException {
        assertNotEquals(checksum("(1, 2)"), checksum("(2, 1)"));
        assertNotEquals(checksum("('x', NULL)"), checksum("(NULL, 'x')"));
    }

    @Test
    void rowOrderDoesNotMatterButEveryRowDoes() throws SQLException {
        assertEquals(checksum("(1, 'a'), (2, 'b'), (3, 'c')"), checksum("(3, 'c'), (1, 'a'), (2, 'b')"));
        assertNotEquals(checksum("(1, 'a'), (2, 'b')"), checksum("(1, 'a'), (2, 'b'), (2, 'b')"));
        assertNotEquals(checksum("(1, 'a'), (2, 'b')"), checksum("(1, 'a'), (2, 'c')"));
    }
}
