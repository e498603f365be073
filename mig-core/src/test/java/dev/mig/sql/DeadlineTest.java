package dev.mig.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A deadline stops a statement that is still running when it passes, and only then. */
class DeadlineTest {

    /** Counts to a number SQLite needs minutes for. */
    private static final String ENDLESS = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
            + "WHERE i < 5000000000) SELECT count(*) FROM n";

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aStatementStillRunningAtTheDeadlineIsInterrupted() throws Exception {
        try (Connection c = SqliteFiles.openMemory();
             Deadline d = Deadline.on(c, System.nanoTime(), 50);
             Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(ENDLESS).close());
            assertTrue(d.interrupted(e), e.getMessage());
            assertThrows(Deadline.Exceeded.class, d::check);
        }
    }

    @Test
    void workBeforeTheDeadlineRunsAndAClosedDeadlineStopsNothing() throws Exception {
        try (Connection c = SqliteFiles.openMemory(); Statement s = c.createStatement()) {
            String sql = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
                    + "SELECT count(*) FROM n";
            try (Deadline d = Deadline.on(c, System.nanoTime(), Long.MAX_VALUE)) {
                d.check();
                assertEquals(100_000, count(s, sql));
            }
            Deadline past = Deadline.on(c, System.nanoTime(), 0);
            past.close();
            assertEquals(100_000, count(s, sql));
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
