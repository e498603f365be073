package dev.mig.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mig.sql.Token.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTokenizerTest {

    private static List<String> texts(String sql) {
        return SqlTokenizer.tokenize(sql).stream().map(Token::text).toList();
    }

    @Test
    void quotedIdentifiersKeepDoubledQuotes() {
        Token t = SqlTokenizer.tokenize("\"a \"\"b\"\"\"").get(0);

        assertEquals(Type.QUOTED_ID, t.type());
        assertEquals("a \"b\"", t.nameValue());
    }

    @Test
    void bracketIdentifierEndsAtTheFirstClosingBracket() {
        assertEquals(List.of("[a\"b]", "]"), texts("[a\"b]]"));
    }

    @Test
    void commentsAreDroppedEvenUnterminatedAtTheEnd() {
        assertEquals(List.of("a", "b"), texts("a -- one\n/* two */ b /* open"));
    }

    @Test
    void multiCharacterOperatorsAreOneToken() {
        assertEquals(List.of("a", "->>", "'$.x'", "||", "b", "<>", "c", "!=", "d"), texts("a->>'$.x'||b<>c!=d"));
    }

    @Test
    void numbersOfEveryForm() {
        assertEquals(List.of("1", "2.5", ".5", "1e10", "3E-2", "0x1F", "1_000"), texts("1 2.5 .5 1e10 3E-2 0x1F 1_000"));
    }

    @Test
    void blobLiteralIsOneToken() {
        Token t = SqlTokenizer.tokenize("x'CAFE'").get(0);

        assertEquals(Type.BLOB, t.type());
        assertEquals("x'CAFE'", t.text());
    }

    @Test
    void unicodeWordsAreWords() {
        assertEquals(Type.WORD, SqlTokenizer.tokenize("größe").get(0).type());
    }

    @Test
    void unterminatedStringIsASyntaxError() {
        assertThrows(SqlSyntaxException.class, () -> SqlTokenizer.tokenize("'abc"));
    }
}
