package dev.mig.schema.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.schema.parse.CreateIndexParser.ParsedIndex;
import dev.mig.schema.parse.CreateIndexParser.ParsedTerm;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreateIndexParserTest {

    private static ParsedTerm term(String termSql) {
        return CreateIndexParser.parse("CREATE INDEX i ON t (" + termSql + ")").terms().get(0);
    }

    @Test
    void uniqueIndexWithPartialWhere() {
        ParsedIndex i = CreateIndexParser.parse("create unique index if not exists main.i on t(a) where  a>0 and b is null");

        assertEquals("i", i.name());
        assertEquals("t", i.table());
        assertTrue(i.unique());
        assertEquals("a > 0 AND b IS NULL", i.where());
    }

    @Test
    void columnTermWithCollateAndDesc() {
        ParsedTerm t = term("\"last name\" collate nocase desc");

        assertEquals("last name", t.columnName());
        assertEquals("NOCASE", t.collate());
        assertTrue(t.desc());
    }

    @Test
    void expressionTermIsCanonicalWithoutOuterParentheses() {
        ParsedTerm t = term("(a  +  b) ASC");

        assertNull(t.columnName());
        assertEquals("a + b", t.expr());
        assertFalse(t.desc());
    }

    @Test
    void collateAfterAFunctionCallBelongsToTheTerm() {
        ParsedTerm t = term("lower(name) COLLATE RTRIM");

        assertEquals("lower(name)", t.expr());
        assertEquals("RTRIM", t.collate());
    }

    @Test
    void collateInsideABinaryExpressionStaysInTheExpression() {
        ParsedTerm t = term("a || b COLLATE nocase");

        assertEquals("a || b COLLATE nocase", t.expr());
        assertNull(t.collate());
    }

    @Test
    void commasInsideFunctionCallsDoNotSplitTerms() {
        ParsedIndex i = CreateIndexParser.parse("CREATE INDEX i ON t (substr(a, 1, 2), b DESC)");

        assertEquals(List.of("substr(a, 1, 2)", "b"), i.terms().stream().map(ParsedTerm::expr).toList());
    }

    @Test
    void customCollationKeepsItsSpelling() {
        assertEquals("My_Coll", term("a COLLATE \"My_Coll\"").collate());
    }
}
