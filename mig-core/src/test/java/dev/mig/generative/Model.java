package dev.mig.generative;

import java.util.ArrayList;
import java.util.List;

/**
 * The generated schema: the old (v1) tables as the application created them, and what schema.yaml (v2)
 * makes of them. Mutable while {@link SchemaGen} builds it, read-only afterwards.
 */
final class Model {

    /** How a table is keyed in v1 (and v2: mig keeps the kind of key). */
    enum Kind {
        /** {@code id INTEGER PRIMARY KEY}: the key is the rowid. */
        INT_PK,
        /** No primary key: keyed by the rowid, which is data. */
        NO_PK,
        /** A rowid table with a TEXT primary key (a separate unique index; the rowid is hidden). */
        TEXT_PK,
        /** A rowid table with a composite (INTEGER, TEXT) primary key. */
        COMPOSITE_PK,
        /** WITHOUT ROWID, TEXT key. */
        WOR_TEXT,
        /** WITHOUT ROWID, composite (INTEGER, TEXT) key. */
        WOR_COMPOSITE;

        boolean withoutRowid() {
            return this == WOR_TEXT || this == WOR_COMPOSITE;
        }

        /** A rowid table whose key is not the rowid: the rowid is hidden, and only item 3 says if it is data. */
        boolean hiddenRowid() {
            return this == TEXT_PK || this == COMPOSITE_PK;
        }
    }

    /** What values a column holds. */
    enum Values { INT, TEXT, REAL, BLOB, ANY }

    static final class Col {
        final String name;
        String newName;
        final String type;
        String newType;
        final Values values;
        boolean key;
        boolean notNull;
        String dflt;
        boolean unique;
        boolean uniqueInV2;
        Col generatedFrom;
        boolean stored;
        boolean dropped;
        /** Only in v2: filled by {@code from} (an expression over the v1 row) or by its default / NULL. */
        boolean added;
        String fromExpr;
        /** Something refers to it (a key, a foreign key, a generated column, a trigger): never dropped. */
        boolean pinned;
        /** A foreign key column: values come from the parent's keys. */
        Fk fk;
        /** The application never writes it: it keeps its default. */
        boolean fixed;

        Col(String name, String type, Values values) {
            this.name = name;
            this.newName = name;
            this.type = type;
            this.newType = type;
            this.values = values;
        }

        boolean generated() {
            return generatedFrom != null;
        }

        String generatedExpr(boolean v2) {
            // % 1000: no integer overflow into REAL, which a STRICT INTEGER generated column refuses in the
            // SQLite mig bundles (3.53) while the writer's 3.40 stores it: the copy would fail
            return "coalesce(" + Gen.q(v2 ? generatedFrom.newName : generatedFrom.name) + ", 0) % 1000 * 2";
        }
    }

    static final class Fk {
        /** The child column that holds the parent's key (the others: its other referenced columns). */
        boolean holdsKey(Col c) {
            return parentCols.get(cols.indexOf(c)).key;
        }

        final List<Col> cols = new ArrayList<>();
        final Table parent;
        final List<Col> parentCols;
        final String onDelete;
        final String onUpdate;

        Fk(Table parent, List<Col> parentCols, String onDelete, String onUpdate) {
            this.parent = parent;
            this.parentCols = parentCols;
            this.onDelete = onDelete;
            this.onUpdate = onUpdate;
        }
    }

    static final class Table {
        final String name;
        String newName;
        final Kind kind;
        final boolean strict;
        boolean autoincrement;
        boolean remap;
        boolean droppedInV2;
        /** Only in v2 (created empty). */
        boolean added;
        final List<Col> cols = new ArrayList<>();
        final List<Fk> fks = new ArrayList<>();
        final List<List<Col>> newIndexes = new ArrayList<>();
        /** Table-level UNIQUE constraints, in v1 and v2. */
        final List<List<Col>> uniques = new ArrayList<>();

        Table(String name, Kind kind, boolean strict) {
            this.name = name;
            this.newName = name;
            this.kind = kind;
            this.strict = strict;
        }

        List<Col> keyCols() {
            return cols.stream().filter(c -> c.key).toList();
        }

        /** v1 columns (added ones left out). */
        List<Col> v1Cols() {
            return cols.stream().filter(c -> !c.added).toList();
        }

        /** v2 columns (dropped ones left out), v1 order then the added ones. */
        List<Col> v2Cols() {
            return cols.stream().filter(c -> !c.dropped).toList();
        }

        /** Columns the application writes: not generated, in v1. */
        List<Col> writable() {
            return v1Cols().stream().filter(c -> !c.generated() && !c.fixed).toList();
        }
    }

    /** An application trigger: after INSERT or DELETE on {@code on}, a row into {@code audit}. */
    record Trigger(String name, String event, Table on, Table audit) {
    }

    final List<Table> tables = new ArrayList<>();
    final List<Trigger> triggers = new ArrayList<>();
    String journalMode = "wal";

    List<Table> v1Tables() {
        return tables.stream().filter(t -> !t.added).toList();
    }

    List<Table> v2Tables() {
        return tables.stream().filter(t -> !t.droppedInV2).toList();
    }

    /** A {@code from:} of the v2 change reads another table (item 8): only an offline migration may run it. */
    boolean fromReadsOtherTable() {
        return v2Tables().stream().flatMap(t -> t.v2Cols().stream())
                .anyMatch(c -> c.fromExpr != null && c.fromExpr.contains("SELECT"));
    }

    /**
     * What a user does after the hot refusal of item 8: compute each such value from its own row instead (the
     * referencing column itself, quoted as the subquery quoted the parent's key it names).
     */
    void fromOwnRowOnly() {
        for (Table t : v2Tables()) {
            for (Col c : t.v2Cols()) {
                if (c.fromExpr != null && c.fromExpr.contains("SELECT")) {
                    c.fromExpr = "quote(" + Gen.q(t.fks.get(0).cols.get(0).name) + ")";
                }
            }
        }
    }

    String shape() {
        StringBuilder s = new StringBuilder();
        for (Table t : tables) {
            s.append(t.kind).append(t.strict ? "/strict" : "").append(t.autoincrement ? "/autoinc" : "")
                    .append(t.remap ? "/remap" : "").append(t.droppedInV2 ? "/dropped" : "")
                    .append(t.added ? "/new" : "").append(t.fks.isEmpty() ? "" : "/fk" + t.fks.size())
                    .append(t.fks.stream().anyMatch(f -> f.cols.size() > 1 && f.parent.remap) ? "/cfk-remap" : "")
                    .append(t.cols.size() > 100 ? "/wide" : "").append(' ');
        }
        return s.toString().trim();
    }
}
