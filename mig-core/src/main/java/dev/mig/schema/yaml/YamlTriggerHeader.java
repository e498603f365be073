package dev.mig.schema.yaml;

import dev.mig.sql.Sql;
import dev.mig.sql.Token;
import java.util.List;

/**
 * The head of a CREATE TRIGGER statement, read token by token:
 * {@code CREATE [TEMP] TRIGGER [IF NOT EXISTS] [schema.]name [BEFORE|AFTER|INSTEAD OF] event ON table ...}.
 *
 * @param schema the schema qualifier of the name, or null
 * @param event     DELETE, INSERT or UPDATE
 * @param nameIndex where the (unqualified) trigger name is in the tokens
 */
record YamlTriggerHeader(boolean temp, String schema, String name, String event, String table, int nameIndex) {

    /** Parses the head of {@code tokens}; throws IllegalArgumentException saying what is missing. */
    static YamlTriggerHeader parse(List<Token> tokens) {
        Cursor c = new Cursor(tokens);
        c.expect("CREATE");
        boolean temp = c.accept("TEMP") || c.accept("TEMPORARY");
        c.expect("TRIGGER");
        if (c.accept("IF")) {
            c.expect("NOT");
            c.expect("EXISTS");
        }
        String schema = null;
        int nameIndex = c.i;
        String name = c.name("the trigger name");
        if (c.acceptSymbol(".")) {
            schema = name;
            nameIndex = c.i;
            name = c.name("the trigger name");
        }
        if (!c.accept("BEFORE") && !c.accept("AFTER") && c.accept("INSTEAD")) {
            c.expect("OF");
        }
        String event = c.event();
        if (event.equals("UPDATE") && c.accept("OF")) {
            do {
                c.name("a column name after UPDATE OF");
            } while (c.acceptSymbol(","));
        }
        c.expect("ON");
        String table = c.name("the table name after ON");
        return new YamlTriggerHeader(temp, schema, name, event, table, nameIndex);
    }

    /**
     * The statement as SQLite stores it: {@code CREATE TRIGGER name ...}, without TEMP, IF NOT EXISTS or
     * a schema qualifier, so a declared trigger compares equal to the one read back from a database.
     */
    static String canonical(List<Token> tokens, YamlTriggerHeader header) {
        return "CREATE TRIGGER " + Sql.join(tokens.subList(header.nameIndex(), tokens.size()));
    }

    private static final class Cursor {
        private final List<Token> tokens;
        private int i;

        Cursor(List<Token> tokens) {
            this.tokens = tokens;
        }

        boolean accept(String word) {
            if (i < tokens.size() && tokens.get(i).isWord(word)) {
                i++;
                return true;
            }
            return false;
        }

        boolean acceptSymbol(String symbol) {
            if (i < tokens.size() && tokens.get(i).isSymbol(symbol)) {
                i++;
                return true;
            }
            return false;
        }

        void expect(String word) {
            if (!accept(word)) {
                throw new IllegalArgumentException("expected " + word + " " + found());
            }
        }

        String name(String what) {
            if (i < tokens.size() && tokens.get(i).isName()) {
                return tokens.get(i++).nameValue();
            }
            throw new IllegalArgumentException("expected " + what + " " + found());
        }

        String event() {
            for (String e : List.of("DELETE", "INSERT", "UPDATE")) {
                if (accept(e)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("expected DELETE, INSERT or UPDATE " + found());
        }

        private String found() {
            return i < tokens.size() ? "but found '" + tokens.get(i).text() + "'" : "but the statement ended";
        }
    }
}
