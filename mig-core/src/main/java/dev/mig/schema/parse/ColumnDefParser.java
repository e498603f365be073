package dev.mig.schema.parse;

import dev.mig.schema.Column;
import dev.mig.schema.Generated;
import dev.mig.schema.PrimaryKey;
import dev.mig.schema.SchemaDdl;
import dev.mig.schema.UniqueKey;
import dev.mig.sql.Sql;
import dev.mig.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One column definition of a CREATE TABLE: name, type name and column constraints. Column-level
 * PRIMARY KEY, UNIQUE, CHECK and REFERENCES go to the table's lists, as the model wants them.
 */
final class ColumnDefParser {

    /** Words that end a type name because a column constraint starts. */
    private static final Set<String> CONSTRAINT_STARTS = Set.of("CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE",
            "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS");

    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final TokenCursor c;
    private final CreateTableParser.Parts parts;
    private final String name;
    private boolean notNull;
    private String defaultExpr;
    private String collate;
    private Generated generated;
    private String constraintName;

    private ColumnDefParser(TokenCursor c, CreateTableParser.Parts parts, String name) {
        this.c = c;
        this.parts = parts;
        this.name = name;
    }

    static void parse(TokenCursor c, CreateTableParser.Parts parts) {
        String name = c.name();
        StringBuilder spelled = new StringBuilder();
        String type = typeName(c, spelled);
        new ColumnDefParser(c, parts, name).constraints(type, SchemaDdl.spelledType(spelled.toString()));
    }

    private void constraints(String type, String spelledType) {
        while (!c.atEnd() && !c.peekSymbol(",") && !c.peekSymbol(")")) {
            if (c.acceptWords("CONSTRAINT")) {
                constraintName = c.name();
            } else {
                constraint();
                constraintName = null;
            }
        }
        parts.columns.add(new Column(name, type, notNull, defaultExpr, collate, generated, null, null, spelledType));
    }

    private void constraint() {
        if (c.acceptWords("PRIMARY", "KEY")) {
            primaryKey();
        } else if (c.acceptWords("NOT", "NULL")) {
            notNull = true;
            parts.conflictClause(c, "NOT NULL of column " + name);
        } else if (c.acceptWords("NULL")) {
            parts.conflictClause(c, "NULL of column " + name);
        } else if (c.acceptWords("UNIQUE")) {
            parts.uniques.add(new UniqueKey(List.of(name)));
            parts.conflictClause(c, "UNIQUE of column " + name);
        } else if (c.acceptWords("CHECK")) {
            parts.check(constraintName, c.parenthesized(), name);
        } else if (c.acceptWords("DEFAULT")) {
            defaultExpr = defaultValue();
        } else if (c.acceptWords("COLLATE")) {
            collate = columnCollation(c.name());
        } else if (c.peekWord("REFERENCES")) {
            parts.foreignKeys.add(ForeignKeyClauseParser.parse(c, List.of(name)));
        } else if (c.acceptWords("GENERATED", "ALWAYS", "AS") || c.acceptWords("AS")) {
            generated();
        } else {
            throw c.error("a column constraint");
        }
    }

    private void primaryKey() {
        boolean desc = c.acceptWords("DESC");
        if (!desc) {
            c.acceptWords("ASC");
        }
        parts.conflictClause(c, "PRIMARY KEY of column " + name);
        boolean autoincrement = c.acceptWords("AUTOINCREMENT");
        parts.columnPrimaryKey = new PrimaryKey(List.of(name), desc, autoincrement);
    }

    /** {@code DEFAULT} takes a literal, a signed number, an identifier (a string to SQLite) or {@code (expr)}. */
    private String defaultValue() {
        if (c.peekSymbol("(")) {
            return Sql.canonicalDefault("(" + Sql.join(c.parenthesized()) + ")");
        }
        if (c.peekSymbol("-") || c.peekSymbol("+")) {
            String sign = c.next().text();
            return Sql.canonicalDefault(sign + c.next().text());
        }
        return Sql.canonicalDefault(c.next().text());
    }

    private void generated() {
        String expr = Sql.canonicalExpr(Sql.join(c.parenthesized()));
        boolean stored = c.acceptWords("STORED");
        if (!stored) {
            c.acceptWords("VIRTUAL");
        }
        generated = new Generated(expr, stored);
    }

    /** The built-in collations in upper case; BINARY, the default, as null. */
    static String columnCollation(String name) {
        String canonical = termCollation(name);
        return "BINARY".equals(canonical) ? null : canonical;
    }

    /** The built-in collations in upper case, others as written. */
    static String termCollation(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return Set.of("BINARY", "NOCASE", "RTRIM").contains(upper) ? upper : name;
    }

    /**
     * {@code typename [( signed [, signed] )]}: words up to the first constraint keyword. A quoted
     * word is unquoted ({@code "integer"} is INTEGER to SQLite, and a rowid alias).
     */
    private static String typeName(TokenCursor c, StringBuilder spelled) {
        List<String> words = new ArrayList<>();
        List<Token> raw = new ArrayList<>();
        while (c.peek() != null && isTypeWord(c.peek())) {
            Token t = c.next();
            raw.add(t);
            boolean quoted = t.type() != Token.Type.WORD;
            words.add(quoted && PLAIN_WORD.matcher(t.nameValue()).matches() ? t.nameValue() : t.text());
        }
        if (!words.isEmpty() && c.peekSymbol("(")) {
            raw.add(c.peek());
            List<Token> inner = c.parenthesized();
            raw.addAll(inner);
            words.add("(" + Sql.join(inner) + ")");
            spelled.append(spaced(raw)).append(')');
        } else {
            spelled.append(spaced(raw));
        }
        return SchemaDdl.canonicalType(String.join(" ", words));
    }

    /** Tokens as they were written: one space wherever the source had white space between two of them. */
    private static String spaced(List<Token> tokens) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (i > 0 && t.start() > tokens.get(i - 1).start() + tokens.get(i - 1).text().length()) {
                out.append(' ');
            }
            out.append(t.text());
        }
        return out.toString();
    }

    private static boolean isTypeWord(Token t) {
        if (t.type() == Token.Type.WORD) {
            return !CONSTRAINT_STARTS.contains(t.text().toUpperCase(Locale.ROOT));
        }
        return t.type() == Token.Type.QUOTED_ID || t.type() == Token.Type.STRING;
    }
}
