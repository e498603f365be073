package dev.mig.plan;

import dev.mig.sql.Sql;
import java.util.Locale;

/**
 * SQLite's storage rules as SQL predicates over a value {@code v}, so SQLite itself counts the rows a
 * type change affects (datatype3.html, stricttables.html). The predicates never depend on the affinity
 * {@code v} already has: a TEXT value is a well-formed number exactly when NUMERIC affinity, applied by the
 * comparison {@code CAST(v AS NUMERIC) = CAST(v AS TEXT)}, turns its TEXT side into the same number.
 * AffinityRulesTest checks every predicate against real inserts into real tables.
 */
final class AffinityRules {
    private AffinityRules() {
    }

    static String wellFormedNumber(String v) {
        return "CAST(" + v + " AS NUMERIC) = CAST(" + v + " AS TEXT)";
    }

    /** True for a non-NULL TEXT that is not a well-formed number, or any BLOB. */
    private static String notNumeric(String v) {
        return "(typeof(" + v + ") = 'blob' OR typeof(" + v + ") = 'text' AND NOT (" + wellFormedNumber(v) + "))";
    }

    /**
     * True when a STRICT column of {@code type}, or an INTEGER PRIMARY KEY, refuses the non-NULL value.
     * Null when no value is refused (ANY).
     */
    static String refusedByStrict(String v, String type) {
        switch (type.toUpperCase(Locale.ROOT)) {
            case "INT", "INTEGER":
                return "(" + notNumeric(v) + " OR typeof(" + v + ") IN ('real', 'text') AND CAST(CAST(" + v
                        + " AS NUMERIC) AS INTEGER) <> CAST(" + v + " AS NUMERIC))";
            case "REAL":
                return notNumeric(v);
            case "TEXT":
                return "typeof(" + v + ") = 'blob'";
            case "BLOB":
                return "typeof(" + v + ") <> 'blob'";
            default:
                return null;
        }
    }

    /** True when a non-STRICT column of {@code type} stores the non-NULL value unconverted; null if it never converts. */
    static String unconverted(String v, String type) {
        switch (Sql.affinity(type)) {
            case "INTEGER", "REAL", "NUMERIC":
                return notNumeric(v);
            case "TEXT":
                return "typeof(" + v + ") = 'blob'";
            default:
                return null;
        }
    }

    /** True when REAL affinity rounds the value: an integer (or integer text) beyond 2^53. */
    static String roundedByReal(String v) {
        return "(typeof(" + v + ") = 'integer' OR typeof(" + v + ") = 'text' AND " + wellFormedNumber(v) + ") AND typeof(CAST("
                + v + " AS NUMERIC)) = 'integer' AND CAST(" + v + " AS REAL) <> CAST(" + v + " AS NUMERIC)";
    }

    /**
     * The value as a column of {@code type} would store it, as far as an expression can say: used to
     * evaluate CHECKs, keys and foreign keys over the mapped rows. Comparisons inside CHECKs then see no
     * column affinity, which only matters for CHECKs comparing a column with a literal of another type.
     */
    static String converted(String v, String type) {
        switch (Sql.affinity(type)) {
            case "INTEGER", "NUMERIC":
                return "CASE WHEN typeof(" + v + ") = 'text' AND " + wellFormedNumber(v) + " THEN CAST(" + v
                        + " AS NUMERIC) WHEN typeof(" + v + ") = 'real' AND CAST(" + v + " AS INTEGER) = " + v
                        + " THEN CAST(" + v + " AS INTEGER) ELSE " + v + " END";
            case "REAL":
                return "CASE WHEN typeof(" + v + ") = 'integer' OR typeof(" + v + ") = 'text' AND "
                        + wellFormedNumber(v) + " THEN CAST(" + v + " AS REAL) ELSE " + v + " END";
            case "TEXT":
                return "CASE WHEN typeof(" + v + ") IN ('integer', 'real') THEN CAST(" + v + " AS TEXT) ELSE " + v
                        + " END";
            default:
                return v;
        }
    }
}
