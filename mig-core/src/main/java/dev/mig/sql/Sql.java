package dev.mig.sql;

import dev.mig.sql.Token.Type;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one place where SQL text is quoted and expressions are brought to canonical form.
 *
 * <p>Identifiers are always quoted here, so no name (spaces, quotes, keywords, unicode) is ever
 * concatenated raw. Expressions are canonicalised token by token, so that
 * a declared expression and the same expression read back from a live database compare equal
 * whatever their white space, comments, keyword case or identifier-quote style.
 */
public final class Sql {

    private Sql() {
    }

    /**
     * {@code name} as a quoted SQLite identifier: {@code "a ""b"""}. Always quoted, whatever the name:
     * a bare word could be a keyword in some future SQLite, and quoting costs nothing.
     */
    public static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * {@code name} for a message to a person: bare when it is a plain word that is not a keyword
     * ({@code users}), quoted otherwise ({@code "full name"}). Never use it to build SQL.
     */
    public static String display(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") && !isKeyword(name) ? name : ident(name);
    }

    /** Comma-separated {@link #display} names. */
    public static String displays(List<String> names) {
        return String.join(", ", names.stream().map(Sql::display).toList());
    }

    /** {@code schema.name}, both quoted. */
    public static String ident(String schema, String name) {
        return ident(schema) + "." + ident(name);
    }

