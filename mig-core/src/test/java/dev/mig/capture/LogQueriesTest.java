package dev.mig.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The reads of the change log that capture hands replay, as SQL text. */
class LogQueriesTest {

    @Test
    void theKeysOfOneTablesEntriesInARangeAreItsKeyColumns() {
        assertEquals("SELECT k1, k2 FROM \"main\".\"_migration_log\" WHERE seq > ? AND seq <= ? AND tbl = ?",
                Capture.loggedKeysSql(2));
    }

    @Test
    void theTablesARangeNamesAreDistinct() {
        assertEquals("SELECT DISTINCT tbl FROM \"main\".\"_migration_log\" WHERE seq > ? AND seq <= ?",
                Capture.loggedTablesSql());
    }
}
