package dev.mig.schema.yaml;

import dev.mig.api.plan.IdPolicy;
import dev.mig.schema.Check;
import dev.mig.schema.FkAction;
import dev.mig.schema.ForeignKey;
import dev.mig.schema.Index;
import dev.mig.schema.Names;
import dev.mig.schema.PrimaryKey;
import dev.mig.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one table of schema.yaml and normalises column-level constraints into the table's lists. */
final class SchemaYamlTable {
    static final List<String> KEYS = List.of("columns", "primaryKey", "unique", "checks", "foreignKeys", "indexes",
            "withoutRowid", "strict", "renamedFrom", "dropColumns", "ids");
    private static final List<String> FK_KEYS = List.of("columns", "references", "refColumns", "onDelete",
            "onUpdate", "deferred");
    private static final Set<String> STRICT_TYPES = Set.of("INT", "INTEGER", "REAL", "TEXT", "BLOB", "ANY");

    /** A foreign key whose parent table can only be checked once every table has been read. */
    record PendingFk(Node node, String owner, ForeignKey fk) {
    }

    /** The table read, its index entries (index names are global) and its foreign keys to check. */
    record Read(Table table, List<YamlMap.Entry> indexes, List<PendingFk> fks) {
    }

    /** The declared columns of the table being read: resolves names written elsewhere in it. */
    record Columns(YamlSource src, String table, List<SchemaYamlColumn.Decl> decls) {
        String require(Node at, String name, String what) {
            for (SchemaYamlColumn.Decl d : decls) {
                if (Names.same(d.column().name(), name)) {
                    return d.column().name();
                }
            }
            List<String> names = decls.stream().map(d -> d.column().name()).toList();
            throw src.error(at, what + " names column '" + name + "', which table " + table + " does not declare"
                    + YamlSuggest.didYouMean(name, names), "Declared columns: " + String.join(", ", names) + ".");
        }

