package dev.mig.schema.yaml;

import dev.mig.sql.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Shape checks on SQL text taken from schema.yaml. Expressions are pasted into CREATE statements, so a
 * stray ")" or "," could change what the statement declares; these checks keep each one in its place.
 */
final class YamlSql {
    /** Keywords that end a column's type name: each starts a column constraint (AS: a generated column). */
    private static final Set<String> CONSTRAINT_START = Set.of("CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE",
            "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS");

    private YamlSql() {
    }

    /** Why {@code tokens} is not a single expression, or null if its shape is fine. */
    static String exprProblem(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return "is empty";
        }
        int depth = 0;
        for (Token t : tokens) {
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                if (--depth < 0) {
                    return "has a ')' without its '('";
                }
            } else if (t.isSymbol(";")) {
                return "contains ';': it must be one expression, not statements";
            } else if (t.isSymbol(",") && depth == 0) {
                return "contains ',' outside parentheses: it must be one expression";
            }
        }
        return depth == 0 ? null : "has a '(' without its ')'";
    }

    /** Tokens without the trailing semicolons a statement may be written with. */
    static List<Token> withoutTrailingSemicolons(List<Token> tokens) {
        int end = tokens.size();
        while (end > 0 && tokens.get(end - 1).isSymbol(";")) {
            end--;
        }
        return tokens.subList(0, end);
    }

    /**
     * Why {@code tokens} is not a declared type name such as {@code VARCHAR(255)} or {@code UNSIGNED BIG INT},
     * or null. A keyword that starts a constraint would turn the rest into one ({@code TEXT NOT NULL}), so
     * those are refused; other keywords SQLite takes as part of the name ({@code TIMESTAMP WITH TIME ZONE}),
     * and the validator reports the ones it does not.
     */
    static String typeProblem(List<Token> tokens) {
        int i = 0;
        while (i < tokens.size() && tokens.get(i).isName()) {
            if (tokens.get(i).type() == Token.Type.WORD
                    && CONSTRAINT_START.contains(tokens.get(i).text().toUpperCase(Locale.ROOT))) {
                return "contains the SQL keyword " + tokens.get(i).text().toUpperCase(Locale.ROOT);
            }
            i++;
        }
        if (i == 0) {
            return "does not start with a type name";
        }
        if (i == tokens.size()) {
            return null;
        }
        i = sizeArguments(tokens, i);
        return i == tokens.size() ? null : "is not of the form NAME or NAME(size) or NAME(precision, scale)";
    }

    /** Index after {@code (n)} or {@code (n, m)} starting at {@code i}, or -1. */
    private static int sizeArguments(List<Token> tokens, int i) {
        if (!tokens.get(i).isSymbol("(")) {
            return -1;
        }
        i = signedNumber(tokens, i + 1);
        if (i > 0 && i < tokens.size() && tokens.get(i).isSymbol(",")) {
            i = signedNumber(tokens, i + 1);
        }
        return i > 0 && i < tokens.size() && tokens.get(i).isSymbol(")") ? i + 1 : -1;
    }

    private static int signedNumber(List<Token> tokens, int i) {
        if (i < tokens.size() && (tokens.get(i).isSymbol("+") || tokens.get(i).isSymbol("-"))) {
            i++;
        }
        return i < tokens.size() && tokens.get(i).type() == Token.Type.NUMBER ? i + 1 : -1;
    }
}
