package dev.mig.bench;

import dev.mig.api.MigException;
import dev.mig.common.Elapsed;
import dev.mig.common.Versions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One {@code mig bench} run: generates the database once and measures everything on it in one process,
 * so ratios compare like with like (same data, same page cache, same machine state).
 */
public final class Bench {

    /** Alternating without/with rounds of the capture measurement; the median round is reported. */
    private static final int CAPTURE_ROUNDS = 3;

    /** Copies per size in the scaling measurement; the median one is reported. */
    static final int SCALE_RUNS = 3;

    private final BenchOptions o;
    private final Consumer<String> log;

    private Bench(BenchOptions options, Consumer<String> log) {
        this.o = options;
        this.log = log;
    }

    public static BenchReport run(BenchOptions options, Consumer<String> log) {
        if (options.rows() < 1_000) {
            throw MigException.input("--rows " + options.rows() + " is too small for a meaningful benchmark.",
                    "Use --rows 1000 or more (the default is 1,000,000).");
        }
        try (Workspace ws = Workspace.create(options.workDir(), options.keep())) {
            return new Bench(options, log).all(ws);
        } catch (MigException e) {
            throw e;
        } catch (Exception e) {
            throw MigException.runtime("The benchmark failed: " + e, "Rerun with --keep and --work-dir to inspect "
                    + "its files.", e);
        }
    }

    private BenchReport all(Workspace ws) throws Exception {
        long started = System.nanoTime();
        log.accept(String.format(Locale.ROOT, "Generating %,d rows ...", o.rows()));
        Path old = ws.file("old-n.sqlite");
        long t0 = System.nanoTime();
        BenchData.Sizes n = BenchData.generate(old, o.rows(), false);
        long generateMs = Elapsed.millisSince(t0);
        long bytes = Files.size(old);
        CopyPhase phase = copy(ws, old, n, bytes);
        BenchReport.Copy copy = phase.copy();
        log.accept("Whole commands (child JVMs): migrate --offline, plan, migrate, verify, drain --cutover ...");
        BenchReport.EndToEnd endToEnd = EndToEndBench.measure(ws, old, copy.ceilingMs(), copy.preservedCopyMs());
        BenchReport.Replay replay = replay(ws, old, n, phase.replay());
        log.accept("Capture overhead ...");
        BenchReport.CaptureOverhead capture = capture(ws, old, n);
        log.accept(String.format(Locale.ROOT, "Write pause: %d runs at %d writes/s ...", o.pauseRuns(),
                o.writesPerSecond()));
        BenchReport.Pause pause = PauseBench.measure(ws, old, n, o.pauseRuns(), o.writesPerSecond(),
                line -> log.accept("  " + line));
        List<BenchReport.Scale> scaling = scaling(ws, old);
        List<BenchReport.Memory> memory = memory(ws, old, bytes);
        BenchReport partial = new BenchReport(environment(), o, n.total(), bytes, bytes / (double) n.total(),
                generateMs, copy, endToEnd, capture, replay, pause, memory, scaling, List.of(), 0);
        return new BenchReport(partial.environment(), o, partial.rows(), bytes, partial.bytesPerRow(), generateMs, copy,
                endToEnd, capture, replay, pause, memory, scaling, Targets.of(partial),
                (System.nanoTime() - started) / 1_000_000_000);
    }

    /** The copy figures, and the first replay run, drained on the remapped migration's backlog. */
    private record CopyPhase(BenchReport.Copy copy, BenchReport.ReplayRun replay) {
    }