        List<String> requireAll(Node node, String what) {
            List<String> names = src.distinctNames(node, what);
            List<Node> items = src.list(node, what);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                out.add(require(items.get(i), names.get(i), what));
            }
            return out;
        }
    }

    private SchemaYamlTable() {
    }

    static Read read(YamlSource src, YamlMap.Entry entry) {
        String name = entry.key();
        String what = "table " + name;
        YamlMap m = YamlMap.of(src, entry.value(), what, "a map with columns: and other table keys")
                .allowOnly(KEYS, "Columns go under 'columns:'.");
        if (!m.has("columns")) {
            throw src.error(entry.keyNode(), what + " has no columns",
                    "Declare them under columns:, for example columns: {id: {type: INTEGER, primaryKey: true}}.");
        }
        YamlMap colMap = YamlMap.names(src, m.get("columns"), "columns of " + what, "column");
        if (colMap.entries().isEmpty()) {
            throw src.error(m.get("columns"), what + " has no columns", "A table needs at least one column.");
        }
        List<SchemaYamlColumn.Decl> decls = new ArrayList<>();
        for (YamlMap.Entry e : colMap.entries()) {
            decls.add(SchemaYamlColumn.read(src, name, e));
        }
        Columns columns = new Columns(src, name, decls);
        boolean withoutRowid = flag(src, m, "withoutRowid", what);
        boolean strict = flag(src, m, "strict", what);
        PrimaryKey pk = SchemaYamlKeys.primaryKey(src, m, columns, withoutRowid);
        if (strict) {
            checkStrictTypes(src, columns);
        }
        List<PendingFk> fks = foreignKeys(src, m, columns);
        List<Index> indexes = new ArrayList<>();
        List<YamlMap.Entry> indexEntries = new ArrayList<>();
        if (m.has("indexes")) {
            for (YamlMap.Entry e : YamlMap.names(src, m.get("indexes"), "indexes of " + what, "index").entries()) {
                indexes.add(SchemaYamlIndex.read(src, e, columns));
                indexEntries.add(e);
            }
        }
        List<String> dropColumns = SchemaYamlKeys.dropColumns(src, m, columns);
        String renamedFrom = m.has("renamedFrom") ? src.name(m.get("renamedFrom"), "'renamedFrom' of " + what)
                : null;
        Table table = new Table(name, decls.stream().map(SchemaYamlColumn.Decl::column).toList(), pk,
                SchemaYamlKeys.uniques(src, m, columns), checks(src, m, decls, what),
                fks.stream().map(PendingFk::fk).toList(), indexes, withoutRowid, strict, renamedFrom, dropColumns,
                ids(src, m, what));
        return new Read(table, indexEntries, fks);
    }

    static boolean flag(YamlSource src, YamlMap m, String key, String what) {
        return m.has(key) && src.bool(m.get(key), "'" + key + "' of " + what);
    }

    private static void checkStrictTypes(YamlSource src, Columns columns) {
        for (SchemaYamlColumn.Decl d : columns.decls()) {
            if (!STRICT_TYPES.contains(d.column().type())) {
                String type = d.column().type().isEmpty() ? "no type" : "type " + d.column().type();
                throw src.error(d.keyNode(), "column " + columns.table() + "." + d.column().name() + " has " + type
                        + ", but table " + columns.table() + " is strict", "A STRICT table allows only the types"
                        + " INT, INTEGER, REAL, TEXT, BLOB and ANY, and every column needs one.");
            }
        }
    }

    private static List<Check> checks(YamlSource src, YamlMap m, List<SchemaYamlColumn.Decl> decls, String what) {
        List<Check> out = new ArrayList<>();
        decls.stream().filter(d -> d.check() != null).forEach(d -> out.add(d.check().on(d.column().name())));
        if (m.has("checks")) {
            for (Node item : src.list(m.get("checks"), "'checks' of " + what)) {
                out.add(SchemaYamlColumn.check(src, item, "a check of " + what));
            }
        }
        return out;
    }

    private static List<PendingFk> foreignKeys(YamlSource src, YamlMap m, Columns columns) {
        String owner = "table " + columns.table();
        List<PendingFk> out = new ArrayList<>();
        for (SchemaYamlColumn.Decl d : columns.decls()) {
            if (d.fk() != null) {
                out.add(new PendingFk(d.fkNode(), "column " + columns.table() + "." + d.column().name(), d.fk()));
            }
        }
        if (m.has("foreignKeys")) {
            for (Node item : src.list(m.get("foreignKeys"), "'foreignKeys' of " + owner)) {
                out.add(foreignKey(src, item, "a foreign key of " + owner, columns));
            }
        }
        return out;
    }

    private static PendingFk foreignKey(YamlSource src, Node node, String what, Columns columns) {
        YamlMap m = YamlMap.of(src, node, what, "a map {columns, references, refColumns ...}")
                .allowOnly(FK_KEYS, "A foreign key is {columns: [a], references: table, refColumns: [x]}.");
        for (String required : List.of("columns", "references")) {
            if (!m.has(required)) {
                throw src.error(node, what + " has no '" + required + "'",
                        "Write {columns: [user_id], references: users, refColumns: [id]}.");
            }
        }
        List<String> cols = columns.requireAll(m.get("columns"), "'columns' of " + what);
        String parent = src.name(m.get("references"), "'references' of " + what);
        List<String> refColumns = m.has("refColumns")
                ? src.distinctNames(m.get("refColumns"), "'refColumns' of " + what) : List.of();
        if (!refColumns.isEmpty() && refColumns.size() != cols.size()) {
            throw src.error(m.get("refColumns"), what + " has " + cols.size() + " columns but " + refColumns.size()
                    + " refColumns", "Name one parent column for each column.");
        }
        FkAction onDelete = m.has("onDelete") ? SchemaYamlColumn.action(src, m.get("onDelete"), "'onDelete' of "
                + what) : null;
        FkAction onUpdate = m.has("onUpdate") ? SchemaYamlColumn.action(src, m.get("onUpdate"), "'onUpdate' of "
                + what) : null;
        boolean deferred = flag(src, m, "deferred", what);
        return new PendingFk(m.get("references"), what,
                new ForeignKey(cols, parent, refColumns, onDelete, onUpdate, deferred));
    }

    private static IdPolicy ids(YamlSource src, YamlMap m, String what) {
        if (!m.has("ids")) {
            return IdPolicy.PRESERVE;
        }
        String text = src.text(m.get("ids"), "'ids' of " + what);
        try {
            return IdPolicy.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw src.error(m.get("ids"), "'ids' of " + what + " is '" + text + "'; it must be preserve or remap",
                    "preserve keeps every key (the default); remap gives the table new keys.");
        }
    }
}
