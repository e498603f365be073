package dev.mig.generative;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mig.generative.Model.Table;
import dev.mig.generative.Processes.Exit;
import dev.mig.generative.WorkloadGen.Tx;
import dev.mig.hot.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One seed, end to end: generate a schema, its v2 change and a workload; create the old database; run
 * the writer and readers as Python processes and mig as child JVMs (killed at random crash points and run
 * again, as a user would); then judge with the {@link Oracle}. Throws AssertionError on any difference.
 */
final class SeedRun {

    /** What one seed did, for the run's summary. */
    record Stats(long seed, String shape, String journal, String mode, Acks acks, int kills, Map<String, Long> millis) {
        @Override
        public String toString() {
            return "seed " + seed + " [" + journal + ", " + mode + ", kills " + kills + "] committed " + acks.count()
                    + " " + acks.perPhase() + ", rejected while draining " + acks.rejected() + ", failed " + acks.failed()
                    + ", rolled back " + acks.rolledBack() + ", skipped " + acks.skipped() + "; ms per phase " + millis
                    + "; tables: " + shape;
        }
    }

    private final long seed;
    private final Path work;
    private final Path dir;
    private final Path oldDb;
    private final Path acksFile;
    private final Random r;
    private final Model m;
    private final Rows rows;
    private final Processes procs;
    private int kills;
    private final How how;
    private boolean refusedAfterVacuum;
    private final Map<String, Long> millis = new java.util.LinkedHashMap<>();
    private String phaseName = "setup";
    private long phaseStart = System.nanoTime();

    SeedRun(long seed, Path work, Processes procs) {
        this.seed = seed;
        this.work = work;
        this.dir = work.resolve("project");
        this.oldDb = dir.resolve("app.sqlite");
        this.acksFile = work.resolve("acks.txt");
        this.r = new Random(mix(seed));
        this.m = SchemaGen.generate(r);
        this.rows = new Rows(r);
        this.procs = procs;
        this.how = How.draw(new Random(mix(seed) + 1));
    }

    /** How the seed runs mig, drawn apart from the schema and workload. */
    record How(boolean offline, boolean drainCutover, int crashMigrate, int crashDrain, int crashCutover,
               long maxPause, boolean writerConnectionPerTransaction, int readers) {
        static How draw(Random r) {
            return new How(Gen.chance(r, 0.12), Gen.chance(r, 0.6), crash(r, 0.3, 40), crash(r, 0.3, 15),
                    crash(r, 0.2, 3), Gen.chance(r, 0.3) ? Gen.pick(r, List.of(1L, 20L, 200L)) : 3000,
                    Gen.chance(r, 0.7), r.nextInt(3));
        }

        private static int crash(Random r, double p, int maxPoint) {
            return Gen.chance(r, p) ? 1 + r.nextInt(maxPoint) : 0;
        }

        String mode() {
            return offline ? "offline" : drainCutover ? "drain --cutover" : "drain, cutover";
        }
    }

    /** What the seed will generate and do, without running it. */
    String describe() {
        return "seed " + seed + " [" + m.journalMode + ", " + how + "] " + m.shape();
    }