    private CopyPhase copy(Workspace ws, Path old, BenchData.Sizes n, long bytes) throws SQLException {
        log.accept("VACUUM INTO ...");
        long vacuum = CopyBench.vacuumInto(old, ws.file("vacuum.sqlite"));
        Workspace.delete(ws.file("vacuum.sqlite"));
        log.accept("Raw ceiling (ATTACH + INSERT ... SELECT) ...");
        Path ceilingFile = ws.file("ceiling.sqlite");
        long ceiling = CopyBench.ceiling(old, ceilingFile);
        deleteWithSidecars(ceilingFile);
        log.accept("mig migrate, ids preserved ...");
        Workspace.Run preservedRun = ws.run(old, false);
        CopyBench.Timed preserved = CopyBench.migrate(preservedRun);
        Workspace.delete(preservedRun.dir());
        log.accept("mig migrate, users remapped ...");
        Workspace.Run run = ws.run(old, true);
        CopyBench.Timed mig = CopyBench.migrate(run);
        BenchReport.ReplayRun replay = replayRun(run, n, 1);
        Workspace.delete(run.dir());
        long rows = mig.rows();
        return new CopyPhase(new BenchReport.Copy(rows, bytes, mig.wallMs(), mig.copyMs(), perSec(rows, mig.copyMs()),
                perSec(bytes, mig.copyMs()) / 1e6, preserved.wallMs(), preserved.copyMs(),
                perSec(rows, preserved.copyMs()), ceiling, perSec(rows, ceiling), vacuum, perSec(bytes, vacuum) / 1e6,
                ceiling / (double) Math.max(1, preserved.copyMs()), ceiling / (double) Math.max(1, mig.copyMs())), replay);
    }

    /** Replay, {@code first} and the other runs, each on a migration of its own. */
    private BenchReport.Replay replay(Workspace ws, Path old, BenchData.Sizes n, BenchReport.ReplayRun first)
            throws SQLException {
        List<BenchReport.ReplayRun> runs = new ArrayList<>(List.of(first));
        for (int i = 2; i <= o.replayRuns(); i++) {
            Workspace.Run run = ws.run(old, true);
            CopyBench.migrate(run);
            runs.add(replayRun(run, n, i));
            Workspace.delete(run.dir());
        }
        return ReplayBench.summary(o.replayChanges(), runs);
    }

    private BenchReport.ReplayRun replayRun(Workspace.Run migrated, BenchData.Sizes n, int i) throws SQLException {
        log.accept(String.format(Locale.ROOT, "Replay %d of %d: %,d changes, then mig drain ...", i, o.replayRuns(),
                o.replayChanges()));
        BenchReport.ReplayRun r = ReplayBench.drain(migrated, n, o.replayChanges());
        log.accept(String.format(Locale.ROOT, "  %,d entries, %,.0f entries/s", r.logEntries(), r.entriesPerSecond()));
        return r;
    }

    private BenchReport.CaptureOverhead capture(Workspace ws, Path old, BenchData.Sizes n) throws SQLException {
        // Two copies of the same file, one with capture, measured in alternating rounds: the order of
        // measurement (a cold file first) would otherwise decide the ratio more than the triggers do.
        Workspace.Run plain = ws.run(old, true);
        Workspace.Run captured = ws.run(old, true);
        CaptureBench.install(captured.old());
        long auto = o.captureWrites();
        long batched = auto * 5;
        CaptureBench.measure(plain.old(), n, auto / 5, 1); // warm-up
        CaptureBench.measure(captured.old(), n, auto / 5, 1);
        List<BenchReport.Writes> aws = new ArrayList<>();
        List<BenchReport.Writes> awiths = new ArrayList<>();
        List<BenchReport.Writes> bws = new ArrayList<>();
        List<BenchReport.Writes> bwiths = new ArrayList<>();
        for (int round = 0; round < CAPTURE_ROUNDS; round++) {
            aws.add(CaptureBench.measure(plain.old(), n, auto, 1));
            awiths.add(CaptureBench.measure(captured.old(), n, auto, 1));
            bws.add(CaptureBench.measure(plain.old(), n, batched, 100));
            bwiths.add(CaptureBench.measure(captured.old(), n, batched, 100));
        }
        BenchReport.Writes aw = Runs.median(aws, BenchReport.Writes::perSecond);
        BenchReport.Writes aWith = Runs.median(awiths, BenchReport.Writes::perSecond);
        BenchReport.Writes bw = Runs.median(bws, BenchReport.Writes::perSecond);
        BenchReport.Writes bWith = Runs.median(bwiths, BenchReport.Writes::perSecond);
        Workspace.delete(plain.dir());
        Workspace.delete(captured.dir());
        return new BenchReport.CaptureOverhead(aw, aWith, bw, bWith, aWith.perSecond() / aw.perSecond(),
                bWith.perSecond() / bw.perSecond(), aWith.p99Ms() - aw.p99Ms(), bWith.p99Ms() - bw.p99Ms());
    }

