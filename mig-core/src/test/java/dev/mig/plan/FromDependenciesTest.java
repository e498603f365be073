package dev.mig.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FromDependenciesTest {

    private static FromDependencies of(String expr) {
        return FromDependencies.of(expr);
    }

    @Test
    void anExpressionOverItsOwnRowReadsNothingElse() {
        FromDependencies d = of("upper(\"select\") || ' FROM users' || length(body)");
        assertFalse(d.readsOtherRows());
        assertEquals(List.of(), d.tablesRead());
        assertEquals(List.of(), d.volatileCalls());
    }

    @Test
    void aScalarSubqueryReadsTheTableItNames() {
        FromDependencies d = of("(SELECT email FROM users u WHERE u.id = articles.user_id)");
        assertTrue(d.readsOtherRows());
        assertEquals(List.of("users"), d.tablesRead());
    }

    @Test
    void subqueriesNestedInParenthesesExistsAndInAreFound() {
        assertEquals(List.of("users"), of("coalesce(((SELECT email FROM \"users\" WHERE id = user_id)), '')").tablesRead());
        assertEquals(List.of("bans"), of("NOT EXISTS (SELECT 1 FROM bans WHERE bans.uid = user_id)").tablesRead());
        assertEquals(List.of("vip"), of("CASE WHEN user_id IN (SELECT id FROM main.vip) THEN 1 ELSE 0 END").tablesRead());
    }

    @Test
    void joinsAndCommaJoinsNameEveryTable() {
        assertEquals(List.of("a", "b", "c", "d"), of("(SELECT count(*) FROM a JOIN b ON a.x = b.x, c "
                + "LEFT JOIN d USING (y) WHERE a.z = t.z)").tablesRead());
    }

    @Test
    void inATableNameReadsThatTable() {
        FromDependencies d = of("user_id NOT IN banned_users");
        assertTrue(d.readsOtherRows());
        assertEquals(List.of("banned_users"), d.tablesRead());
    }

    @Test
    void aSubqueryOverATableValuedFunctionStillCountsButNamesNoTable() {
        FromDependencies d = of("(SELECT group_concat(value) FROM json_each(tags))");
        assertTrue(d.readsOtherRows(), "any subquery is refused hot: mig does not prove it reads only its row");
        assertEquals(List.of(), d.tablesRead());
    }

    @Test
    void isDistinctFromIsAComparisonNotATable() {
        FromDependencies d = of("a IS NOT DISTINCT FROM b");
        assertFalse(d.readsOtherRows());
        assertEquals(List.of(), d.tablesRead());
    }

    @Test
    void randomAndTheClockAreVolatile() {
        assertEquals(List.of("random()"), of("abs(random()) % 10").volatileCalls());
        assertEquals(List.of("datetime() with 'now'"), of("datetime('now', '-1 day')").volatileCalls());
        assertEquals(List.of("date() with 'now'"), of("date()").volatileCalls());
        assertEquals(List.of("CURRENT_TIMESTAMP"), of("coalesce(created, current_timestamp)").volatileCalls());
        assertEquals(List.of("strftime() with 'now'"), of("strftime('%s', 'NOW')").volatileCalls());
    }

    @Test
    void strftimeWithOnlyAFormatReadsTheClock() {
        assertEquals(List.of("strftime() with 'now'"), of("strftime('%s')").volatileCalls());
        assertEquals(List.of(), of("strftime('%s', created_at)").volatileCalls());
    }

    @Test
    void dateFunctionsOfColumnsAreRepeatable() {
        assertEquals(List.of(), of("datetime(created_at, '+1 day')").volatileCalls());
        assertEquals(List.of(), of("coalesce(note, 'now')").volatileCalls());
    }
}
