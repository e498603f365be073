package dev.mig.generative;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generative differential test (specs/reliability.md): per seed, a generated schema and v2 change, an
 * application in separate processes writing through every phase, mig in child JVMs killed and rerun, and
 * an oracle that shares no code with mig. {@code -Dmig.gen.seed=N} (or N,M,...) runs those seeds; {@code -Dmig.gen.disable}
 * turns off some of the generator's features to narrow a failure ({@link Switches}).
 */
class GenerativeDifferentialTest {

    /** The default suite's seeds: together they cover every table kind, both journal modes, kills, offline. */
    static final long[] SEEDS = {2, 3, 5, 8, 9, 10, 12, 14};

    private static final List<SeedRun.Stats> RUN = new ArrayList<>();

    @TempDir
    Path base;

    @Test
    void everySeedEndsWithTheOldDataUntouchedAndTheNewDatabaseEqualToTheOracle() throws Exception {
        String one = System.getProperty("mig.gen.seed");
        long[] seeds = one != null ? java.util.Arrays.stream(one.split(",")).mapToLong(Long::parseLong).toArray() : SEEDS;
        runAll(LongStream.of(seeds).iterator(), Long.MAX_VALUE);
    }

    /** {@code -Psoak}: {@code -Dmig.gen.seeds=N} random seeds (default 200), or for {@code -Dmig.gen.minutes=M}. */
    @Test
    @Tag("soak")
    void soak() throws Exception {
        long minutes = Long.getLong("mig.gen.minutes", 0);
        long count = minutes > 0 ? Long.MAX_VALUE : Long.getLong("mig.gen.seeds", 200);
        long deadline = minutes > 0 ? System.currentTimeMillis() + minutes * 60_000 : Long.MAX_VALUE;
        Random r = new Random();
        runAll(LongStream.generate(() -> r.nextInt(1_000_000_000)).limit(count).iterator(), deadline);
    }

    private void runAll(java.util.PrimitiveIterator.OfLong seeds, long deadline) throws Exception {
        List<String> failures = new ArrayList<>();
        while (seeds.hasNext() && System.currentTimeMillis() < deadline) {
            long seed = seeds.nextLong();
            Path work = Files.createDirectories(base.resolve("seed-" + seed));
            try (Processes procs = new Processes(work)) {
                long t0 = System.nanoTime();
                SeedRun.Stats stats = new SeedRun(seed, work, procs).run();
                System.out.println("[gen] " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                synchronized (RUN) {
                    RUN.add(stats);
                }
                System.out.println("[gen] " + stats);
                delete(work); // a soak of hundreds of seeds must not fill the disk
            } catch (AssertionError | Exception e) {
                String line = "seed " + seed + " FAILED (switches off: [" + Switches.disabled() + "]): " + e.getMessage()
                        + "\n  reproduce: mvn -B -o test -pl mig-core -Dtest=GenerativeDifferentialTest -Dmig.gen.seed="
                        + seed + (Switches.disabled().isEmpty() ? "" : " -Dmig.gen.disable=" + Switches.disabled())
                        + "\n  work directory: " + work;
                System.out.println("[gen] " + line);
                failures.add(line);
                keep(work);
                if (!(e instanceof AssertionError)) {
                    e.printStackTrace(System.out);
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " seed(s) failed:\n" + String.join("\n", failures));
        }
    }

    private static void delete(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** A failing seed's files are copied out of the temporary directory for a look. */
    private static void keep(Path work) {
        try {
            Path kept = Path.of("target", "generative", work.getFileName().toString());
            Files.createDirectories(kept);
            try (var files = Files.walk(work)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path to = kept.resolve(work.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(f, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (Exception e) {
            System.out.println("[gen] could not keep " + work + ": " + e);
        }
    }

    @AfterAll
    static void summary() {
        synchronized (RUN) {
            long committed = RUN.stream().mapToLong(s -> s.acks().count()).sum();
            long kills = RUN.stream().mapToLong(SeedRun.Stats::kills).sum();
            java.util.Map<String, Integer> phases = new java.util.TreeMap<>();
            RUN.forEach(s -> s.acks().perPhase().forEach((p, n) -> phases.merge(p, n, Integer::sum)));
            long rejected = RUN.stream().mapToLong(s -> s.acks().rejected()).sum();
            System.out.println("[gen] " + RUN.size() + " seeds passed; transactions committed " + committed
                    + " by phase " + phases + "; rejected while draining " + rejected + "; mig kills " + kills
                    + "; switches off: [" + Switches.disabled() + "]");
        }
    }
}
