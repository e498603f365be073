package dev.mig.schema.parse;

import dev.mig.schema.View;
import dev.mig.sql.Sql;
import java.util.List;

/** Parses a stored CREATE VIEW statement: name, optional column-name list, canonical SELECT. */
public final class CreateViewParser {
    private CreateViewParser() {
    }

    public static View parse(String sql) {
        TokenCursor c = TokenCursor.of(sql);
        c.expectWords("CREATE");
        if (!c.acceptWords("TEMP")) {
            c.acceptWords("TEMPORARY");
        }
        c.expectWords("VIEW");
        c.acceptWords("IF", "NOT", "EXISTS");
        String name = c.qualifiedName();
        List<String> columns = c.peekSymbol("(") ? TokenCursor.names(c.parenthesized()) : List.of();
        c.expectWords("AS");
        return new View(name, columns, Sql.join(c.rest()));
    }
}