    /** Consecutive seeds give java.util.Random similar first values: spread them first (SplitMix64's finaliser). */
    private static long mix(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    Stats run() throws Exception {
        Files.createDirectories(dir);
        createOldDatabase();
        Path snapshot = work.resolve("snapshot.sqlite");
        Files.copy(oldDb, snapshot); // no connection is open: the file is the whole database
        Files.writeString(dir.resolve("schema.yaml"), Yaml.v2(m), StandardCharsets.UTF_8);
        List<Tx> txs = new WorkloadGen(r, m, rows).transactions(6000);
        new ObjectMapper().writeValue(work.resolve("txs.json").toFile(), txs);
        String mode = how.mode();
        startClients();
        awaitAcks(5);
        AssertionError refusal = null;
        try {
            if (how.offline()) {
                offline();
            } else {
                hot(how.drainCutover());
            }
        } catch (AssertionError e) {
            refusal = e;
        }
        Files.writeString(work.resolve("stop"), "stop");
        procs.awaitPython();
        Acks acks = Acks.read(acksFile);
        if (refusal != null) {
            judgeRefusal(snapshot, txs, acks, refusal);
            mode += ", refused: the application's orphans";
        } else {
            judge(snapshot, txs, acks);
        }
        phase("judged");
        return new Stats(seed, m.shape(), m.journalMode, refusedAfterVacuum ? mode + ", refused after VACUUM" : mode,
                acks, kills, millis);
    }

    private void createOldDatabase() throws SQLException {
        try (Connection c = Oracle.open(oldDb); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = " + m.journalMode);
            for (String sql : Ddl.v1(m)) {
                s.execute(sql);
            }
            s.execute("BEGIN");
            for (Table t : m.v1Tables()) {
                int n = Gen.chance(r, 0.05) ? 1500 : 5 + r.nextInt(60);
                for (int i = 0; i < n; i++) {
                    List<String> key = rows.newKey(t);
                    try {
                        s.execute(Rows.insert("INSERT", t, key, rows.data(t)));
                        rows.added(t, key);
                    } catch (SQLException e) {
                        // a UNIQUE value taken, or no parent yet: the row is simply not there
                    }
                }
            }
            s.execute("COMMIT");
        }
    }

    private void startClients() throws IOException {
        Path writer = procs.script("writer.py");
        Path reader = procs.script("reader.py");
        boolean perTx = Switches.connectionPerTransaction.on();
        phase("before");
        procs.python(work.resolve("writer.log"), writer.toString(), work.resolve("txs.json").toString(),
                oldDb.toString(), acksFile.toString(), work.resolve("phase").toString(), work.resolve("stop").toString(),
                Boolean.toString(perTx && how.writerConnectionPerTransaction()));
        for (int i = 0; i < how.readers(); i++) {
            procs.python(work.resolve("reader" + i + ".log"), reader.toString(), oldDb.toString(),
                    m.v1Tables().get(0).name, work.resolve("stop").toString(), Boolean.toString(perTx));
        }
    }

    private void hot(boolean drainCutover) throws Exception {
        migrate(false);
        phase("recording");
        awaitAcks(Acks.read(acksFile).count() + 10); // writes while capture records, before drain starts
        phase("drain");
        long maxPause = Switches.smallMaxPause.on() ? how.maxPause() : 3000;
        Exit drain = runUntilDone(how.crashDrain(), "drain", dir.toString(), Long.toString(maxPause),
                Boolean.toString(drainCutover));
        if (drain.code() == 1 && maxPause < 3000) {
            drain = runUntilDone(0, "drain", dir.toString(), "3000", Boolean.toString(drainCutover)); // as a user would
        }
        if (drain.code() == 1 && Switches.vacuum.on() && drain.stderr().contains("VACUUM")) {
            // item 9: a refusal that names the application's VACUUM is right; the user resets
            require(runUntilDone(0, "reset", dir.toString()), "reset");
            refusedAfterVacuum = true;
            return;
        }
        require(drain, "drain");
        if (!ready()) {
            phase("drained");
            awaitRejections(2);
            require(runUntilDone(how.crashCutover(), "cutover", dir.toString()), "cutover");
        }
        phase("after");
    }

    private void migrate(boolean offline) throws Exception {
        phase(offline ? "offline" : "copy");
        int crashAt = how.crashMigrate();
        while (true) {
            Files.deleteIfExists(work.resolve("go"));
            ChildJvm child = procs.mig(crashAt, "migrate", dir.toString(), oldDb.toString(),
                    work.resolve("go").toString(), Boolean.toString(offline));
            int before = Acks.read(acksFile).count();
            child.awaitLines(1); // "copying", or the end when it had nothing to copy or was halted first
            if (child.lines().contains("copying")) {
                awaitAcks(before + 15); // the copy holds after its first chunk: the rest is copied after writes
            }
            Files.writeString(work.resolve("go"), "go");
            Exit exit = procs.exit(child);
            if (!exit.killed()) {
                require(exit, "migrate");
                return;
            }
            kills++;
            crashAt = 0;
        }
    }

    private void offline() throws Exception {
        if (!Switches.offlineWithWriter.on()) {
            Files.writeString(work.resolve("stop"), "stop");
            procs.awaitPython();
        }
        phase("offline");
        ChildJvm child = procs.mig(0, "migrate", dir.toString(), oldDb.toString(), work.resolve("go").toString(), "true");
        Files.writeString(work.resolve("go"), "go");
        Exit first = procs.exit(child);
        if (first.code() != 0 && Switches.offlineWithWriter.on()) {
            Files.writeString(work.resolve("stop"), "stop");
            procs.awaitPython();
            child = procs.mig(0, "migrate", dir.toString(), oldDb.toString(), work.resolve("go").toString(), "true");
            first = procs.exit(child); // the user runs it again once nothing writes
        }
        require(first, "migrate --offline");
    }

    /** Runs a command, and again after each kill, as a user would; the first kill at {@code crashAt}. */
    private Exit runUntilDone(int crashAt, String... args) throws InterruptedException {
        while (true) {
            Exit exit = procs.exit(procs.mig(crashAt, args));
            if (!exit.killed()) {
                return exit;
            }
            kills++;
            crashAt = 0;
        }
    }


    private void require(Exit exit, String what) {
        if (exit.code() != 0) {
            throw new AssertionError("mig " + what + " exited " + exit.code() + ": " + exit.stderr().strip());
        }
    }

    private boolean ready() throws SQLException, IOException {
        Path target = newDatabase();
        try (Connection c = Oracle.open(target)) {
            return Oracle.rows(c, "SELECT status FROM _migration_status").equals(List.of("ready"));
        }
    }

    private Path newDatabase() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("app-[0-9a-f]{16}\\.sqlite")).findFirst()
                    .orElseThrow(() -> new AssertionError("no new database in " + dir));
        }
    }

    /**
     * mig refused. Right only when it refused foreign-key orphans that the application itself left in the
     * old database (SQLite's REPLACE can, foreign keys on); then the old data must still be untouched.
     */
    private void judgeRefusal(Path snapshot, List<Tx> txs, Acks acks, AssertionError refusal) throws Exception {
        String msg = String.valueOf(refusal.getMessage());
        if (!msg.contains("exited 1") || !(msg.contains("no parent row") || msg.contains("foreign-key violations"))) {
            throw refusal;
        }
        Map<Integer, Tx> byId = txs.stream().collect(Collectors.toMap(Tx::id, Function.identity()));
        Oracle.replay(snapshot, acks.acked().stream().map(byId::get).toList());
        try (Connection c = Oracle.open(snapshot)) {
            if (Oracle.rows(c, "PRAGMA foreign_key_check").isEmpty()) {
                throw refusal; // the old data has no orphan: the refusal is wrong
            }
        }
        List<String> diffs = Oracle.diffOld(snapshot, oldDb, m);
        if (!diffs.isEmpty()) {
            throw new AssertionError(String.join("\n", diffs));
        }
    }

    private void judge(Path snapshot, List<Tx> txs, Acks acks) throws Exception {
        Map<Integer, Tx> byId = txs.stream().collect(Collectors.toMap(Tx::id, Function.identity()));
        Oracle.replay(snapshot, acks.acked().stream().map(byId::get).toList());
        List<String> diffs = new ArrayList<>(Oracle.diffOld(snapshot, oldDb, m));
        if (refusedAfterVacuum) {
            if (!diffs.isEmpty()) {
                throw new AssertionError(String.join("\n", diffs));
            }
            return;
        }
        Path expected = work.resolve("expected.sqlite");
        Oracle.expected(snapshot, expected, m);
        diffs.addAll(Oracle.diffNew(expected, newDatabase(), m));
        if (!diffs.isEmpty()) {
            throw new AssertionError(String.join("\n", diffs));
        }
    }

    private void phase(String name) throws IOException {
        long now = System.nanoTime();
        millis.put(phaseName, (now - phaseStart) / 1_000_000);
        phaseName = name;
        phaseStart = now;
        Path tmp = work.resolve("phase.tmp");
        Files.writeString(tmp, name);
        Files.move(tmp, work.resolve("phase"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Waits (at most 5 s) until the writer acknowledged {@code n} transactions in all, or finished. */
    private void awaitAcks(int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            Acks a = Acks.read(acksFile);
            if (a.count() >= n || a.done()) {
                return;
            }
            Thread.sleep(10);
        }
    }

    private void awaitRejections(int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 3_000;
        int start = Acks.read(acksFile).rejected();
        while (System.currentTimeMillis() < deadline && Acks.read(acksFile).rejected() < start + n) {
            Thread.sleep(10);
        }
    }

    String schemaYaml() {
        return Yaml.v2(m);
    }
}
