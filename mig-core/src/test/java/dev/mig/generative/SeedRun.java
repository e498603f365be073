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
    /** The refusals the seed expected and saw, for its summary line. */
    private final List<String> refusals = new ArrayList<>();
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
               long maxPause, boolean writerConnectionPerTransaction, int readers, boolean offlineAfterFromRefusal) {
        static How draw(Random r) {
            return new How(Gen.chance(r, 0.12), Gen.chance(r, 0.6), crash(r, 0.3, 40), crash(r, 0.3, 15),
                    crash(r, 0.2, 3), Gen.chance(r, 0.3) ? Gen.pick(r, List.of(1L, 20L, 200L)) : 3000,
                    Gen.chance(r, 0.7), r.nextInt(3), Gen.chance(r, 0.3));
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
            } else if (m.fromReadsOtherTable()) {
                hotRefused();
                if (how.offlineAfterFromRefusal()) {
                    phase("offline");
                    stopWriter();
                    require(offlineRun(false), "migrate --offline");
                } else {
                    m.fromOwnRowOnly();
                    Files.writeString(dir.resolve("schema.yaml"), Yaml.v2(m), StandardCharsets.UTF_8);
                    hot(how.drainCutover());
                }
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
        if (!refusals.isEmpty()) {
            mode += ", refused as expected: " + String.join(", ", refusals);
        }
        return new Stats(seed, m.shape(), m.journalMode, mode, acks, kills, millis);
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
        if (refusedAfterVacuum) {
            return;
        }
        phase("recording");
        awaitAcks(Acks.read(acksFile).count() + 10); // writes while capture records, before drain starts
        phase("drain");
        long maxPause = Switches.smallMaxPause.on() ? how.maxPause() : 3000;
        Exit drain = runUntilDone(how.crashDrain(), "drain", dir.toString(), Long.toString(maxPause),
                Boolean.toString(drainCutover));
        if (drain.code() == 1 && maxPause < 3000 && drain.stderr().contains("--max-pause")) {
            // item 6: the pause reached --max-pause (writes resumed) or replay fell behind; a rerun continues
            refusals.add("drain --max-pause " + maxPause);
            drain = runUntilDone(0, "drain", dir.toString(), "3000", Boolean.toString(drainCutover)); // as a user would
        }
        if (afterVacuum(drain)) {
            return;
        }
        // A drain --cutover killed after its cutover committed: its rerun must say so and exit 0.
        require(drain, "drain");
        if (!ready()) {
            phase("drained");
            awaitRejections(2);
            Exit cutover = runUntilDone(how.crashCutover(), "cutover", dir.toString());
            if (afterVacuum(cutover)) {
                return;
            }
            if (cutover.code() == 1 && cutover.stderr().contains("has not been verified")) {
                // A rollback-journal source whose verify did not fit drain's pause (a busy machine): as the
                // refusal says, verify now that writes are paused, then cut over.
                refusals.add("cutover unverified: verify, then cutover");
                require(runUntilDone(0, "verify", dir.toString()), "verify");
                cutover = runUntilDone(0, "cutover", dir.toString());
            }
            require(cutover, "cutover");
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
                if (!offline && afterVacuum(exit)) {
                    return;
                }
                require(exit, "migrate");
                return;
            }
            kills++;
            crashAt = 0;
        }
    }

    /**
     * Item 5. With the writer on, the copy is held until the application wrote: mig must refuse to mark it
     * ready, and refuse every rerun, until {@code mig reset}; then the user stops the writer and migrates again.
     */
    private void offline() throws Exception {
        phase("offline");
        if (Switches.offlineWithWriter.on()) {
            expectRefusal(offlineRun(true), "migrate --offline", "written to during an --offline migration");
            expectRefusal(offlineRun(false), "migrate --offline (rerun)", "An earlier 'mig migrate --offline' saw");
            require(runUntilDone(0, "reset", dir.toString()), "reset");
            refusals.add("migrate --offline while the application wrote, and its rerun");
        }
        stopWriter();
        require(offlineRun(false), "migrate --offline");
    }

    /**
     * Item 8: a {@code from:} reading another table. The hot migrate must refuse and change nothing on disk;
     * the user then either stops the application and migrates offline, or computes the value from the row
     * alone and migrates hot.
     */
    private void hotRefused() throws Exception {
        phase("copy");
        List<String> before = files();
        Exit exit = runUntilDone(0, "migrate", dir.toString(), oldDb.toString(), work.resolve("go").toString(), "false");
        expectRefusal(exit, "migrate", "from: reads table");
        if (!files().equals(before)) {
            throw new AssertionError("the refused hot migrate left files: " + before + " became " + files());
        }
        try (Connection c = Oracle.open(oldDb)) {
            List<String> capture = Oracle.rows(c, "SELECT name FROM sqlite_master WHERE name LIKE '\\_mig%' ESCAPE '\\'");
            if (!capture.isEmpty()) {
                throw new AssertionError("the refused hot migrate left capture objects in the old database: " + capture);
            }
        }
        refusals.add("hot migrate of a from: reading another table, then "
                + (how.offlineAfterFromRefusal() ? "offline" : "hot with a from: of the row alone"));
    }

    /** One {@code migrate --offline}; with {@code holdForWrites}, its copy waits until the application wrote. */
    private Exit offlineRun(boolean holdForWrites) throws Exception {
        Files.deleteIfExists(work.resolve("go"));
        ChildJvm child = procs.mig(0, "migrate", dir.toString(), oldDb.toString(), work.resolve("go").toString(), "true");
        if (holdForWrites) {
            int before = Acks.read(acksFile).count();
            child.awaitLines(1);
            if (!child.lines().contains("copying")) {
                throw new AssertionError("harness: the offline copy had nothing to hold: " + child.lines());
            }
            awaitAcks(before + 15);
            if (Acks.read(acksFile).count() < before + 1) {
                throw new AssertionError("harness: the application did not write while the offline copy was held");
            }
        }
        Files.writeString(work.resolve("go"), "go");
        return procs.exit(child);
    }

    private void stopWriter() throws Exception {
        Files.writeString(work.resolve("stop"), "stop");
        procs.awaitPython();
    }

    /** The project directory's files, without SQLite's own -wal, -shm and -journal files. */
    private List<String> files() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> !n.matches(".*-(wal|shm|journal)"))
                    .sorted().toList();
        }
    }

    /** mig must have refused (exit 1) with a message containing {@code expected}. */
    private static void expectRefusal(Exit exit, String what, String expected) {
        if (exit.code() != 1 || !exit.stderr().contains(expected)) {
            throw new AssertionError("mig " + what + " should have refused (exit 1, \"" + expected + "\") but exited "
                    + exit.code() + ": " + exit.stderr().strip());
        }
    }

    /**
     * Item 9: a refusal naming the application's VACUUM is right (rowids of tables without a key changed);
     * the user resets, and the seed judges that the old data is untouched.
     */
    private boolean afterVacuum(Exit exit) throws InterruptedException {
        if (exit.code() != 1 || !exit.stderr().contains("VACUUM")) {
            return false;
        }
        require(runUntilDone(0, "reset", dir.toString()), "reset");
        refusedAfterVacuum = true;
        refusals.add("after the application's VACUUM");
        return true;
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
            boolean vacuumed = acks.acked().stream().anyMatch(id -> byId.get(id).stmts().contains("VACUUM"));
            boolean renumbered = m.v1Tables().stream().anyMatch(t -> !t.droppedInV2 && t.kind == Model.Kind.NO_PK
                    && t.uniques.isEmpty() && t.cols.stream().noneMatch(c -> c.unique && !c.added));
            if (!vacuumed || !renumbered) {
                diffs.add("mig refused naming VACUUM, but " + (vacuumed ? "no migrated table lacks both key and index"
                        : "the application committed no VACUUM"));
            }
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
