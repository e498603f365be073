package dev.mig.schema.parse;

import dev.mig.schema.FkAction;
import dev.mig.schema.ForeignKey;
import java.util.List;

/**
 * The {@code REFERENCES ...} clause shared by column and table constraints: parent, parent columns,
 * ON DELETE / ON UPDATE actions, MATCH (parsed and ignored, as SQLite ignores it), and the
 * deferrable clause, of which only DEFERRABLE INITIALLY DEFERRED changes behaviour.
 */
final class ForeignKeyClauseParser {
    private ForeignKeyClauseParser() {
    }

    static ForeignKey parse(TokenCursor c, List<String> columns) {
        c.expectWords("REFERENCES");
        String refTable = c.name();
        List<String> refColumns = c.peekSymbol("(") ? TokenCursor.names(c.parenthesized()) : List.of();
        FkAction onDelete = null;
        FkAction onUpdate = null;
        boolean deferred = false;
        while (true) {
            if (c.acceptWords("ON", "DELETE")) {
                onDelete = action(c);
            } else if (c.acceptWords("ON", "UPDATE")) {
                onUpdate = action(c);
            } else if (c.acceptWords("MATCH")) {
                c.name();
            } else if (c.acceptWords("NOT", "DEFERRABLE")) {
                initiallyDeferred(c);
            } else if (c.acceptWords("DEFERRABLE")) {
                deferred = initiallyDeferred(c);
            } else {
                return new ForeignKey(columns, refTable, refColumns, onDelete, onUpdate, deferred);
            }
        }
    }

    private static boolean initiallyDeferred(TokenCursor c) {
        if (c.acceptWords("INITIALLY", "DEFERRED")) {
            return true;
        }
        c.acceptWords("INITIALLY", "IMMEDIATE");
        return false;
    }

    private static FkAction action(TokenCursor c) {
        if (c.acceptWords("SET", "NULL")) {
            return FkAction.SET_NULL;
        }
        if (c.acceptWords("SET", "DEFAULT")) {
            return FkAction.SET_DEFAULT;
        }
        if (c.acceptWords("CASCADE")) {
            return FkAction.CASCADE;
        }
        if (c.acceptWords("RESTRICT")) {
            return FkAction.RESTRICT;
        }
        c.expectWords("NO", "ACTION");
        return FkAction.NO_ACTION;
    }
}
