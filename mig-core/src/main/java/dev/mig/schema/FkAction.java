package dev.mig.schema;

import java.util.Locale;
import java.util.Optional;

/** What a foreign key does when its parent row is deleted or its key updated. */
public enum FkAction {
    NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), SET_NULL("SET NULL"), SET_DEFAULT("SET DEFAULT"),
    CASCADE("CASCADE");

    public final String sql;

    FkAction(String sql) {
        this.sql = sql;
    }

    /** Parses "cascade", "SET NULL", "set_null", "no action" ... */
    public static Optional<FkAction> parse(String text) {
        String norm = text.trim().toUpperCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ");
        for (FkAction a : values()) {
            if (a.sql.equals(norm)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
