package dev.mig.schema.introspect;

import static dev.mig.sql.Sql.ident;

import dev.mig.api.plan.IdPolicy;
import dev.mig.schema.Column;
import dev.mig.schema.ForeignKey;
import dev.mig.schema.Index;
import dev.mig.schema.MigTables;
import dev.mig.schema.Names;
import dev.mig.schema.Schema;
import dev.mig.schema.Table;
import dev.mig.schema.Trigger;
import dev.mig.schema.View;
import dev.mig.schema.introspect.IntrospectorPragmas.SchemaRow;
import dev.mig.schema.parse.CreateIndexParser;
import dev.mig.schema.parse.CreateTableParser;
import dev.mig.schema.parse.CreateViewParser;
import dev.mig.sql.Sql;
import dev.mig.sql.SqlSyntaxException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one schema's catalogue into a {@link LiveDatabase}: parses the stored CREATE statements,
 * cross-checks them with the PRAGMAs, and leaves out SQLite's objects, mig's objects and what mig
 * cannot migrate (said in {@link LiveDatabase#unsupported}). Runs inside the caller's transaction.
 */
final class IntrospectorReader {

    private final IntrospectorPragmas pragmas;
    private final Path file;
    private final List<String> unsupported = new ArrayList<>();
    /** Keys of tables left out because mig cannot migrate them: their indexes and triggers go too. */
    private final Set<String> leftOut = new HashSet<>();

    IntrospectorReader(IntrospectorPragmas pragmas, Path file) {
        this.pragmas = pragmas;
        this.file = file;
    }

    LiveDatabase read() throws SQLException {
        List<SchemaRow> rows = pragmas.schemaRows();
        Map<String, Table> tables = tables(rows, pragmas.tableKinds());
        addIndexes(rows, tables);
        List<Table> finished = tables.values().stream().map(t -> withResolvedParents(t, tables)).toList();
        List<View> views = views(rows);
        List<Trigger> triggers = triggers(rows, finished, views);
        Schema schema = new Schema(Introspector.schemaName(file), finished, views, triggers, List.of());
        boolean hasSequence = rows.stream().anyMatch(r -> "table".equals(r.type())
                && "sqlite_sequence".equalsIgnoreCase(r.name()));
        return new LiveDatabase(file, schema, pragmas.settings(), pragmas.sequences(hasSequence), unsupported);
    }

    /** SQLite's own objects and the ones mig created: never part of the application's schema. */
    private static boolean internal(String name) {
        return Names.isSqliteInternal(name) || Names.isMigObject(name);
    }

    /** mig's capture triggers: named _mig_... and writing to its change log. */
    private static boolean migTrigger(SchemaRow row) {
        return Names.isMigInternal(row.name()) && row.sql() != null && row.sql().contains("\"" + MigTables.LOG + "\"");
    }

    /**
     * An application object whose name mig reserves would be mistaken for one of mig's and silently left
     * out of the new database: refuse it instead (the planner blocks on anything unsupported).
     */
    private boolean reservedName(String kind, String name) {
        if (!Names.isMigInternal(name)) {
            return false;
        }
        leftOut.add(Names.key(name));
        unsupported.add(kind + " " + Sql.display(name) + " uses a name mig reserves for itself (_mig_..., "
                + "_migration_..., _id_mapping..., _schema_identity): rename it in the live database before migrating.");
        return true;
    }

    private Map<String, Table> tables(List<SchemaRow> rows, Map<String, String> kinds) throws SQLException {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (SchemaRow row : rows) {
            if (!"table".equals(row.type()) || internal(row.name()) || reservedName("table", row.name())) {
                continue;
            }
            String kind = kinds.getOrDefault(Names.key(row.name()), "table");
            if ("virtual".equals(kind) || "shadow".equals(kind)) {
                leftOut.add(Names.key(row.name()));
                unsupported.add(("virtual".equals(kind) ? "virtual table " + Sql.display(row.name())
                        : "table " + Sql.display(row.name()) + " (a shadow table of a virtual table)")
                        + " is not supported: it is left out of the schema.");
                continue;
            }
            tables.put(Names.key(row.name()), table(row));
        }
        return tables;
    }

    private Table table(SchemaRow row) throws SQLException {
        CreateTableParser.Result parsed;
        try {
            parsed = CreateTableParser.parse(row.sql());
        } catch (SqlSyntaxException e) {
            throw Introspector.unreadable("table", row, e.getMessage());
        }
        Table t = parsed.table();
        Table named = new Table(row.name(), t.columns(), t.primaryKey(), t.uniques(), t.checks(), t.foreignKeys(),
                List.of(), t.withoutRowid(), t.strict(), null, List.of(), IdPolicy.PRESERVE);
        IntrospectorChecks.table(named, row, pragmas.columns(row.name()), pragmas.foreignKeys(row.name()));
        unsupported.addAll(parsed.unsupported());
        return named;
    }

    private void addIndexes(List<SchemaRow> rows, Map<String, Table> tables) throws SQLException {
        Map<String, List<Index>> byTable = new LinkedHashMap<>();
        for (SchemaRow row : rows) {
            if (!"index".equals(row.type()) || row.sql() == null || internal(row.name()) || internal(row.tableName())
                    || reservedName("index", row.name())) {
                continue;
            }
            Table owner = tables.get(Names.key(row.tableName()));
            if (owner == null) {
                noteLeftOut("index", row);
                continue;
            }
            byTable.computeIfAbsent(Names.key(owner.name()), k -> new ArrayList<>()).add(index(row, owner));
        }
        byTable.forEach((key, indexes) -> tables.put(key, withIndexes(tables.get(key), indexes)));
    }

    private Index index(SchemaRow row, Table owner) throws SQLException {
        CreateIndexParser.ParsedIndex parsed;
        try {
            parsed = CreateIndexParser.parse(row.sql());
        } catch (SqlSyntaxException e) {
            throw Introspector.unreadable("index", row, e.getMessage());
        }
        return IntrospectorChecks.index(parsed, row, owner, pragmas.indexColumns(row.name()));
    }

    private void noteLeftOut(String kind, SchemaRow row) {
        if (leftOut.contains(Names.key(row.tableName()))) {
            unsupported.add(kind + " " + Sql.display(row.name()) + " on " + Sql.display(row.tableName())
                    + " is not supported: it is left out with its table.");
        }
    }

    private static Table withIndexes(Table t, List<Index> indexes) {
        return new Table(t.name(), t.columns(), t.primaryKey(), t.uniques(), t.checks(), t.foreignKeys(), indexes,
                t.withoutRowid(), t.strict(), null, List.of(), IdPolicy.PRESERVE);
    }

    /** Parent tables and columns as the parent spells them; a missing parent is kept as written. */
    private static Table withResolvedParents(Table t, Map<String, Table> tables) {
        List<ForeignKey> fks = t.foreignKeys().stream().map(fk -> {
            Table parent = tables.get(Names.key(fk.refTable()));
            if (parent == null) {
                return fk;
            }
            List<String> refColumns = fk.refColumns().stream()
                    .map(n -> parent.column(n).map(Column::name).orElse(n)).toList();
            return new ForeignKey(fk.columns(), parent.name(), refColumns, fk.onDelete(), fk.onUpdate(), fk.deferred());
        }).toList();
        return new Table(t.name(), t.columns(), t.primaryKey(), t.uniques(), t.checks(), fks, t.indexes(),
                t.withoutRowid(), t.strict(), null, List.of(), IdPolicy.PRESERVE);
    }

    private List<View> views(List<SchemaRow> rows) {
        List<View> views = new ArrayList<>();
        for (SchemaRow row : rows) {
            if ("view".equals(row.type()) && !internal(row.name()) && !reservedName("view", row.name())) {
                try {
                    View v = CreateViewParser.parse(row.sql());
                    views.add(new View(row.name(), v.columns(), v.select()));
                } catch (SqlSyntaxException e) {
                    throw Introspector.unreadable("view", row, e.getMessage());
                }
            }
        }
        return views;
    }

    private List<Trigger> triggers(List<SchemaRow> rows, List<Table> tables, List<View> views) {
        List<Trigger> triggers = new ArrayList<>();
        for (SchemaRow row : rows) {
            if (!"trigger".equals(row.type()) || internal(row.name()) || internal(row.tableName()) || migTrigger(row)
                    || reservedName("trigger", row.name())) {
                continue;
            }
            Optional<String> on = spelling(row.tableName(), tables, views);
            if (on.isEmpty()) {
                noteLeftOut("trigger", row);
                continue;
            }
            try {
                triggers.add(new Trigger(row.name(), on.get(), Sql.canonical(row.sql())));
            } catch (SqlSyntaxException e) {
                throw Introspector.unreadable("trigger", row, e.getMessage());
            }
        }
        return triggers;
    }

    private static Optional<String> spelling(String name, List<Table> tables, List<View> views) {
        return tables.stream().map(Table::name).filter(n -> Names.same(n, name)).findFirst()
                .or(() -> views.stream().map(View::name).filter(n -> Names.same(n, name)).findFirst());
    }
}
