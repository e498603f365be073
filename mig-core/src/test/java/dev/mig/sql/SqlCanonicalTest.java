package dev.mig.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SqlCanonicalTest {

    @Test
    void commentsAndWhitespaceDoNotMatter() {
        assertEquals("a + b > 1", Sql.canonical("a /* plus */ +\n\tb   -- more\n > 1"));
    }

    @Test
    void keywordsAreUpperCasedAndNamesKeepTheirCase() {
        assertEquals("SELECT MyCol FROM T WHERE x IS NOT NULL", Sql.canonical("select MyCol from T where x is not null"));
    }

    @Test
    void bracketAndBacktickIdentifiersBecomeDoubleQuoted() {
        assertEquals("\"a b\" = \"c\"\"d\"", Sql.canonical("[a b] = `c\"d`"));
    }

    @Test
    void stringLiteralsAreKeptExactly() {
        assertEquals("x = 'It''s  -- not a comment'", Sql.canonical("x='It''s  -- not a comment'"));
    }

    @Test
    void signedNumbersStayTogether() {
        assertEquals("-1", Sql.canonicalExpr("- 1"));
        assertEquals("a - 1", Sql.canonical("a-1"));
        assertEquals("a * -1", Sql.canonical("a*-1"));
    }

    @Test
    void doubleMinusNeverBecomesAComment() {
        assertEquals("SELECT - -1", Sql.canonical("SELECT - -1"));
        assertEquals(3, SqlTokenizer.tokenize(Sql.canonical("- -1")).size());
    }

    @Test
    void enclosingParenthesesAreDroppedFromExpressions() {
        assertEquals("0", Sql.canonicalExpr("(0)"));
        assertEquals("0", Sql.canonicalExpr("((0))"));
        assertEquals("(a) + (b)", Sql.canonicalExpr("(a) + (b)"));
    }

    @Test
    void aScalarSubqueryKeepsItsParentheses() {
        assertEquals("(SELECT email FROM users AS u WHERE u.id = a.uid)",
                Sql.canonicalExpr("(select email from users as u where u.id = a.uid)"));
        assertEquals("(SELECT 1)", Sql.canonicalExpr("((SELECT 1))"));
        assertEquals("(WITH x AS (SELECT 1) SELECT * FROM x)", Sql.canonicalExpr("(WITH x AS (SELECT 1) SELECT * FROM x)"));
        assertEquals("(VALUES (1))", Sql.canonicalExpr("(VALUES (1))"));
    }

    @Test
    void functionCallsKeepTheirParenthesis() {
        assertEquals("lower(trim(x)) IN (1, 2)", Sql.canonical("lower( trim (x) ) in(1,2)"));
    }

    @Test
    void canonicalFormIsStable() {
        String sql = "CREATE TRIGGER t AFTER INSERT ON [x] BEGIN UPDATE x SET a=a+-1 WHERE b<>'q'; END";

        assertEquals(Sql.canonical(sql), Sql.canonical(Sql.canonical(sql)));
    }

    @Test
    void defaultOfALoneIdentifierIsAString() {
        assertEquals("'active'", Sql.canonicalDefault("\"active\""));
        assertEquals("'key'", Sql.canonicalDefault("key"));
        assertEquals("'it''s'", Sql.canonicalDefault("[it's]"));
    }

    @Test
    void defaultLiteralsAndExpressionsStayAsTheyAre() {
        assertEquals("-1", Sql.canonicalDefault("-1"));
        assertEquals("0", Sql.canonicalDefault("(0)"));
        assertEquals("TRUE", Sql.canonicalDefault("true"));
        assertEquals("CURRENT_TIMESTAMP", Sql.canonicalDefault("current_timestamp"));
        assertEquals("datetime('now')", Sql.canonicalDefault("(datetime('now'))"));
    }
}
