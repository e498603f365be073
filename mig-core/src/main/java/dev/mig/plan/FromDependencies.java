package dev.mig.plan;

import dev.mig.sql.SqlSyntaxException;
import dev.mig.sql.SqlTokenizer;
import dev.mig.sql.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a {@code from:} expression depends on besides the columns of its own row. A hot migration
 * computes the value when the row is copied and again when capture logs a change to that row; verify
 * computes it once more to compare. A value that also depends on other rows (any subquery, or
 * {@code x IN table}) goes stale when only those rows change, and one that depends on the moment
 * ({@code random()}, {@code 'now'}) never compares equal. Both are fine offline, where each value is
 * computed once from data that no longer changes.
 *
 * <p>Read from tokens, not text, so names and strings that contain keywords are not mistaken for them.
 */
record FromDependencies(boolean readsOtherRows, List<String> tablesRead, List<String> volatileCalls) {

    private static final Set<String> VOLATILE_FUNCTIONS = Set.of("RANDOM", "RANDOMBLOB", "CHANGES",
            "TOTAL_CHANGES", "LAST_INSERT_ROWID");
    /** Date and time functions: volatile when called with 'now' (or with no argument, which means 'now'). */
    private static final Set<String> TIME_FUNCTIONS = Set.of("DATE", "TIME", "DATETIME", "JULIANDAY", "UNIXEPOCH",
            "STRFTIME", "TIMEDIFF");
    private static final Set<String> CURRENT_KEYWORDS = Set.of("CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP");
    /** Words that end a FROM clause at its own depth (a comma after ON still joins another table). */
    private static final Set<String> FROM_CLAUSE_END = Set.of("WHERE", "GROUP", "HAVING", "WINDOW", "ORDER",
            "LIMIT", "UNION", "EXCEPT", "INTERSECT");

    /** The dependencies of {@code expr}; an expression that does not tokenize has none (plan reports it as invalid). */
    static FromDependencies of(String expr) {
        List<Token> tokens;
        try {
            tokens = SqlTokenizer.tokenize(expr);
        } catch (SqlSyntaxException e) {
            return new FromDependencies(false, List.of(), List.of());
        }
        List<String> tables = new ArrayList<>();
        boolean subquery = tokens.stream().anyMatch(t -> t.isWord("SELECT"));
        collectTables(tokens, tables);
        boolean inTable = inTables(tokens, tables);
        return new FromDependencies(subquery || inTable, List.copyOf(tables), volatileCalls(tokens));
    }

    /** Names after FROM, JOIN and the commas of a FROM clause (table-valued functions such as json_each left out). */
    private static void collectTables(List<Token> tokens, List<String> out) {
        Deque<Integer> fromDepths = new ArrayDeque<>();
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
                while (!fromDepths.isEmpty() && fromDepths.peek() > depth) {
                    fromDepths.pop();
                }
            } else if (t.isWord("FROM") && !(i > 0 && tokens.get(i - 1).isWord("DISTINCT"))) {
                fromDepths.push(depth); // IS [NOT] DISTINCT FROM compares; it names no table
                addTable(tokens, i + 1, out);
            } else if (t.isWord("JOIN")
                    || t.isSymbol(",") && !fromDepths.isEmpty() && fromDepths.peek() == depth) {
                addTable(tokens, i + 1, out);
            } else if (t.type() == Token.Type.WORD && FROM_CLAUSE_END.contains(t.text().toUpperCase(Locale.ROOT))
                    && !fromDepths.isEmpty() && fromDepths.peek() == depth) {
                fromDepths.pop();
            }
        }
    }

    /** {@code x [NOT] IN table}: SQLite reads it as {@code x IN (SELECT * FROM table)}. */
    private static boolean inTables(List<Token> tokens, List<String> out) {
        boolean found = false;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("IN") && isName(tokens.get(i + 1))) {
                found |= addTable(tokens, i + 1, out);
            }
        }
        return found;
    }

    /** Adds the (possibly schema-qualified) table name at {@code i}; false for a subquery or a function call. */
    private static boolean addTable(List<Token> tokens, int i, List<String> out) {
        if (i >= tokens.size() || !isName(tokens.get(i))) {
            return false;
        }
        if (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol(".") && isName(tokens.get(i + 2))) {
            i += 2;
        }
        if (i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(")) {
            return false;
        }
        String name = tokens.get(i).nameValue();
        if (!out.contains(name)) {
            out.add(name);
        }
        return true;
    }

    private static boolean isName(Token t) {
        return t.type() == Token.Type.WORD || t.type() == Token.Type.QUOTED_ID;
    }

    /** The calls whose value differs from one evaluation to the next, as written. */
    private static List<String> volatileCalls(List<Token> tokens) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.type() != Token.Type.WORD) {
                continue;
            }
            String word = t.text().toUpperCase(Locale.ROOT);
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
            if (call && VOLATILE_FUNCTIONS.contains(word)) {
                out.add(t.text() + "()");
            } else if (call && TIME_FUNCTIONS.contains(word) && readsClock(tokens, i + 1, word.equals("STRFTIME") ? 1 : 0)) {
                out.add(t.text() + "() with 'now'");
            } else if (!call && CURRENT_KEYWORDS.contains(word)) {
                out.add(word);
            }
        }
        return out;
    }

    /**
     * True when the argument list opening at {@code open} holds the string 'now', or no time value: no
     * more than {@code leadingArgs} arguments (strftime's first argument is its format, so
     * {@code strftime('%s')} reads the clock too).
     */
    private static boolean readsClock(List<Token> tokens, int open, int leadingArgs) {
        int depth = 0;
        int args = 0;
        for (int j = open; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")") && --depth == 0) {
                return (j == open + 1 ? 0 : args + 1) <= leadingArgs;
            } else if (depth == 1 && t.isSymbol(",")) {
                args++;
            } else if (t.type() == Token.Type.STRING && t.nameValue().trim().equalsIgnoreCase("now")) {
                return true;
            }
        }
        return false;
    }
}
