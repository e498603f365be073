package dev.mig.schema.parse;

import dev.mig.sql.SqlSyntaxException;
import dev.mig.sql.SqlTokenizer;
import dev.mig.sql.Token;
import java.util.ArrayList;
import java.util.List;

/** A position in a token list, with the small steps a recursive-descent parser of SQLite DDL needs. */
final class TokenCursor {

    private final List<Token> tokens;
    private int pos;

    TokenCursor(List<Token> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    static TokenCursor of(String sql) {
        return new TokenCursor(SqlTokenizer.tokenize(sql));
    }

    boolean atEnd() {
        return pos >= tokens.size();
    }

    /** The token {@code ahead} places on, or null past the end. */
    Token peek(int ahead) {
        int i = pos + ahead;
        return i < tokens.size() ? tokens.get(i) : null;
    }

    Token peek() {
        return peek(0);
    }

    Token next() {
        if (atEnd()) {
            throw error("more input");
        }
        return tokens.get(pos++);
    }

    boolean peekWord(String word) {
        return peek() != null && peek().isWord(word);
    }

    /** Consumes the words if they all come next, in order; otherwise consumes nothing. */
    boolean acceptWords(String... words) {
        for (int i = 0; i < words.length; i++) {
            if (peek(i) == null || !peek(i).isWord(words[i])) {
                return false;
            }
        }
        pos += words.length;
        return true;
    }

    void expectWords(String... words) {
        if (!acceptWords(words)) {
            throw error(String.join(" ", words));
        }
    }

    boolean peekSymbol(String symbol) {
        return peek() != null && peek().isSymbol(symbol);
    }

    boolean acceptSymbol(String symbol) {
        if (peekSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw error("'" + symbol + "'");
        }
    }

    /** A name (bare, quoted, or a legacy 'string'), unquoted. */
    String name() {
        Token t = peek();
        if (t == null || !t.isName()) {
            throw error("a name");
        }
        pos++;
        return t.nameValue();
    }

    /** {@code [schema .] name}: the name, the schema dropped (SQLite stores DDL without it anyway). */
    String qualifiedName() {
        String name = name();
        if (acceptSymbol(".")) {
            name = name();
        }
        return name;
    }

    /** Consumes {@code ( ... )} and returns the tokens inside the matching parentheses. */
    List<Token> parenthesized() {
        expectSymbol("(");
        int start = pos;
        int depth = 1;
        while (depth > 0) {
            Token t = next();
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            }
        }
        return tokens.subList(start, pos - 1);
    }

    /** All tokens left, consumed. */
    List<Token> rest() {
        List<Token> rest = tokens.subList(pos, tokens.size());
        pos = tokens.size();
        return rest;
    }

    /** Splits {@code tokens} at the commas that are outside any parentheses. */
    static List<List<Token>> splitTopLevel(List<Token> tokens) {
        List<List<Token>> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.isSymbol(",")) {
                parts.add(tokens.subList(start, i));
                start = i + 1;
            }
        }
        parts.add(tokens.subList(start, tokens.size()));
        return parts;
    }

    /** A parenthesized list of plain names: {@code (a, "b c")}. */
    static List<String> names(List<Token> inside) {
        List<String> names = new ArrayList<>();
        for (List<Token> part : splitTopLevel(inside)) {
            TokenCursor c = new TokenCursor(part);
            names.add(c.name());
            if (!c.atEnd()) {
                throw c.error("',' or ')'");
            }
        }
        return names;
    }

    SqlSyntaxException error(String expected) {
        Token t = peek();
        String found = t == null ? "the end of the statement" : "'" + t.text() + "' at offset " + t.start();
        return new SqlSyntaxException("expected " + expected + " but found " + found);
    }
}
