package dev.mig.schema.yaml;

import dev.mig.schema.Column;
import dev.mig.schema.ForeignKey;
import dev.mig.schema.Names;
import dev.mig.schema.Table;
import dev.mig.schema.Trigger;
import dev.mig.sql.Token;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Rules that span tables: foreign-key parents, renamed and dropped tables; and reading triggers. */
final class SchemaYamlRefs {
    private SchemaYamlRefs() {
    }

    static void check(YamlSource src, List<YamlMap.Entry> entries, List<SchemaYamlTable.Read> reads) {
        List<Table> tables = reads.stream().map(SchemaYamlTable.Read::table).toList();
        for (SchemaYamlTable.Read read : reads) {
            for (SchemaYamlTable.PendingFk fk : read.fks()) {
                checkParent(src, fk, tables);
            }
        }
        for (int i = 0; i < tables.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (Names.same(tables.get(i).renamedFrom(), tables.get(j).renamedFrom())) {
                    throw src.error(entries.get(i).keyNode(), "tables " + tables.get(j).name() + " and "
                            + tables.get(i).name() + " are both renamed from '" + tables.get(i).renamedFrom() + "'",
                            "One live table can become one declared table.");
                }
            }
        }
    }

    private static void checkParent(YamlSource src, SchemaYamlTable.PendingFk pending, List<Table> tables) {
        ForeignKey fk = pending.fk();
        String what = pending.owner() + " references table '" + fk.refTable() + "'";
        Table parent = tables.stream().filter(t -> Names.same(t.name(), fk.refTable())).findFirst()
                .orElseThrow(() -> src.error(pending.node(), what + ", which the schema does not declare"
                        + YamlSuggest.didYouMean(fk.refTable(), tables.stream().map(Table::name).toList()),
                        "A foreign key must refer to a declared table."));
        for (String col : fk.refColumns()) {
            if (parent.column(col).isEmpty()) {
                List<String> names = parent.columns().stream().map(Column::name).toList();
                throw src.error(pending.node(), what + " and its column '" + col + "', which table " + parent.name()
                        + " does not declare" + YamlSuggest.didYouMean(col, names),
                        "Columns of " + parent.name() + ": " + String.join(", ", names) + ".");
            }
        }
        if (fk.refColumns().isEmpty()) {
            if (parent.primaryKey() == null) {
                throw src.error(pending.node(), what + " without naming a column, and " + parent.name()
                        + " has no primary key", "Name the parent column, for example references: "
                        + parent.name() + ".id.");
            }
            if (parent.primaryKey().columns().size() != fk.columns().size()) {
                throw src.error(pending.node(), what + ", whose primary key has " + parent.primaryKey().columns()
                        .size() + " columns, with " + fk.columns().size(), "Give one column for each key column.");
            }
        }
    }

    static List<String> dropTables(YamlSource src, Node node, YamlMap tableMap, List<Table> tables) {
        if (node == null) {
            return List.of();
        }
        List<String> drops = src.distinctNames(node, "'dropTables'");
        List<Node> items = src.list(node, "'dropTables'");
        for (int i = 0; i < drops.size(); i++) {
            String drop = drops.get(i);
            SchemaYamlParser.refuseReserved(src, items.get(i), "table", drop);
            for (Table t : tables) {
                if (Names.same(t.name(), drop) && t.renamedFrom() == null
                        || Names.same(t.renamedFrom(), drop)) {
                    String how = Names.same(t.renamedFrom(), drop) ? "is renamed to table " + t.name()
                            : "the schema declares";
                    throw src.error(items.get(i), "'dropTables' names '" + drop + "', which " + how,
                            "A table is either kept or dropped: remove it from one of the two.");
                }
            }
        }
        return drops;
    }

    static Trigger trigger(YamlSource src, YamlMap.Entry e) {
        String what = "trigger " + e.key();
        String hint = "Write the whole statement: CREATE TRIGGER " + e.key() + " AFTER INSERT ON t BEGIN ... END.";
        if (!(e.value() instanceof ScalarNode)) {
            throw src.error(e.value(), what + " must be a CREATE TRIGGER statement, not "
                    + YamlSource.shape(e.value()), hint);
        }
        Node node = e.value();
        String text = src.text(node, "the statement of " + what);
        List<Token> tokens = YamlSql.withoutTrailingSemicolons(src.tokens(node, text, what));
        YamlTriggerHeader header;
        try {
            header = YamlTriggerHeader.parse(tokens);
        } catch (IllegalArgumentException ex) {
            throw src.error(node, what + " is not a CREATE TRIGGER statement: " + ex.getMessage(), hint);
        }
        if (header.temp() || header.schema() != null && !header.schema().equalsIgnoreCase("main")) {
            throw src.error(node, what + " is a TEMP trigger", "A TEMP trigger is not stored in the database file;"
                    + " remove TEMP.");
        }
        if (!Names.same(header.name(), e.key())) {
            throw src.error(node, "the statement of " + what + " creates trigger '" + header.name() + "'",
                    "The key and the trigger name in the statement must be the same.");
        }
        if (!tokens.get(tokens.size() - 1).isWord("END")) {
            throw src.error(node, "the statement of " + what + " does not end with END",
                    "A trigger body is BEGIN statement; ... END, and nothing may follow it.");
        }
        return new Trigger(e.key(), header.table(), YamlTriggerHeader.canonical(tokens, header));
    }
}
