package dev.mig.generative;

import dev.mig.generative.Model.Col;
import dev.mig.generative.Model.Fk;
import dev.mig.generative.Model.Kind;
import dev.mig.generative.Model.Table;
import dev.mig.generative.Model.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The v2 schema.yaml of a generated model (specs/schema-format.md), every name double-quoted. */
final class Yaml {

    private Yaml() {
    }

    static String v2(Model m) {
        StringBuilder y = new StringBuilder("name: app\ntables:\n");
        int i = 0;
        for (Table t : m.v2Tables()) {
            table(y, t, i++);
        }
        if (!m.triggers.isEmpty()) {
            y.append("triggers:\n");
            for (Trigger tr : m.triggers) {
                y.append("  ").append(tr.name()).append(": ").append(Gen.yaml(Ddl.trigger(tr, true))).append('\n');
            }
        }
        List<String> dropped = m.v1Tables().stream().filter(t -> t.droppedInV2).map(t -> t.name).toList();
        if (!dropped.isEmpty()) {
            y.append("dropTables: ").append(Gen.yamlList(dropped)).append('\n');
        }
        return y.toString();
    }

    private static void table(StringBuilder y, Table t, int index) {
        y.append("  ").append(Gen.yaml(t.newName)).append(":\n");
        if (!t.added && !t.newName.equals(t.name)) {
            y.append("    renamedFrom: ").append(Gen.yaml(t.name)).append('\n');
        }
        if (t.kind.withoutRowid()) {
            y.append("    withoutRowid: true\n");
        }
        if (t.strict) {
            y.append("    strict: true\n");
        }
        if (t.remap) {
            y.append("    ids: remap\n");
        }
        y.append("    columns:\n");
        for (Col c : t.v2Cols()) {
            y.append("      ").append(Gen.yaml(c.newName)).append(": {").append(String.join(", ", column(t, c))).append("}\n");
        }
        if (t.kind != Kind.INT_PK && !t.keyCols().isEmpty()) {
            y.append("    primaryKey: ").append(Gen.yamlList(t.keyCols().stream().map(c -> c.newName).toList())).append('\n');
        }
        if (!t.uniques.isEmpty()) {
            y.append("    unique: [").append(String.join(", ", t.uniques.stream()
                    .map(u -> Gen.yamlList(u.stream().map(c -> c.newName).toList())).toList())).append("]\n");
        }
        if (!t.fks.isEmpty()) {
            y.append("    foreignKeys:\n");
            for (Fk fk : t.fks) {
                y.append("      - {columns: ").append(Gen.yamlList(fk.cols.stream().map(c -> c.newName).toList()))
                        .append(", references: ").append(Gen.yaml(fk.parent.newName))
                        .append(", refColumns: ").append(Gen.yamlList(fk.parentCols.stream().map(c -> c.newName).toList()))
                        .append(", onDelete: ").append(fk.onDelete.toLowerCase(Locale.ROOT))
                        .append(", onUpdate: ").append(fk.onUpdate.toLowerCase(Locale.ROOT)).append("}\n");
            }
        }
        if (!t.newIndexes.isEmpty()) {
            y.append("    indexes:\n");
            for (int i = 0; i < t.newIndexes.size(); i++) {
                y.append("      ix_").append(index).append('_').append(i).append(": ")
                        .append(Gen.yamlList(t.newIndexes.get(i).stream().map(c -> c.newName).toList())).append('\n');
            }
        }
        List<String> dropped = t.v1Cols().stream().filter(c -> c.dropped).map(c -> c.name).toList();
        if (!dropped.isEmpty()) {
            y.append("    dropColumns: ").append(Gen.yamlList(dropped)).append('\n');
        }
    }

    private static List<String> column(Table t, Col c) {
        List<String> keys = new ArrayList<>();
        if (!c.newType.isEmpty()) {
            keys.add("type: " + Gen.yaml(c.newType));
        }
        if (c.key && t.kind == Kind.INT_PK) {
            keys.add("primaryKey: true");
            if (t.autoincrement) {
                keys.add("autoincrement: true");
            }
        }
        if (c.notNull) {
            keys.add("nullable: false");
        }
        if (c.uniqueInV2) {
            keys.add("unique: true");
        }
        if (c.dflt != null) {
            keys.add("default: " + Gen.yaml(c.dflt));
        }
        if (c.generated()) {
            keys.add("generated: {expr: " + Gen.yaml(c.generatedExpr(true)) + ", stored: " + c.stored + "}");
        }
        if (!c.added && !c.newName.equals(c.name)) {
            keys.add("renamedFrom: " + Gen.yaml(c.name));
        }
        if (c.fromExpr != null) {
            keys.add("from: " + Gen.yaml(c.fromExpr));
        }
        return keys;
    }
}