    /**
     * Copy time per row for N, 2N, 4N ..., each the median of {@link #SCALE_RUNS} copies measured here,
     * one size after the other: one slow copy (this VM's speed drifts by a third from minute to minute)
     * would otherwise decide a linearity ratio, as a single N copy from the start of the run once did.
     */
    private List<BenchReport.Scale> scaling(Workspace ws, Path old) {
        List<BenchReport.Scale> out = new ArrayList<>();
        double base = 0;
        for (int i = 0, f = 1; i < o.scaleSteps(); i++, f *= 2) {
            log.accept(String.format(Locale.ROOT, "Scaling: %,d rows, %d copies ...", o.rows() * f, SCALE_RUNS));
            Path file = f == 1 ? old : ws.file("old-" + f + "n.sqlite");
            if (f > 1) {
                BenchData.generate(file, o.rows() * f, false);
            }
            List<CopyBench.Timed> copies = new ArrayList<>();
            for (int r = 0; r < SCALE_RUNS; r++) {
                Workspace.Run run = ws.run(file, true);
                copies.add(CopyBench.migrate(run));
                Workspace.delete(run.dir());
            }
            if (f > 1) {
                deleteWithSidecars(file);
            }
            CopyBench.Timed t = Runs.median(copies, CopyBench.Timed::copyMs);
            double perRow = t.copyMs() / (double) t.rows();
            base = f == 1 ? perRow : base;
            out.add(new BenchReport.Scale(t.rows(), t.copyMs(), perSec(t.rows(), t.copyMs()), perRow / base));
        }
        return out;
    }

    private List<BenchReport.Memory> memory(Workspace ws, Path old, long bytes) {
        List<BenchReport.Memory> out = new ArrayList<>();
        log.accept(String.format(Locale.ROOT, "Memory: mig migrate of %,d rows in a child JVM ...", o.rows()));
        Workspace.Run run = ws.run(old, true);
        out.add(MemoryBench.measure(run, o.rows(), false, bytes));
        Workspace.delete(run.dir());
        if (o.memoryRows() > 0) {
            log.accept(String.format(Locale.ROOT, "Memory: generating %,d%s rows ...", o.memoryRows(),
                    o.narrowMemory() ? " narrow" : ""));
            Path big = ws.file("old-memory.sqlite");
            BenchData.generate(big, o.memoryRows(), o.narrowMemory());
            long bigBytes = Workspace.size(big);
            Workspace.Run bigRun = ws.run(big, true);
            deleteWithSidecars(big);
            log.accept("Memory: mig migrate in a child JVM ...");
            out.add(MemoryBench.measure(bigRun, o.memoryRows(), o.narrowMemory(), bigBytes));
            Workspace.delete(bigRun.dir());
        }
        return out;
    }

    private static void deleteWithSidecars(Path db) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            Workspace.delete(Path.of(db + suffix));
        }
    }

    static double perSec(long count, long millis) {
        return count * 1000.0 / Math.max(1, millis);
    }

    private static BenchReport.Environment environment() {
        Runtime rt = Runtime.getRuntime();
        return new BenchReport.Environment(System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"), cpuModel(), rt.availableProcessors(), memoryMb(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Versions.sqlite(), Versions.mig());
    }

    private static String cpuModel() {
        return procLine(Path.of("/proc/cpuinfo"), "model name").map(l -> l.substring(l.indexOf(':') + 1).trim())
                .orElse("unknown");
    }

    private static long memoryMb() {
        return procLine(Path.of("/proc/meminfo"), "MemTotal:").map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024)
                .orElse(-1L);
    }

    private static java.util.Optional<String> procLine(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst();
        } catch (Exception e) {
            return java.util.Optional.empty();
        }
    }
}
