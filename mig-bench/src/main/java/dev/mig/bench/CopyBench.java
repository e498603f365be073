package dev.mig.bench;

import static dev.mig.sql.Sql.ident;

import dev.mig.api.MigrateOptions;
import dev.mig.api.MigrateResult;
import dev.mig.api.Progress;
import dev.mig.api.plan.MigrationPlan;
import dev.mig.api.plan.TablePlan;
import dev.mig.common.Elapsed;
import dev.mig.plan.MappingSql;
import dev.mig.plan.Planner;
import dev.mig.run.MigrateRun;
import dev.mig.schema.Index;
import dev.mig.schema.Schema;
import dev.mig.schema.SchemaDdl;
import dev.mig.schema.Table;
import dev.mig.schema.introspect.Introspector;
import dev.mig.schema.introspect.LiveDatabase;
import dev.mig.schema.yaml.SchemaYaml;
import dev.mig.sql.SchemaName;
import dev.mig.sql.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Copy throughput: {@code mig migrate} against the raw SQLite ceiling and a physical copy. */
final class CopyBench {

    private CopyBench() {
    }

    /** Wall time of {@code mig migrate} (plan, new file, capture, copy, indexes), and of its copy alone. */
    record Timed(long rows, long wallMs, long copyMs) {
    }

    static Timed migrate(Workspace.Run run) {
        long t0 = System.nanoTime();
        MigrateResult r = new MigrateRun(run.project(), MigrateOptions.of(false), Progress.NONE).run();
        long wall = Elapsed.millisSince(t0);
        return new Timed(r.copy().rows(), wall, r.copy().millis());
    }

    /**
     * The raw ceiling: a new file with the declared tables, the old one ATTACHed read-only, one
     * {@code INSERT INTO ... SELECT} per table with the plan's column mapping (ids preserved), then the
     * indexes; no capture, chunking, cursors or id mapping. Timed from the first INSERT to the
     * COMMIT after the indexes. Same PRAGMAs as mig's copy
     * (journal_mode as the old file, synchronous OFF). Returns milliseconds.
     */
    static long ceiling(Path old, Path target) throws SQLException {
        Schema declared = SchemaYaml.load(BenchData.schemaV2(false), "bench-v2", "bench");
        LiveDatabase live = Introspector.read(old);
        MigrationPlan plan;
        try (Connection ro = SqliteFiles.openReadOnly(old)) {
            plan = Planner.plan(declared, live, ro);
        }
        try (Connection c = SqliteFiles.openReadWrite(target); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            for (Table t : declared.tables()) {
                s.execute(SchemaDdl.createTable(t));
            }
        }
        String schema = SchemaName.NEW.quoted();
        long t0 = System.nanoTime();
        try (Connection pair = SqliteFiles.openSourceWithTarget(old, target); Statement s = pair.createStatement()) {
            s.execute("PRAGMA " + schema + ".synchronous = OFF");
            s.execute("BEGIN");
            for (TablePlan t : plan.tables()) {
                MappingSql m = MappingSql.of(t, declared, live.schema());
                s.executeUpdate("INSERT INTO " + m.targetTable() + " (" + String.join(", ", m.targetTerms()) + ") "
                        + m.mappedSelect());
            }
            for (Table t : declared.tables()) {
                for (Index i : t.indexes()) {
                    s.execute(SchemaDdl.createIndex(SchemaName.NEW, t.name(), i));
                }
            }
            s.execute("COMMIT");
        }
        return Elapsed.millisSince(t0);
    }

    /** {@code VACUUM INTO}: SQLite's physical copy of the whole file. Returns milliseconds. */
    static long vacuumInto(Path old, Path target) throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = SqliteFiles.openReadOnly(old);
             PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, target.toAbsolutePath().toString());
            ps.execute();
        }
        return Elapsed.millisSince(t0);
    }
}
