package dev.mig.schema;

/**
 * One indexed term: a column or an expression (exactly one is non-null).
 *
 * @param collate the COLLATE written on the term, or null
 * @param desc    DESC
 */
public record IndexTerm(String column, String expr, String collate, boolean desc) {
    public static IndexTerm column(String name) {
        return new IndexTerm(name, null, null, false);
    }

    public boolean isSimpleColumn() {
        return column != null && collate == null && !desc;
    }
}
