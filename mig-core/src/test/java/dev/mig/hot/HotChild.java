package dev.mig.hot;

import dev.mig.Mig;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.capture.Capture;
import dev.mig.project.ActiveMigration;
import dev.mig.replay.Replayer;
import dev.mig.sql.SqliteFiles;
import dev.mig.testing.Db;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The main class of child JVMs started by the tests ({@link ChildJvm}): mig runs that die mid-way, and
 * an application writer in another process.
 *
 * <ul>
 *   <li>{@code migrate-halt DIR K}: migrate, halting the JVM (exit 137, no cleanup) after K chunks</li>
 *   <li>{@code migrate-slow DIR}: migrate, printing "chunk N" per chunk and pausing 30 ms after each</li>
 *   <li>{@code replay-halt DIR K PAUSE}: replay K batches of 1000 log entries, as drain does, then halt; with
 *       PAUSE=true the marker is set to draining first (a drain killed in its tail)</li>
 *   <li>{@code write DB SECONDS SEED OUT}: the {@link Workload} for up to SECONDS or until 20 writes were
 *       rejected as draining; prints "ready" and then "ops N" lines; writes its model's rows and its
 *       statistics to OUT</li>
 * </ul>
 */
public final class HotChild {

    private HotChild() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "migrate-halt" -> migrateHalt(Path.of(args[1]), Integer.parseInt(args[2]));
            case "migrate-slow" -> migrateSlow(Path.of(args[1]));
            case "replay-halt" -> replayHalt(Path.of(args[1]), Integer.parseInt(args[2]), Boolean.parseBoolean(args[3]));
            case "write" -> write(Path.of(args[1]), Long.parseLong(args[2]), Long.parseLong(args[3]), Path.of(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void migrateHalt(Path dir, int chunks) {
        int[] seen = {0};
        Mig.migrate(Project.at(dir, null), false, new Progress() {
            @Override
            public void chunkCopied(String table, long rowsCopied, long rowsTotal) {
                if (++seen[0] >= chunks) {
                    Runtime.getRuntime().halt(137);
                }
            }
        });
        System.exit(0); // finished before K chunks: the test sees exit code 0
    }

    private static void migrateSlow(Path dir) {
        int[] seen = {0};
        Mig.migrate(Project.at(dir, null), false, new Progress() {
            @Override
            public void chunkCopied(String table, long rowsCopied, long rowsTotal) {
                System.out.println("chunk " + ++seen[0]);
                System.out.flush();
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        System.exit(0);
    }

    private static void replayHalt(Path dir, int batches, boolean pause) throws Exception {
        ActiveMigration m = ActiveMigration.find(dir).orElseThrow();
        if (pause) {
            try (Connection old = SqliteFiles.openReadWrite(m.source())) {
                Capture.setMarker(old, Capture.Marker.DRAINING);
            }
        }
        try (Connection pair = SqliteFiles.openSourceWithTarget(m.source(), m.target())) {
            Replayer replayer = new Replayer(pair, m.plan(), m.declared(), m.live());
            for (int i = 0; i < batches; i++) {
                if (replayer.replayBatch(1_000) == null) {
                    System.exit(0);
                }
            }
            Runtime.getRuntime().halt(137);
        }
    }

    private static void write(Path db, long seconds, long seed, Path out) throws Exception {
        PrintStream stdout = System.out;
        try (Db app = Db.open(db)) {
            Workload w = new Workload(app.conn, seed, 500_000);
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            w.step();
            stdout.println("ready");
            stdout.flush();
            while (System.nanoTime() < deadline && w.rejected.get() < 20) {
                w.step();
                if (w.ops.get() % 20 == 0) {
                    stdout.println("ops " + w.ops.get());
                    stdout.flush();
                }
                java.util.concurrent.locks.LockSupport.parkNanos(500_000);
            }
            List<String> lines = new ArrayList<>();
            lines.add("stats " + w.ops.get() + " " + w.rejected.get() + " " + w.maxLatencyMs);
            w.errors.forEach(e -> lines.add("error " + e.replace('\n', ' ')));
            w.expectedCustomers().forEach(r -> lines.add("customers " + r));
            w.expectedOrders().forEach(r -> lines.add("orders " + r));
            w.expectedTags().forEach(r -> lines.add("tags " + r));
            Files.write(out, lines);
        }
        System.exit(0);
    }
}
