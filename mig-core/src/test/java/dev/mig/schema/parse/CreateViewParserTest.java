package dev.mig.schema.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mig.schema.View;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreateViewParserTest {

    @Test
    void columnListAndCanonicalSelect() {
        View v = CreateViewParser.parse("create view if not exists main.[my view] (a, \"b c\") as\n"
                + "  select x,  y -- comment\n from t where x>1");

        assertEquals(new View("my view", List.of("a", "b c"), "SELECT x, y FROM t WHERE x > 1"), v);
    }

    @Test
    void viewWithoutColumnListHasEmptyColumns() {
        assertEquals(List.of(), CreateViewParser.parse("CREATE VIEW v AS SELECT 1").columns());
    }
}
