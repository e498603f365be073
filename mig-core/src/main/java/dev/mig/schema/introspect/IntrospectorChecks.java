package dev.mig.schema.introspect;

import dev.mig.schema.Column;
import dev.mig.schema.ForeignKey;
import dev.mig.schema.Index;
import dev.mig.schema.IndexTerm;
import dev.mig.schema.Names;
import dev.mig.schema.Table;
import dev.mig.schema.introspect.IntrospectorPragmas.ColumnInfo;
import dev.mig.schema.introspect.IntrospectorPragmas.FkInfo;
import dev.mig.schema.introspect.IntrospectorPragmas.IndexColumnInfo;
import dev.mig.schema.introspect.IntrospectorPragmas.SchemaRow;
import dev.mig.schema.parse.CreateIndexParser.ParsedIndex;
import dev.mig.schema.parse.CreateIndexParser.ParsedTerm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cross-checks what the parser read from a CREATE statement with what SQLite's PRAGMAs report. A
 * disagreement is a parser bug; failing loudly beats migrating a silently wrong schema.
 */
final class IntrospectorChecks {
    private IntrospectorChecks() {
    }

    static void table(Table t, SchemaRow row, List<ColumnInfo> info, List<FkInfo> fks) {
        List<String> names = info.stream().map(ColumnInfo::name).toList();
        require(names.equals(t.columns().stream().map(Column::name).toList()), row, "columns " + names);
        List<String> pk = info.stream().filter(i -> i.pk() > 0).sorted(Comparator.comparingInt(ColumnInfo::pk))
                .map(ColumnInfo::name).toList();
        require(Names.same(pk, t.keyColumns()), row, "primary key " + pk);
        for (int i = 0; i < info.size(); i++) {
            Column col = t.columns().get(i);
            ColumnInfo ci = info.get(i);
            require(ci.hidden() == hiddenCode(col), row, "generated column " + ci.name());
            require(!col.notNull() || ci.notNull(), row, "NOT NULL on " + ci.name());
        }
        require(infoShapes(fks).equals(modelShapes(t.foreignKeys())), row, "foreign keys " + infoShapes(fks));
    }

    private static int hiddenCode(Column col) {
        if (col.generated() == null) {
            return 0;
        }
        return col.generated().stored() ? 3 : 2;
    }

    /** Foreign keys as sorted "columns>parent:delete:update" strings, comparable across both sources. */
    private static List<String> infoShapes(List<FkInfo> fks) {
        Map<Integer, List<FkInfo>> byId = new TreeMap<>();
        fks.forEach(f -> byId.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(f));
        return byId.values().stream().map(parts -> shape(parts.stream().map(FkInfo::from).toList(),
                parts.get(0).table(), parts.get(0).onDelete(), parts.get(0).onUpdate())).sorted().toList();
    }

    private static List<String> modelShapes(List<ForeignKey> fks) {
        return fks.stream().map(fk -> shape(fk.columns(), fk.refTable(), fk.onDelete().sql, fk.onUpdate().sql))
                .sorted().toList();
    }

    private static String shape(List<String> columns, String parent, String onDelete, String onUpdate) {
        return columns.stream().map(Names::key).toList() + ">" + Names.key(parent) + ":" + onDelete + ":" + onUpdate;
    }

    /** The model's index: a term is a column exactly when SQLite says so (index_xinfo cid >= 0). */
    static Index index(ParsedIndex parsed, SchemaRow row, Table owner, List<IndexColumnInfo> info) {
        require(info.size() == parsed.terms().size(), row, info.size() + " indexed terms");
        List<IndexTerm> terms = new ArrayList<>();
        for (int i = 0; i < info.size(); i++) {
            ParsedTerm term = parsed.terms().get(i);
            IndexColumnInfo ci = info.get(i);
            require(ci.desc() == term.desc(), row, "DESC on term " + (i + 1));
            terms.add(term(term, ci, owner));
        }
        return new Index(row.name(), terms, parsed.unique(), parsed.where());
    }

    private static IndexTerm term(ParsedTerm term, IndexColumnInfo ci, Table owner) {
        if (ci.cid() >= 0) {
            String column = owner.column(ci.name()).map(Column::name).orElse(ci.name());
            return new IndexTerm(column, null, term.collate(), term.desc());
        }
        if (ci.cid() == -1 && term.columnName() != null) {
            return new IndexTerm(term.columnName(), null, term.collate(), term.desc());
        }
        return new IndexTerm(null, term.expr(), term.collate(), term.desc());
    }

    private static void require(boolean agrees, SchemaRow row, String what) {
        if (!agrees) {
            throw Introspector.unreadable(row.type(), row, "SQLite reports different " + what);
        }
    }
}
