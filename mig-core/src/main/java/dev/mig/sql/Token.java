package dev.mig.sql;

/** One lexical token of SQLite SQL, with its exact source text and where it starts. */
public record Token(Type type, String text, int start) {

    public enum Type {
        /** A bare word: a keyword or an unquoted identifier. */
        WORD,
        /** An identifier in "double quotes", [brackets] or `backticks`. */
        QUOTED_ID,
        /** A 'string literal'. */
        STRING,
        /** An X'hex' blob literal. */
        BLOB,
        NUMBER,
        /** A parameter: ?, ?1, :name, @name, $name. */
        VARIABLE,
        /** Any operator or punctuation: ( ) , ; . + - || -> etc. */
        SYMBOL
    }

    public boolean isWord(String word) {
        return type == Type.WORD && text.equalsIgnoreCase(word);
    }

    public boolean isSymbol(String symbol) {
        return type == Type.SYMBOL && text.equals(symbol);
    }

    /** True for a token that can name something: a bare word or a quoted identifier (or a legacy 'string' name). */
    public boolean isName() {
        return type == Type.WORD || type == Type.QUOTED_ID || type == Type.STRING;
    }

    /** The name this token denotes, with quotes removed and doubled quote characters undone. */
    public String nameValue() {
        switch (type) {
            case QUOTED_ID:
                char open = text.charAt(0);
                String inner = text.substring(1, text.length() - 1);
                if (open == '[') {
                    return inner;
                }
                String q = String.valueOf(open);
                return inner.replace(q + q, q);
            case STRING:
                return text.substring(1, text.length() - 1).replace("''", "'");
            default:
                return text;
        }
    }
}
