package dev.mig.schema.yaml;

import dev.mig.schema.Names;
import dev.mig.schema.PrimaryKey;
import dev.mig.schema.UniqueKey;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** The key rules of a table: primary key and AUTOINCREMENT, UNIQUE lists, dropped and renamed columns. */
final class SchemaYamlKeys {
    private SchemaYamlKeys() {
    }

    static PrimaryKey primaryKey(YamlSource src, YamlMap m, SchemaYamlTable.Columns columns, boolean withoutRowid) {
        String table = columns.table();
        List<SchemaYamlColumn.Decl> onColumns = columns.decls().stream().filter(d -> d.pkNode() != null).toList();
        if (onColumns.size() > 1) {
            throw src.error(onColumns.get(1).pkNode(), "primaryKey is set on both column "
                    + onColumns.get(0).column().name() + " and column " + onColumns.get(1).column().name()
                    + " of table " + table, "For a composite key write primaryKey: ["
                    + onColumns.get(0).column().name() + ", " + onColumns.get(1).column().name() + "] on the table.");
        }
        Node tableLevel = m.get("primaryKey");
        if (tableLevel != null && !onColumns.isEmpty()) {
            throw src.error(tableLevel, "table " + table + " declares its primary key twice: on column "
                    + onColumns.get(0).column().name() + " and at table level", "Keep one of the two.");
        }
        PrimaryKey pk = null;
        if (tableLevel != null) {
            pk = new PrimaryKey(columns.requireAll(tableLevel, "'primaryKey' of table " + table), false, false);
            refuseGeneratedKey(src, tableLevel, columns, pk);
        } else if (!onColumns.isEmpty()) {
            pk = new PrimaryKey(List.of(onColumns.get(0).column().name()), onColumns.get(0).desc(), false);
        }
        if (withoutRowid && pk == null) {
            throw src.error(m.get("withoutRowid"), "table " + table + " is WITHOUT ROWID but has no primary key",
                    "A WITHOUT ROWID table needs a primary key: set primaryKey on a column or on the table.");
        }
        return autoincrement(src, columns, pk, withoutRowid);
    }

    private static void refuseGeneratedKey(YamlSource src, Node at, SchemaYamlTable.Columns columns, PrimaryKey pk) {
        for (SchemaYamlColumn.Decl d : columns.decls()) {
            if (d.column().isGenerated() && Names.contains(pk.columns(), d.column().name())) {
                throw src.error(at, "column " + columns.table() + "." + d.column().name() + " is generated and"
                        + " cannot be part of the primary key", "SQLite does not allow a generated column in a"
                        + " PRIMARY KEY.");
            }
        }
    }

    private static PrimaryKey autoincrement(YamlSource src, SchemaYamlTable.Columns columns, PrimaryKey pk,
                                            boolean withoutRowid) {
        PrimaryKey out = pk;
        for (SchemaYamlColumn.Decl d : columns.decls()) {
            if (d.autoNode() == null) {
                continue;
            }
            String what = "autoincrement on column " + columns.table() + "." + d.column().name();
            String problem = null;
            if (pk == null || !Names.contains(pk.columns(), d.column().name())) {
                problem = "the column is not the primary key";
            } else if (pk.columns().size() > 1) {
                problem = "the primary key has more than one column";
            } else if (withoutRowid) {
                problem = "the table is WITHOUT ROWID";
            } else if (!d.column().type().equals("INTEGER")) {
                problem = "the column's type is " + (d.column().type().isEmpty() ? "not declared" : d.column().type())
                        + ", not INTEGER";
            } else if (pk.desc()) {
                problem = "the key is declared desc";
            }
            if (problem != null) {
                throw src.error(d.autoNode(), what + " is not allowed: " + problem, "SQLite allows AUTOINCREMENT"
                        + " only on a single-column INTEGER primary key of a rowid table.");
            }
            out = new PrimaryKey(pk.columns(), false, true);
        }
        return out;
    }

    /** Column-level {@code unique: true} first, in column order, then the table's {@code unique:} lists. */
    static List<UniqueKey> uniques(YamlSource src, YamlMap m, SchemaYamlTable.Columns columns) {
        List<UniqueKey> out = new ArrayList<>();
        columns.decls().stream().filter(SchemaYamlColumn.Decl::unique)
                .forEach(d -> out.add(new UniqueKey(List.of(d.column().name()))));
        if (m.has("unique")) {
            String what = "'unique' of table " + columns.table();
            for (Node item : src.list(m.get("unique"), what)) {
                if (!(item instanceof SequenceNode)) {
                    throw src.error(item, "each entry of " + what + " must be a list of columns, not "
                            + YamlSource.shape(item), "Write unique: [[a, b]]; for one column, unique: true on it.");
                }
                out.add(new UniqueKey(columns.requireAll(item, "an entry of " + what)));
            }
        }
        return out;
    }

    /** dropColumns must not name a declared column, nor one that a declared column is renamed from. */
    static List<String> dropColumns(YamlSource src, YamlMap m, SchemaYamlTable.Columns columns) {
        String table = columns.table();
        List<String> drops = m.has("dropColumns")
                ? src.distinctNames(m.get("dropColumns"), "'dropColumns' of table " + table) : List.of();
        for (int i = 0; i < drops.size(); i++) {
            Node at = src.list(m.get("dropColumns"), "").get(i);
            for (SchemaYamlColumn.Decl d : columns.decls()) {
                if (Names.same(d.column().name(), drops.get(i))) {
                    throw src.error(at, "'dropColumns' of table " + table + " names '" + drops.get(i)
                            + "', which the table declares", "A column is either declared or dropped: remove it"
                            + " from one of the two.");
                }
                if (Names.same(d.column().renamedFrom(), drops.get(i))) {
                    throw src.error(at, "'dropColumns' of table " + table + " names '" + drops.get(i)
                            + "', which column " + d.column().name() + " is renamed from", "A renamed column keeps"
                            + " its data; remove it from dropColumns.");
                }
            }
        }
        refuseDuplicateRenames(src, columns);
        return drops;
    }

    private static void refuseDuplicateRenames(YamlSource src, SchemaYamlTable.Columns columns) {
        List<SchemaYamlColumn.Decl> renamed = columns.decls().stream()
                .filter(d -> d.column().renamedFrom() != null).toList();
        for (int i = 0; i < renamed.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (Names.same(renamed.get(i).column().renamedFrom(), renamed.get(j).column().renamedFrom())) {
                    throw src.error(renamed.get(i).keyNode(), "columns " + renamed.get(j).column().name() + " and "
                            + renamed.get(i).column().name() + " of table " + columns.table() + " are both renamed"
                            + " from '" + renamed.get(i).column().renamedFrom() + "'", "One live column can become"
                            + " one declared column; use 'from' to compute the other.");
                }
            }
        }
    }
}
