package dev.mig.schema.yaml;

import dev.mig.api.plan.IdPolicy;
import dev.mig.schema.Column;
import dev.mig.schema.Schema;
import dev.mig.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code mig init --merge}: the structure of a database (typically a scratch database an ORM just
 * migrated) with the directives of the existing schema.yaml carried over where they still apply: its
 * name, each table's {@code renamedFrom}, {@code ids} and {@code dropColumns}, each column's
 * {@code renamedFrom} and {@code from}, {@code dropTables} and {@code cutover}. A directive whose table or
 * column is gone is not carried, and said. When the existing file's schema was already migrated to (its
 * database is ready), its directives were applied then and must not be applied again (a {@code from:
 * amount * 100} twice multiplies twice): only its name is carried, and each directive is said.
 *
 * @param schema  the merged schema
 * @param kept    the directives carried over, one line each ({@code posts.title: renamedFrom headline})
 * @param dropped the directives that no longer apply, and why
 */
public record SchemaMerge(Schema schema, List<String> kept, List<String> dropped) {

    /**
     * @param appliedTo the database the existing file's schema was already migrated to; null while that
     *                  migration is still to come
     */
    public static SchemaMerge of(Schema fromDatabase, Schema existing, String appliedTo) {
        if (appliedTo != null) {
            List<String> applied = new ArrayList<>();
            directives(existing).forEach(d -> applied.add(d + " (already applied by the migration to " + appliedTo + ")"));
            Schema named = new Schema(existing.name(), fromDatabase.tables(), fromDatabase.views(),
                    fromDatabase.triggers(), List.of(), List.of());
            return new SchemaMerge(named, List.of(), List.copyOf(applied));
        }
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        for (Table t : fromDatabase.tables()) {
            Optional<Table> old = existing.table(t.name());
            tables.add(old.isPresent() ? merge(t, old.get(), kept, dropped) : t);
        }
        for (Table old : existing.tables()) {
            if (fromDatabase.table(old.name()).isEmpty() && hasDirectives(old)) {
                dropped.add("table " + old.name() + ": its directives (the table is not in the database any more)");
            }
        }
        List<String> dropTables = new ArrayList<>();
        for (String d : existing.dropTables()) {
            if (fromDatabase.table(d).isPresent()) {
                dropped.add("dropTables: " + d + " (the database has that table again)");
            } else {
                dropTables.add(d);
                kept.add("dropTables: " + d);
            }
        }
        existing.cutover().forEach(c -> kept.add("cutover: " + c));
        Schema merged = new Schema(existing.name(), tables, fromDatabase.views(), fromDatabase.triggers(), dropTables,
                existing.cutover());
        return new SchemaMerge(merged, List.copyOf(kept), List.copyOf(dropped));
    }

    private static Table merge(Table t, Table old, List<String> kept, List<String> dropped) {
        List<Column> columns = new ArrayList<>();
        for (Column c : t.columns()) {
            Optional<Column> was = old.column(c.name());
            was.ifPresent(w -> kept.addAll(columnDirectives(t.name(), w)));
            columns.add(new Column(c.name(), c.type(), c.notNull(), c.defaultExpr(), c.collate(), c.generated(),
                    was.map(Column::renamedFrom).orElse(null), was.map(Column::from).orElse(null), c.typeAsDeclared()));
        }
        for (Column c : old.columns()) {
            if (t.column(c.name()).isEmpty()) {
                columnDirectives(t.name(), c).forEach(d -> dropped.add(d + " (the column is not in the database any more)"));
            }
        }
        List<String> dropColumns = new ArrayList<>();
        for (String d : old.dropColumns()) {
            if (t.column(d).isPresent()) {
                dropped.add(t.name() + ": dropColumns " + d + " (the table has that column again)");
            } else {
                dropColumns.add(d);
                kept.add(t.name() + ": dropColumns " + d);
            }
        }
        kept.addAll(tableDirectives(old));
        return new Table(t.name(), columns, t.primaryKey(), t.uniques(), t.checks(), t.foreignKeys(), t.indexes(),
                t.withoutRowid(), t.strict(), old.renamedFrom(), dropColumns, old.ids());
    }

    /** Every directive of {@code s}, one line each, as the merge lists them. */
    private static List<String> directives(Schema s) {
        List<String> out = new ArrayList<>();
        for (Table t : s.tables()) {
            t.columns().forEach(c -> out.addAll(columnDirectives(t.name(), c)));
            out.addAll(tableDirectives(t));
            t.dropColumns().forEach(d -> out.add(t.name() + ": dropColumns " + d));
        }
        s.dropTables().forEach(d -> out.add("dropTables: " + d));
        s.cutover().forEach(c -> out.add("cutover: " + c));
        return out;
    }

    /** A column's directives: {@code posts.title: renamedFrom headline}, {@code posts.slug: from lower(...)}. */
    private static List<String> columnDirectives(String table, Column c) {
        List<String> out = new ArrayList<>();
        if (c.renamedFrom() != null) {
            out.add(table + "." + c.name() + ": renamedFrom " + c.renamedFrom());
        }
        if (c.from() != null) {
            out.add(table + "." + c.name() + ": from " + c.from());
        }
        return out;
    }

    /** A table's own directives: {@code posts: renamedFrom blog_post}, {@code posts: ids remap}. */
    private static List<String> tableDirectives(Table t) {
        List<String> out = new ArrayList<>();
        if (t.renamedFrom() != null) {
            out.add(t.name() + ": renamedFrom " + t.renamedFrom());
        }
        if (t.ids() != IdPolicy.PRESERVE) {
            out.add(t.name() + ": ids " + t.ids().name().toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    private static boolean hasDirectives(Table t) {
        return !tableDirectives(t).isEmpty() || !t.dropColumns().isEmpty()
                || t.columns().stream().anyMatch(c -> !columnDirectives(t.name(), c).isEmpty());
    }
}
