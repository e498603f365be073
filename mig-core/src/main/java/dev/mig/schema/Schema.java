package dev.mig.schema;

import java.util.List;
import java.util.Optional;

/**
 * A complete SQLite schema: what schema.yaml declares, or what a live database holds.
 *
 * <p>All text is canonical (see {@link dev.mig.sql.Sql#canonical}), so two schemas that mean the same
 * compare equal. Migration directives ({@code renamedFrom}, {@code from}, {@code dropColumns},
 * {@code dropTables}, {@code ids}) ride along on the declared side only; they are not part of the
 * structure and not part of the {@link SchemaHash}.
 *
 * @param name       database name, used for the file name {@code <name>-<hash>.sqlite}
 * @param tables     in declaration order
 * @param views      in declaration order
 * @param triggers   in declaration order
 * @param dropTables live tables the user consents to discard
 * @param cutover    statements that change rows (an ORM's migration history, rows of new tables), run in
 *                   order inside the transaction that makes the new database ready; declared side only,
 *                   not part of the hash
 */
public record Schema(String name, List<Table> tables, List<View> views, List<Trigger> triggers,
                     List<String> dropTables, List<String> cutover) {

    public Schema {
        tables = List.copyOf(tables);
        views = List.copyOf(views);
        triggers = List.copyOf(triggers);
        dropTables = List.copyOf(dropTables);
        cutover = cutover == null ? List.of() : List.copyOf(cutover); // null: stored by a mig without hooks
    }

    /** A schema without cutover statements: what a live database holds, or a declaration without them. */
    public Schema(String name, List<Table> tables, List<View> views, List<Trigger> triggers, List<String> dropTables) {
        this(name, tables, views, triggers, dropTables, List.of());
    }

    /** The table with this name, compared as SQLite compares identifiers (ASCII case-insensitive). */
    public Optional<Table> table(String tableName) {
        return tables.stream().filter(t -> Names.same(t.name(), tableName)).findFirst();
    }

    public Optional<View> view(String viewName) {
        return views.stream().filter(v -> Names.same(v.name(), viewName)).findFirst();
    }

    public Optional<Trigger> trigger(String triggerName) {
        return triggers.stream().filter(t -> Names.same(t.name(), triggerName)).findFirst();
    }
}
