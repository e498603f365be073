package dev.mig.plan;

import dev.mig.api.plan.Blocker;
import dev.mig.api.plan.IdPolicy;
import dev.mig.api.plan.MigrationPlan;
import dev.mig.schema.Check;
import dev.mig.schema.Column;
import dev.mig.schema.FileSettings;
import dev.mig.schema.ForeignKey;
import dev.mig.schema.Generated;
import dev.mig.schema.Index;
import dev.mig.schema.IndexTerm;
import dev.mig.schema.PrimaryKey;
import dev.mig.schema.Schema;
import dev.mig.schema.SchemaDdl;
import dev.mig.schema.Table;
import dev.mig.schema.Trigger;
import dev.mig.schema.UniqueKey;
import dev.mig.schema.View;
import dev.mig.schema.introspect.LiveDatabase;
import dev.mig.sql.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Small builders for schemas and live databases: tests build the model directly, not through YAML. */
final class Fx {
    private Fx() {
    }

    static Column col(String name, String type) {
        return new Column(name, type, false, null, null, null, null, null);
    }

    static Column notNull(Column c) {
        return new Column(c.name(), c.type(), true, c.defaultExpr(), c.collate(), c.generated(), c.renamedFrom(), c.from());
    }

    static Column withDefault(Column c, String expr) {
        return new Column(c.name(), c.type(), c.notNull(), expr, c.collate(), c.generated(), c.renamedFrom(), c.from());
    }

    static Column collate(Column c, String collation) {
        return new Column(c.name(), c.type(), c.notNull(), c.defaultExpr(), collation, c.generated(), c.renamedFrom(),
                c.from());
    }

    static Column renamedFrom(Column c, String old) {
        return new Column(c.name(), c.type(), c.notNull(), c.defaultExpr(), c.collate(), c.generated(), old, c.from());
    }

    static Column from(Column c, String expr) {
        return new Column(c.name(), c.type(), c.notNull(), c.defaultExpr(), c.collate(), c.generated(), c.renamedFrom(),
                expr);
    }

    static Column generated(Column c, String expr) {
        return new Column(c.name(), c.type(), c.notNull(), null, c.collate(), new Generated(expr, false), null, null);
    }

    /** A mutable table builder; {@link #build()} makes the record. */
    static final class T {
        private String name;
        private final List<Column> columns = new ArrayList<>();
        private PrimaryKey pk;
        private final List<UniqueKey> uniques = new ArrayList<>();
        private final List<Check> checks = new ArrayList<>();
        private final List<ForeignKey> fks = new ArrayList<>();
        private final List<Index> indexes = new ArrayList<>();
        private boolean withoutRowid;
        private boolean strict;
        private String renamedFrom;
        private final List<String> dropColumns = new ArrayList<>();
        private IdPolicy ids = IdPolicy.PRESERVE;

        T(String name) {
            this.name = name;
        }

        T cols(Column... cs) {
            columns.addAll(Arrays.asList(cs));
            return this;
        }

        T pk(String... cols) {
            pk = new PrimaryKey(List.of(cols), false, false);
            return this;
        }

        T unique(String... cols) {
            uniques.add(new UniqueKey(List.of(cols)));
            return this;
        }

        T check(String expr) {
            checks.add(new Check(null, expr));
            return this;
        }

        T fk(String column, String parent) {
            fks.add(new ForeignKey(List.of(column), parent, List.of(), null, null, false));
            return this;
        }

        T fk(List<String> columns, String parent, List<String> parentCols) {
            fks.add(new ForeignKey(columns, parent, parentCols, null, null, false));
            return this;
        }

        T index(String indexName, boolean unique, String... cols) {
            indexes.add(new Index(indexName, Arrays.stream(cols).map(IndexTerm::column).toList(), unique, null));
            return this;
        }

        T withoutRowid() {
            withoutRowid = true;
            return this;
        }

        T strict() {
            strict = true;
            return this;
        }

        T renamedFrom(String old) {
            renamedFrom = old;
            return this;
        }

        T dropColumns(String... names) {
            dropColumns.addAll(Arrays.asList(names));
            return this;
        }

        T remap() {
            ids = IdPolicy.REMAP;
            return this;
        }

        T named(String newName) {
            name = newName;
            return this;
        }

        Table build() {
            return new Table(name, columns, pk, uniques, checks, fks, indexes, withoutRowid, strict, renamedFrom,
                    dropColumns, ids);
        }
    }

    static T table(String name) {
        return new T(name);
    }

    static Schema schema(Table... tables) {
        return new Schema("app", List.of(tables), List.of(), List.of(), List.of());
    }

    static Schema withDrops(Schema s, String... dropTables) {
        return new Schema(s.name(), s.tables(), s.views(), s.triggers(), List.of(dropTables));
    }

    static Schema withViewsAndTriggers(Schema s, List<View> views, List<Trigger> triggers) {
        return new Schema(s.name(), s.tables(), views, triggers, s.dropTables());
    }

    /** Creates the live file from {@code live} and runs the inserts with foreign keys off (as many apps do). */
    static Path createLive(Path dir, Schema live, String... inserts) throws SQLException {
        Path file = dir.resolve("live.db");
        try (Connection c = SqliteFiles.openReadWrite(file); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys=OFF");
            for (String ddl : SchemaDdl.createAll(live)) {
                s.execute(ddl);
            }
            for (String insert : inserts) {
                s.execute(insert);
            }
        }
        return file;
    }

    /** Plans against the file, with a LiveDatabase built from the same Schema the file was created from. */
    static MigrationPlan planFile(Schema declared, Schema live, Path file) throws SQLException {
        LiveDatabase db = new LiveDatabase(Path.of("live.db"), live,
                new FileSettings(0, 0, 4096, "delete", "UTF-8", 0), Map.of(), List.of());
        try (Connection ro = SqliteFiles.openReadOnly(file)) {
            return Planner.plan(declared, db, ro);
        }
    }

    static MigrationPlan plan(Schema declared, Schema live, Path dir, String... inserts) throws SQLException {
        return planFile(declared, live, createLive(dir, live, inserts));
    }

    static List<String> blockerMessages(MigrationPlan p) {
        return p.blockers().stream().map(Blocker::message).toList();
    }
}
