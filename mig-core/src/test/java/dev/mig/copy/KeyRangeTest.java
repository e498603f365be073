package dev.mig.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mig.schema.RowKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The key-range conditions the copy walks a table with, as SQL text. */
class KeyRangeTest {

    private static final KeyRange SINGLE = new KeyRange(new RowKey(List.of("id"), false));
    private static final KeyRange COMPOSITE = new KeyRange(new RowKey(List.of("a", "b"), false));
    private static final KeyRange ROWID = new KeyRange(new RowKey(List.of("rowid"), true));

    @Test
    void aSingleColumnKeyComparesTheColumnWithOneParameter() {
        assertEquals("\"id\" > ?", SINGLE.after());
        assertEquals("\"id\" <= ?", SINGLE.upTo());
    }

    @Test
    void aCompositeKeyComparesRowValuesSoItsColumnsOrderAsTheIndexDoes() {
        assertEquals("(\"a\", \"b\") > (?, ?)", COMPOSITE.after());
        assertEquals("(\"a\", \"b\") <= (?, ?)", COMPOSITE.upTo());
    }

    @Test
    void aRowidKeyIsLeftUnquotedSinceAQuotedRowidWouldNameAColumn() {
        assertEquals("rowid > ?", ROWID.after());
    }

    @Test
    void theFirstChunkHasNoLowerBound() {
        assertEquals("\"id\" <= ?", SINGLE.between(List.of()));
        assertEquals(List.of(5), KeyRange.betweenParams(List.of(), List.of(5)));
    }

    @Test
    void aLaterChunkStartsAfterTheCursorAndEndsAtTheUpperBound() {
        assertEquals("(\"a\", \"b\") > (?, ?) AND (\"a\", \"b\") <= (?, ?)", COMPOSITE.between(List.of(1, "x")));
        assertEquals(List.of(1, "x", 2, "y"), KeyRange.betweenParams(List.of(1, "x"), List.of(2, "y")));
    }

    @Test
    void orderingFollowsTheKeyColumnsEitherWay() {
        assertEquals("\"a\", \"b\"", COMPOSITE.orderBy(false));
        assertEquals("\"a\" DESC, \"b\" DESC", COMPOSITE.orderBy(true));
        assertEquals("rowid DESC", ROWID.orderBy(true));
    }
}
