package dev.mig.cli.demo;

import dev.mig.Mig;
import dev.mig.api.DrainOptions;
import dev.mig.api.DrainResult;
import dev.mig.api.MigException;
import dev.mig.api.MigrateResult;
import dev.mig.api.PlanReport;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.api.StatusReport;
import dev.mig.api.text.Format;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * {@code mig demo}: a whole hot migration of a live shop database, start to finish, with a writer that
 * never stops. Uses examples/shop: v1.sql is the running schema, schema.yaml the v2 it moves to (renames a
 * table and a column, computes a column, drops a column with consent, remaps one table's keys).
 */
public final class Demo {

    private final Example example;
    private final Path project;
    private final PrintWriter out;
    private final long seed;

    public Demo(Example example, Path project, PrintWriter out, long seed) {
        this.example = example;
        this.project = project;
        this.out = out;
        this.seed = seed;
    }

    /** Runs the demo; true when verify passed and the writer lost nothing. */
    public boolean run() throws Exception {
        out.println("mig demo: a hot migration of a live shop database, start to finish");
        out.println("  scratch project: " + project);
        Path v1 = createV1();
        Files.writeString(project.resolve("schema.yaml"), example.schemaYaml());
        step(2, "application writer started: orders with lines, status changes, renames, price changes, "
                + "new customers, deletes that cascade");
        ShopWriter writer = new ShopWriter(v1, seed);
        writer.start();
        try {
            return migrate(writer);
        } finally {
            writer.stopAndJoin();
        }
    }

    private boolean migrate(ShopWriter writer) throws Exception {
        PlanReport plan = Mig.plan(Project.at(project, null));
        step(3, "mig plan: " + (plan.plan().canMigrate() ? "can migrate" : "BLOCKED") + " to schema "
                + plan.plan().targetHash() + " (" + plan.plan().differences().size() + " differences, "
                + Format.count(plan.plan().totalRows()) + " rows to copy)");
        plan.plan().differences().forEach(d -> out.println("       " + d.message()));
        if (!plan.plan().canMigrate()) {
            return false;
        }
        MigrateResult m = Mig.migrate(Project.at(project, null), false, Progress.NONE);
        step(4, String.format(Locale.ROOT, "mig migrate: copied %,d rows in %,d ms while the writer kept writing",
                m.copy().rows(), m.copy().millis()));
        Thread.sleep(500);
        StatusReport status = Mig.status(Project.at(project, null));
        step(5, "mig status: phase " + status.phase() + ", " + status.oldDatabase().logEntries()
                + " writes recorded, " + status.replay().pending() + " pending replay");
        DrainResult d = Mig.drain(Project.at(project, null), new DrainOptions(3_000, true, true), Progress.NONE);
        step(6, String.format(Locale.ROOT, "mig drain --cutover: replayed %,d entries; writes paused for %d ms; verify: %s",
                d.entriesReplayed(), d.writePauseMs(), d.verified() == null ? "skipped"
                        : d.verified().equal() ? d.verified().tables().size() + " tables equal"
                        : "DIFFERENT: " + d.verified().summary()));
        writer.stopAndJoin();
        List<String> wrong;
        try (Connection n = readOnly(d.target())) {
            wrong = writer.missingIn(n);
        }
        step(7, String.format(Locale.ROOT, "writer: %,d writes succeeded, %,d rejected during the pause; %s",
                writer.succeeded, writer.rejected, wrong.isEmpty() ? "every successful write is in the new database"
                        : wrong.size() + " writes are missing or wrong"));
        wrong.stream().limit(10).forEach(w -> out.println("       " + w));
        writer.unexpected.stream().limit(10).forEach(e -> out.println("       unexpected writer error: " + e));
        boolean ok = d.verified() != null && d.verified().equal() && wrong.isEmpty() && writer.unexpected.isEmpty();
        out.println(ok ? "Result: OK. The new database " + d.target().getFileName() + " is ready."
                : "Result: FAILED (see above).");
        out.println("The scratch project stays in " + project + " for you to look at ('mig status -d " + project
                + "'); delete it with: rm -r " + project);
        return ok;
    }

    /** The v1 database from examples/shop/v1.sql plus thousands of generated rows, in WAL mode. */
    private Path createV1() throws SQLException, IOException {
        Path tmp = project.resolve("v1.building");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp)) {
            try (Statement s = c.createStatement()) {
                s.executeQuery("PRAGMA journal_mode = WAL").close();
                s.executeUpdate(example.v1Sql());
            }
            ShopData.fill(c, seed);
        }
        String hash = Mig.schemaHash(tmp);
        Path v1 = project.resolve("shop-" + hash + ".sqlite");
        Files.move(tmp, v1);
        for (String suffix : List.of("-wal", "-shm")) {
            Files.deleteIfExists(project.resolve("v1.building" + suffix));
        }
        try (Connection c = readOnly(v1)) {
            step(1, String.format(Locale.ROOT, "v1 database %s: %,d customers, %,d products, %,d orders, %,d order lines (WAL)",
                    v1.getFileName(), ShopData.count(c, "customers"), ShopData.count(c, "products"),
                    ShopData.count(c, "orders"), ShopData.count(c, "order_items")));
        }
        return v1;
    }

    /** As an application would open a database to read it: plain JDBC, nothing of mig. */
    private static Connection readOnly(Path db) throws SQLException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        return DriverManager.getConnection("jdbc:sqlite:" + db, config.toProperties());
    }

    private void step(int n, String text) {
        out.println(n + ". " + text);
        out.flush();
    }

    /** examples/shop as the build put it into the jar: the demo runs from any directory, with no checkout. */
    public record Example(String v1Sql, String schemaYaml) {
        public static Example shop() {
            return new Example(resource("v1.sql"), resource("schema.yaml"));
        }

        private static String resource(String name) {
            try (InputStream in = Demo.class.getResourceAsStream("shop/" + name)) {
                if (in == null) {
                    throw new MigException(MigException.Kind.INTERNAL, "examples/shop/" + name + " is missing from "
                            + "mig's jar.", "Rebuild mig ('mvn -DskipTests package'); the build copies examples/shop in.");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
