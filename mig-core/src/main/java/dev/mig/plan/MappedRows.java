package dev.mig.plan;

import static dev.mig.sql.Sql.ident;

import dev.mig.api.plan.ColumnPlan;
import dev.mig.schema.Column;
import dev.mig.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The live rows of a table as the copy will produce them, written as SELECTs over the live table: the
 * probes count over these, never over the raw live columns, so a renamed or computed column is
 * checked with the value it will really get.
 */
final class MappedRows {
    private final Table target;
    private final String sourceTable;
    private final List<ColumnPlan> columns;

    MappedRows(Table target, String sourceTable, List<ColumnPlan> columns) {
        this.target = target;
        this.sourceTable = sourceTable;
        this.columns = columns;
    }

    /** One column per stored target column, named as in the target: the value before the target's affinity. */
    String raw() {
        if (sourceTable == null) {
            return empty();
        }
        List<String> items = new ArrayList<>();
        for (ColumnPlan p : columns) {
            if (p.source() != ColumnPlan.Source.GENERATED) {
                items.add(valueOf(p) + " AS " + ident(p.column()));
            }
        }
        return "SELECT " + String.join(", ", items) + " FROM " + ident(sourceTable);
    }

    /** Like {@link #raw} but after the target's affinity and collation, plus generated columns. */
    String converted() {
        if (sourceTable == null) {
            return empty();
        }
        List<String> items = new ArrayList<>();
        List<String> generated = new ArrayList<>();
        for (Column c : target.columns()) {
            if (c.isGenerated()) {
                generated.add("(" + c.generated().expr() + ") AS " + ident(c.name()));
                continue;
            }
            String value = AffinityRules.converted(ident(c.name()), c.type());
            String collated = c.collate() == null ? value : "(" + value + ") COLLATE " + ident(c.collate());
            items.add(collated + " AS " + ident(c.name()));
        }
        String sql = "SELECT " + String.join(", ", items) + " FROM (" + raw() + ")";
        return generated.isEmpty() ? sql : "SELECT *, " + String.join(", ", generated) + " FROM (" + sql + ")";
    }

    private String empty() {
        List<String> items = target.columns().stream().map(c -> "NULL AS " + ident(c.name())).toList();
        return "SELECT " + String.join(", ", items) + " WHERE 0";
    }

    private String valueOf(ColumnPlan p) {
        return switch (p.source()) {
            case KEPT, RENAMED -> p.sourceExpr() == null ? "NULL" : p.sourceExpr();
            case COMPUTED -> "(" + p.sourceExpr() + ")";
            case DEFAULTED -> "(" + target.column(p.column()).orElseThrow().defaultExpr() + ")";
            default -> "NULL";
        };
    }
}
