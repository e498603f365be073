package dev.mig.schema.parse;

import dev.mig.sql.Sql;
import dev.mig.sql.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a stored CREATE INDEX statement (lang_createindex.html). Whether a term is a column or an
 * expression is finally SQLite's call (PRAGMA index_xinfo): {@code "x"} is a column when the table has
 * one and a string otherwise, and {@code (x)} is a column.
 */
public final class CreateIndexParser {

    /**
     * @param where canonical WHERE expression, or null
     */
    public record ParsedIndex(String name, String table, boolean unique, List<ParsedTerm> terms, String where) {
        public ParsedIndex {
            terms = List.copyOf(terms);
        }
    }

    /**
     * One indexed term.
     *
     * @param tokens  the term without its COLLATE and ASC/DESC
     * @param collate the term's collation (built-ins upper-cased), or null
     */
    public record ParsedTerm(List<Token> tokens, String collate, boolean desc) {
        public ParsedTerm {
            tokens = List.copyOf(tokens);
        }

        /** The column name when the term is a lone name, else null. */
        public String columnName() {
            return tokens.size() == 1 && tokens.get(0).isName() ? tokens.get(0).nameValue() : null;
        }

        public String expr() {
            return Sql.canonicalExpr(Sql.join(tokens));
        }
    }

    private CreateIndexParser() {
    }

    public static ParsedIndex parse(String sql) {
        TokenCursor c = TokenCursor.of(sql);
        c.expectWords("CREATE");
        boolean unique = c.acceptWords("UNIQUE");
        c.expectWords("INDEX");
        c.acceptWords("IF", "NOT", "EXISTS");
        String name = c.qualifiedName();
        c.expectWords("ON");
        String table = c.name();
        List<ParsedTerm> terms = new ArrayList<>();
        for (List<Token> term : TokenCursor.splitTopLevel(c.parenthesized())) {
            terms.add(term(term));
        }
        String where = c.acceptWords("WHERE") ? Sql.canonicalExpr(Sql.join(c.rest())) : null;
        if (!c.atEnd()) {
            throw c.error("WHERE or the end of the statement");
        }
        return new ParsedIndex(name, table, unique, terms, where);
    }

    static ParsedTerm term(List<Token> tokens) {
        boolean desc = false;
        Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        if (last != null && (last.isWord("ASC") || last.isWord("DESC"))) {
            desc = last.isWord("DESC");
            tokens = tokens.subList(0, tokens.size() - 1);
        }
        tokens = withoutEnclosingParens(tokens);
        int n = tokens.size();
        if (n >= 3 && tokens.get(n - 2).isWord("COLLATE") && tokens.get(n - 1).isName()
                && isOperand(tokens.subList(0, n - 2))) {
            return new ParsedTerm(tokens.subList(0, n - 2),
                    ColumnDefParser.termCollation(tokens.get(n - 1).nameValue()), desc);
        }
        return new ParsedTerm(tokens, null, desc);
    }

    /**
     * True for a term COLLATE can bind to as a whole: a name, a parenthesized expression or a function
     * call. In {@code a + b COLLATE x} the collation belongs to {@code b} only and stays in the expression.
     */
    private static boolean isOperand(List<Token> tokens) {
        if (tokens.size() == 1) {
            return true;
        }
        if (Sql.enclosedInParens(tokens)) {
            return true;
        }
        return tokens.size() >= 3 && tokens.get(0).isName() && Sql.enclosedInParens(tokens.subList(1, tokens.size()));
    }

    private static List<Token> withoutEnclosingParens(List<Token> tokens) {
        while (Sql.enclosedInParens(tokens)) {
            tokens = tokens.subList(1, tokens.size() - 1);
        }
        return tokens;
    }
}
