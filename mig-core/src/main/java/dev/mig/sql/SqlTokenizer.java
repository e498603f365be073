package dev.mig.sql;

import dev.mig.sql.Token.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQLite SQL into tokens the way SQLite's own tokenizer does (tokenize.c): comments and white
 * space are dropped, quoted identifiers and strings keep their exact text.
 *
 * <p>Stored CREATE statements are parsed with this rather than with keyword searches, because names
 * and string literals may contain any keyword, quote or parenthesis.
 */
public final class SqlTokenizer {

    private final String sql;
    private int pos;

    private SqlTokenizer(String sql) {
        this.sql = sql;
    }

    /** Tokenizes {@code sql}; throws {@link SqlSyntaxException} for an unterminated string, identifier or comment. */
    public static List<Token> tokenize(String sql) {
        return new SqlTokenizer(sql).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= sql.length()) {
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipSpaceAndComments() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (sql.startsWith("--", pos)) {
                int eol = sql.indexOf('\n', pos);
                pos = eol < 0 ? sql.length() : eol + 1;
            } else if (sql.startsWith("/*", pos)) {
                int end = sql.indexOf("*/", pos + 2);
                // SQLite accepts an unterminated block comment at the end of input.
                pos = end < 0 ? sql.length() : end + 2;
            } else {
                return;
            }
        }
    }

    private Token next() {
        int start = pos;
        char c = sql.charAt(pos);
        if (c == '\'') {
            return quoted(Type.STRING, '\'', '\'', start);
        }
        if (c == '"') {
            return quoted(Type.QUOTED_ID, '"', '"', start);
        }
        if (c == '`') {
            return quoted(Type.QUOTED_ID, '`', '`', start);
        }
        if (c == '[') {
            int end = sql.indexOf(']', pos + 1);
            if (end < 0) {
                throw new SqlSyntaxException("unterminated [identifier] starting at offset " + start);
            }
            pos = end + 1;
            return new Token(Type.QUOTED_ID, sql.substring(start, pos), start);
        }
        if ((c == 'x' || c == 'X') && pos + 1 < sql.length() && sql.charAt(pos + 1) == '\'') {
            pos++;
            Token hex = quoted(Type.STRING, '\'', '\'', pos);
            return new Token(Type.BLOB, c + hex.text(), start);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < sql.length() && Character.isDigit(sql.charAt(pos + 1)))) {
            return number(start);
        }
        if (isWordStart(c)) {
            while (pos < sql.length() && isWordPart(sql.charAt(pos))) {
                pos++;
            }
            return new Token(Type.WORD, sql.substring(start, pos), start);
        }
        if (c == '?' || c == ':' || c == '@' || c == '$') {
            pos++;
            while (pos < sql.length() && isWordPart(sql.charAt(pos))) {
                pos++;
            }
            return new Token(Type.VARIABLE, sql.substring(start, pos), start);
        }
        return symbol(start);
    }

    private Token quoted(Type type, char open, char close, int start) {
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos++);
            if (c == close) {
                if (pos < sql.length() && sql.charAt(pos) == close) {
                    pos++;
                } else {
                    return new Token(type, sql.substring(start, pos), start);
                }
            }
        }
        throw new SqlSyntaxException("unterminated " + open + "..." + close + " starting at offset " + start);
    }

    private Token number(int start) {
        if (sql.startsWith("0x", pos) || sql.startsWith("0X", pos)) {
            pos += 2;
            while (pos < sql.length() && isHexDigit(sql.charAt(pos))) {
                pos++;
            }
            return new Token(Type.NUMBER, sql.substring(start, pos), start);
        }
        digits();
        if (pos < sql.length() && sql.charAt(pos) == '.') {
            pos++;
            digits();
        }
        if (pos < sql.length() && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
            int mark = pos++;
            if (pos < sql.length() && (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                digits();
            } else {
                pos = mark;
            }
        }
        return new Token(Type.NUMBER, sql.substring(start, pos), start);
    }

    private void digits() {
        while (pos < sql.length() && (Character.isDigit(sql.charAt(pos)) || sql.charAt(pos) == '_')) {
            pos++;
        }
    }

    private static final String[] SYMBOLS = {"->>", "||", "->", "<<", ">>", "<=", ">=", "==", "!=", "<>"};

    private Token symbol(int start) {
        for (String s : SYMBOLS) {
            if (sql.startsWith(s, pos)) {
                pos += s.length();
                return new Token(Type.SYMBOL, s, start);
            }
        }
        pos++;
        return new Token(Type.SYMBOL, sql.substring(start, pos), start);
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c >= 0x80;
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || Character.isDigit(c) || c == '$';
    }

    private static boolean isHexDigit(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
