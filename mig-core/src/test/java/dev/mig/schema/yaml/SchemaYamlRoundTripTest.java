package dev.mig.schema.yaml;

import static dev.mig.sql.Sql.ident;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mig.api.plan.IdPolicy;
import dev.mig.schema.Check;
import dev.mig.schema.Column;
import dev.mig.schema.FkAction;
import dev.mig.schema.ForeignKey;
import dev.mig.schema.Generated;
import dev.mig.schema.Index;
import dev.mig.schema.IndexTerm;
import dev.mig.schema.Names;
import dev.mig.schema.PrimaryKey;
import dev.mig.schema.Schema;
import dev.mig.schema.Table;
import dev.mig.schema.Trigger;
import dev.mig.schema.UniqueKey;
import dev.mig.schema.View;
import dev.mig.sql.Sql;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** load(write(s)) equals s, over many generated valid schemas (a fixed seed keeps failures reproducible). */
class SchemaYamlRoundTripTest {
    private static final List<String> NAMES = List.of("id", "yes", "null", "on", "a b", "it's", "q\"q", "x.y",
            "k:v", "#h", "ü", "表", "12", "-", "~", "true", "end", "order", "[x]", "{y}", "&a", "*b", "!c", "%d", "@e",
            "`f`", "a\\b", "tab\tx", "Off", "0x1F", "2024-01-31", "NO", "|p", ">f", "'s'", "?q", "<<");
    private static final List<String> TYPES = List.of("INTEGER", "TEXT", "VARCHAR(20)", "REAL", "", "BLOB",
            "NUMERIC(10, 2)", "INT");
    private static final List<String> DEFAULTS = List.of("0", "-1", "1.5", "'x'", "'it''s'", "CURRENT_TIMESTAMP",
            "NULL", "TRUE", "'yes'", "'a: b'", "X'00ff'", "'\"q\"'");

    @Test
    void generatedSchemasSurviveAWriteAndLoad() {
        Random random = new Random(20240531);
        for (int i = 0; i < 100; i++) {
            Schema s = new Generator(random).schema();
            String yaml = SchemaYaml.write(s);
            assertEquals(s, SchemaYaml.load(yaml, "schema.yaml", "unused"), "schema #" + i + ":\n" + yaml);
        }
    }

    private static final class Generator {
        private final Random r;
        private final Set<String> used = new HashSet<>();

        Generator(Random r) {
            this.r = r;
        }

        /** A fresh object name: tables, indexes, views and triggers must not collide. */
        private String fresh() {
            while (true) {
                String n = NAMES.get(r.nextInt(NAMES.size())) + (r.nextBoolean() ? "" : " " + r.nextInt(100));
                if (used.add(Names.key(n))) {
                    return n;
                }
            }
        }

        Schema schema() {
            List<Table> tables = new ArrayList<>();
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                tables.add(table(tables));
            }
            List<View> views = new ArrayList<>();
            List<Trigger> triggers = new ArrayList<>();
            for (Table t : tables) {
                if (r.nextBoolean()) {
                    views.add(new View(fresh(), List.of(), Sql.canonical("SELECT * FROM " + ident(t.name()))));
                }
                if (r.nextBoolean()) {
                    String tn = fresh();
                    triggers.add(new Trigger(tn, t.name(), Sql.canonical("CREATE TRIGGER " + ident(tn) + " AFTER "
                            + List.of("INSERT", "UPDATE", "DELETE").get(r.nextInt(3)) + " ON " + ident(t.name())
                            + " BEGIN SELECT 1; END")));
                }
            }
            return new Schema("db", tables, views, triggers, r.nextBoolean() ? List.of(fresh()) : List.of());
        }

        private Table table(List<Table> earlier) {
            String name = fresh();
            List<Column> cols = new ArrayList<>();
            Set<String> colKeys = new HashSet<>();
            int n = 2 + r.nextInt(3);
            while (cols.size() < n) {
                String c = NAMES.get(r.nextInt(NAMES.size()));
                if (colKeys.add(Names.key(c))) {
                    cols.add(column(c, cols));
                }
            }
            PrimaryKey pk = primaryKey(cols);
            List<UniqueKey> uniques = new ArrayList<>();
            for (int i = r.nextInt(3); i > 0; i--) {
                uniques.add(new UniqueKey(r.nextBoolean() ? List.of(pick(cols))
                        : List.of(cols.get(0).name(), cols.get(1).name())));
            }
            List<Check> checks = r.nextBoolean() ? List.of() : List.of(new Check(r.nextBoolean() ? null : "c k",
                    ident(cols.get(0).name()) + " IS NOT NULL OR 1 = 1"));
            List<ForeignKey> fks = new ArrayList<>();
            for (Table parent : earlier) {
                if (parent.primaryKey() != null && parent.primaryKey().columns().size() <= cols.size()
                        && r.nextBoolean()) {
                    int k = parent.primaryKey().columns().size();
                    List<String> from = cols.subList(0, k).stream().map(Column::name).toList();
                    fks.add(new ForeignKey(from, parent.name(), r.nextBoolean() ? List.of()
                            : parent.primaryKey().columns(), FkAction.values()[r.nextInt(5)],
                            FkAction.values()[r.nextInt(5)], r.nextBoolean()));
                }
            }
            List<Index> indexes = new ArrayList<>();
            if (r.nextBoolean()) {
                indexes.add(new Index(fresh(), List.of(new IndexTerm(pick(cols), null,
                        r.nextBoolean() ? null : "NOCASE", r.nextBoolean()), new IndexTerm(null,
                        "lower(" + ident(cols.get(0).name()) + ")", null, r.nextBoolean())), r.nextBoolean(),
                        r.nextBoolean() ? null : ident(cols.get(0).name()) + " > 0"));
            }
            boolean withoutRowid = pk != null && !pk.autoincrement() && r.nextInt(4) == 0;
            return new Table(name, cols, pk, uniques, checks, fks, indexes, withoutRowid, false,
                    r.nextBoolean() ? null : name + " old", r.nextBoolean() ? List.of() : List.of("gone col"),
                    r.nextBoolean() ? IdPolicy.PRESERVE : IdPolicy.REMAP);
        }

        private Column column(String name, List<Column> before) {
            boolean generated = before.size() >= 2 && r.nextInt(4) == 0;
            return new Column(name, TYPES.get(r.nextInt(TYPES.size())), r.nextBoolean(),
                    generated || r.nextBoolean() ? null : DEFAULTS.get(r.nextInt(DEFAULTS.size())),
                    List.of("NOCASE", "RTRIM", "").get(r.nextInt(3)).transform(c -> c.isEmpty() ? null : c),
                    generated ? new Generated(ident(before.get(0).name()) + " || 'x'", r.nextBoolean()) : null,
                    r.nextBoolean() ? null : name + " was", generated || r.nextBoolean() ? null : "1 + 1");
        }

        private PrimaryKey primaryKey(List<Column> cols) {
            switch (r.nextInt(3)) {
                case 0:
                    return null;
                case 1:
                    boolean integer = cols.get(0).type().equals("INTEGER");
                    boolean desc = r.nextInt(4) == 0;
                    return new PrimaryKey(List.of(cols.get(0).name()), desc, integer && !desc && r.nextBoolean());
                default:
                    return new PrimaryKey(List.of(cols.get(1).name(), cols.get(0).name()), false, false);
            }
        }

        private String pick(List<Column> cols) {
            return cols.get(r.nextInt(cols.size())).name();
        }
    }
}