    /** {@code value} as an SQL string literal. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Comma-separated quoted identifiers. */
    public static String idents(List<String> names) {
        StringBuilder out = new StringBuilder();
        for (String n : names) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(ident(n));
        }
        return out.toString();
    }

    /**
     * The canonical text of an expression or statement: tokens re-joined with normalised spacing,
     * keywords upper-cased, [bracket] and `backtick` identifiers rewritten as "double-quoted".
     * String literals, numbers and identifier case are kept exactly.
     */
    public static String canonical(String sql) {
        return join(SqlTokenizer.tokenize(sql));
    }

    /**
     * Like {@link #canonical} but drops parentheses that enclose the whole expression: {@code (0)} is
     * {@code 0}. Those of a scalar subquery stay: {@code (SELECT ...)} without them is a statement.
     */
    public static String canonicalExpr(String sql) {
        return join(withoutEnclosingParens(SqlTokenizer.tokenize(sql)));
    }

    private static List<Token> withoutEnclosingParens(List<Token> tokens) {
        while (enclosedInParens(tokens) && !startsQuery(tokens.subList(1, tokens.size() - 1))) {
            tokens = tokens.subList(1, tokens.size() - 1);
        }
        return tokens;
    }

    /** True when {@code tokens} begin a query (SELECT, WITH ... SELECT, VALUES), not an expression. */
    public static boolean startsQuery(List<Token> tokens) {
        return !tokens.isEmpty() && (tokens.get(0).isWord("SELECT") || tokens.get(0).isWord("WITH")
                || tokens.get(0).isWord("VALUES"));
    }

    /**
     * The canonical text of a column DEFAULT: {@link #canonicalExpr}, except that a lone identifier
     * ({@code DEFAULT active}, {@code DEFAULT "active"}) becomes the string literal it means to SQLite
     * ({@code 'active'}). SQLite rejects the identifier once it is put in parentheses, so it must
     * never be rendered back as an identifier. {@code true} and {@code false} are upper-cased.
     */
    public static String canonicalDefault(String sql) {
        List<Token> tokens = withoutEnclosingParens(SqlTokenizer.tokenize(sql));
        if (tokens.size() == 1 && isBareIdentifier(tokens.get(0))) {
            return literal(tokens.get(0).nameValue());
        }
        if (tokens.size() == 1 && (tokens.get(0).isWord("TRUE") || tokens.get(0).isWord("FALSE"))) {
            // Not keywords, so canonical() keeps their case; a DEFAULT has no column they could name.
            return tokens.get(0).text().toUpperCase(Locale.ROOT);
        }
        return join(tokens);
    }

    private static boolean isBareIdentifier(Token t) {
        if (t.type() == Type.QUOTED_ID) {
            return true;
        }
        return t.type() == Type.WORD && !Set.of("NULL", "TRUE", "FALSE", "CURRENT_DATE", "CURRENT_TIME",
                "CURRENT_TIMESTAMP").contains(t.text().toUpperCase(Locale.ROOT));
    }

    /** True when the first token is "(" and its matching ")" is the last token. */
    public static boolean enclosedInParens(List<Token> tokens) {
        if (tokens.size() < 2 || !tokens.get(0).isSymbol("(") || !tokens.get(tokens.size() - 1).isSymbol(")")) {
            return false;
        }
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
                if (depth == 0 && i < tokens.size() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    /** Joins tokens into canonical text; see {@link #canonical}. */
    public static String join(List<Token> tokens) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (i > 0 && spaceBetween(i > 1 ? tokens.get(i - 2) : null, tokens.get(i - 1), t)) {
                out.append(' ');
            }
            out.append(canonicalText(t));
        }
        return out.toString();
    }

    private static String canonicalText(Token t) {
        if (t.type() == Type.WORD && isKeyword(t.text())) {
            return t.text().toUpperCase(Locale.ROOT);
        }
        if (t.type() == Type.QUOTED_ID && t.text().charAt(0) != '"') {
            return "\"" + t.nameValue().replace("\"", "\"\"") + "\"";
        }
        if (t.type() == Type.BLOB) {
            return "X" + t.text().substring(1);
        }
        return t.text();
    }

    private static boolean spaceBetween(Token beforePrev, Token prev, Token next) {
        if (prev.isSymbol("(") || prev.isSymbol(".") || next.isSymbol(")") || next.isSymbol(",")
                || next.isSymbol(".") || next.isSymbol(";")) {
            return false;
        }
        if (prev.isSymbol("-") && next.isSymbol("-")) {
            // Two minus signs written together would start a "--" comment.
            return true;
        }
        if ((prev.isSymbol("-") || prev.isSymbol("+")) && isUnaryPosition(beforePrev)) {
            return false;
        }
        if (next.isSymbol("(")) {
            // A function call keeps its name and parenthesis together; keywords (IN, AND, AS ...) do not.
            boolean functionName = prev.type() == Type.QUOTED_ID
                    || (prev.type() == Type.WORD && (!isKeyword(prev.text()) || FUNCTION_KEYWORDS.contains(
                            prev.text().toUpperCase(Locale.ROOT))));
            return !functionName;
        }
        return true;
    }

    /** A sign is unary when nothing that ends an operand stands before it. */
    private static boolean isUnaryPosition(Token beforeSign) {
        if (beforeSign == null) {
            return true;
        }
        if (beforeSign.type() == Type.SYMBOL) {
            return !beforeSign.isSymbol(")");
        }
        return beforeSign.type() == Type.WORD && isKeyword(beforeSign.text())
                && !Set.of("NULL", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "END")
                        .contains(beforeSign.text().toUpperCase(Locale.ROOT));
    }

    /** Keywords that are also written as function calls. */
    private static final Set<String> FUNCTION_KEYWORDS = Set.of("CAST", "RAISE", "REPLACE", "GLOB", "LIKE");

    /** True if {@code word} is one of SQLite's keywords (case-insensitive). */
    public static boolean isKeyword(String word) {
        return KEYWORDS.contains(word.toUpperCase(Locale.ROOT));
    }

    /** The affinity SQLite gives a declared type (datatype3.html, section 3.1). */
    public static String affinity(String declaredType) {
        String t = declaredType == null ? "" : declaredType.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return "INTEGER";
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return "TEXT";
        }
        if (t.contains("BLOB") || t.isBlank()) {
            return "BLOB";
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return "REAL";
        }
        return "NUMERIC";
    }

    /** SQLite's keyword list (lang_keywords.html). */
    private static final Set<String> KEYWORDS = Set.of(
            "ABORT", "ACTION", "ADD", "AFTER", "ALL", "ALTER", "ALWAYS", "ANALYZE", "AND", "AS", "ASC",
            "ATTACH", "AUTOINCREMENT", "BEFORE", "BEGIN", "BETWEEN", "BY", "CASCADE", "CASE", "CAST",
            "CHECK", "COLLATE", "COLUMN", "COMMIT", "CONFLICT", "CONSTRAINT", "CREATE", "CROSS", "CURRENT",
            "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "DATABASE", "DEFAULT", "DEFERRABLE",
            "DEFERRED", "DELETE", "DESC", "DETACH", "DISTINCT", "DO", "DROP", "EACH", "ELSE", "END",
            "ESCAPE", "EXCEPT", "EXCLUDE", "EXCLUSIVE", "EXISTS", "EXPLAIN", "FAIL", "FILTER", "FIRST",
            "FOLLOWING", "FOR", "FOREIGN", "FROM", "FULL", "GENERATED", "GLOB", "GROUP", "GROUPS", "HAVING",
            "IF", "IGNORE", "IMMEDIATE", "IN", "INDEX", "INDEXED", "INITIALLY", "INNER", "INSERT", "INSTEAD",
            "INTERSECT", "INTO", "IS", "ISNULL", "JOIN", "KEY", "LAST", "LEFT", "LIKE", "LIMIT", "MATCH",
            "MATERIALIZED", "NATURAL", "NO", "NOT", "NOTHING", "NOTNULL", "NULL", "NULLS", "OF", "OFFSET",
            "ON", "OR", "ORDER", "OTHERS", "OUTER", "OVER", "PARTITION", "PLAN", "PRAGMA", "PRECEDING",
            "PRIMARY", "QUERY", "RAISE", "RANGE", "RECURSIVE", "REFERENCES", "REGEXP", "REINDEX", "RELEASE",
            "RENAME", "REPLACE", "RESTRICT", "RETURNING", "RIGHT", "ROLLBACK", "ROW", "ROWS", "SAVEPOINT",
            "SELECT", "SET", "TABLE", "TEMP", "TEMPORARY", "THEN", "TIES", "TO", "TRANSACTION", "TRIGGER",
            "UNBOUNDED", "UNION", "UNIQUE", "UPDATE", "USING", "VACUUM", "VALUES", "VIEW", "VIRTUAL", "WHEN",
            "WHERE", "WINDOW", "WITH", "WITHOUT");
}
