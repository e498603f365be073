package dev.mig.api.plan;

/**
 * Where one column of a target table gets its value during the copy.
 *
 * @param column       the target column
 * @param source       the kind of value source
 * @param sourceColumn the live column read (KEPT, RENAMED), else null
 * @param sourceExpr   the SQL over the source row giving the value, identifiers quoted; null when the
 *                     column is left out of the copy's INSERT (DEFAULTED, NULL, GENERATED) so that SQLite
 *                     fills it as it would for any INSERT
 * @param typeChange   the type/affinity/strictness change, or null when the stored type rules are the same
 */
public record ColumnPlan(String column, Source source, String sourceColumn, String sourceExpr, TypeChange typeChange) {

    public enum Source {
        /** Same-named live column. */
        KEPT,
        /** The live column named in {@code renamedFrom}. */
        RENAMED,
        /** The {@code from:} expression over the live row. */
        COMPUTED,
        /** New column: SQLite applies its DEFAULT. */
        DEFAULTED,
        /** New nullable column without default: NULL. */
        NULL,
        /** Generated column: SQLite computes it; never copied. */
        GENERATED
    }

    /** Is a value read from the live row (as opposed to filled in by SQLite)? */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isCopied() {
        return sourceExpr != null;
    }

    /**
     * How the stored type rules change for a copied column.
     *
     * @param fromType the live declared type ("" when none)
     * @param toType   the declared type ("" when none)
     */
    public record TypeChange(String fromType, String fromAffinity, boolean fromStrict, String toType,
                             String toAffinity, boolean toStrict) {
    }
}
