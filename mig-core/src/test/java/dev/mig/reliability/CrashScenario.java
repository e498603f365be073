package dev.mig.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mig.Mig;
import dev.mig.api.MigException;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.hot.Checks;
import dev.mig.hot.ChildJvm;
import dev.mig.hot.HotProject;
import dev.mig.hot.Rows;
import dev.mig.hot.Shop;
import dev.mig.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One crash experiment: a shop project brought to the state before {@code command}, an application
 * writing the old database throughout, the command run in a child JVM that halts at a crash point, then
 * recovery (the command again, or reset and start over), the rest of the migration, and every check:
 * the states after the crash are possible ones, the new database equals the offline oracle, every write
 * the application saw succeed is in both databases, and reset leaves the old schema as it found it.
 */
final class CrashScenario {

    /** The mig commands under test, as {@link CrashChild} names them. */
    enum Command {
        MIGRATE("migrate"), DRAIN("drain"), CUTOVER("cutover"), RESET("reset"), ARCHIVE("archive-old"),
        ARCHIVE_MOVE("archive-move");

        final String arg;

        Command(String arg) {
            this.arg = arg;
        }
    }

    /** What the operator does after the crash. */
    enum Recovery {
        /** Runs the same command again. */
        RERUN,
        /** Runs {@code mig reset} (refused once the new database is ready) and migrates from scratch. */
        RESET_AND_RESTART
    }

    static final int CUSTOMERS = 300;
    static final int ORDERS = 3_000;

    private final Path base;
    private final Command command;
    private final Recovery recovery;
    private final String journalMode;
    private HotProject p;
    private AppWriter writer;
    private List<String> schemaBefore;
    private long seed = 11;

    CrashScenario(Path base, Command command, Recovery recovery, String journalMode) {
        this.base = base;
        this.command = command;
        this.recovery = recovery;
        this.journalMode = journalMode;
    }

    /**
     * Runs the experiment with a halt at the {@code k}-th crash point (or, with {@code point}, at the first
     * point of that name). Returns the child's exit status: 137 when it halted, 0 when the command finished
     * without reaching the point.
     */
    int run(int k, String point) throws Exception {
        Path dir = Files.createDirectories(base.resolve(command.arg + "-" + recovery + "-" + (point == null ? k : point)));
        p = HotProject.bootstrap(Files.createDirectory(dir.resolve("app")), Shop.V1, journalMode);
        try (Db db = p.open()) {
            Shop.fill(db, CUSTOMERS, ORDERS);
        }
        schemaBefore = StateInvariants.schemaOf(p.oldDb);
        HotProject.declare(p.dir, Shop.V2);
        writer = AppWriter.start(p.oldDb, seed);
        try {
            List<String> newBefore = prepare();
            int exit = crash(dir, point == null ? "-Dmig.test.crashAt=" + k : "-Dmig.test.crashAtPoint=" + point);
            String where = command.arg + " halted at " + (point == null ? "crash point " + k : point);
            StateInvariants.assertPossible(p.oldDb, p.newDb(), where);
            recover();
            finish(dir, newBefore);
            return exit;
        } finally {
            writer.close();
        }
    }

    /** Brings the project to the state before the command; returns the new database's rows if it is ready. */
    private List<String> prepare() throws Exception {
        switch (command) {
            case MIGRATE -> { }
            case DRAIN, RESET -> {
                p.migrate(Progress.NONE);
                writer.writeSome();
            }
            case CUTOVER -> {
                p.migrate(Progress.NONE);
                writer.writeSome();
                p.drain();
            }
            case ARCHIVE, ARCHIVE_MOVE -> {
                p.migrate(Progress.NONE);
                writer.writeSome();
                p.drain();
                p.cutover();
                writer.close();
                return newRows();
            }
        }
        return null;
    }

    private int crash(Path dir, String option) throws Exception {
        Path err = dir.resolve("child.err");
        try (ChildJvm child = ChildJvm.start(err, List.of(option), CrashChild.class, command.arg, p.dir.toString())) {
            int exit = child.waitFor();
            if (exit != 137 && exit != 0) {
                fail(command.arg + " with " + option + " exited " + exit + ":\n" + Files.readString(err));
            }
            return exit;
        }
    }

    private void recover() throws Exception {
        if (recovery == Recovery.RESET_AND_RESTART && command != Command.ARCHIVE && command != Command.ARCHIVE_MOVE) {
            if ("ready".equals(newStatus())) {
                MigException e = assertThrows(MigException.class, () -> Mig.reset(Project.at(p.dir, null), false));
                assertEquals(MigException.Kind.REFUSED, e.kind(), e.getMessage());
                return; // cut over before it died: there is nothing left to do
            }
            resetAndStartOver();
            return;
        }
        switch (command) {
            case MIGRATE -> p.migrate(Progress.NONE);
            case DRAIN -> p.drain();
            case CUTOVER -> p.cutover();
            case RESET -> resetAndStartOver();
            case ARCHIVE -> Mig.archiveOld(Project.at(p.dir, null), false);
            case ARCHIVE_MOVE -> Mig.archiveOld(Project.at(p.dir, null), true);
        }
    }

    /** Reset, check it undid everything and lost nothing, then migrate again with a new writer. */
    private void resetAndStartOver() throws Exception {
        Mig.reset(Project.at(p.dir, null), false);
        writer.close();
        writer.assertNoErrors();
        writer.assertOldMatches(p.oldDb);
        StateInvariants.assertNoCapture(p.oldDb, schemaBefore, "after reset");
        assertFalse(Files.exists(p.newDb()), "reset deleted the unfinished new database");
        writer = AppWriter.start(p.oldDb, ++seed);
        p.migrate(Progress.NONE);
        writer.writeSome();
        p.drain();
        p.cutover();
    }

    private void finish(Path dir, List<String> newBefore) throws Exception {
        if (command == Command.MIGRATE && !"ready".equals(newStatus())) {
            if (recovery == Recovery.RERUN) {
                writer.writeSome();
                p.drain();
                p.cutover();
            }
        } else if (command == Command.DRAIN && recovery == Recovery.RERUN) {
            p.cutover();
        }
        writer.close();
        writer.assertNoErrors();
        if (command == Command.ARCHIVE || command == Command.ARCHIVE_MOVE) {
            assertEquals(newBefore, newRows(), "archive-old left the new database alone");
            Path old = command == Command.ARCHIVE ? p.oldDb : p.dir.resolve("archive").resolve(p.oldDb.getFileName());
            assertTrue(Files.exists(old), old + " exists");
            writer.assertOldMatches(old);
            if (command == Command.ARCHIVE) {
                StateInvariants.assertNoCapture(old, schemaBefore, "after archive-old");
            } else {
                assertFalse(Files.exists(p.oldDb), "the old database was moved");
            }
        } else {
            writer.assertOldMatches(p.oldDb);
        }
        writer.assertNewMatches(p.newDb());
        Checks.assertSound(p.newDb());
        if (command != Command.ARCHIVE_MOVE) {
            Path oracle = p.oracle(Files.createDirectory(dir.resolve("oracle")));
            for (String sql : Shop.NEW_FULL) {
                Rows.assertSame(Rows.typed(oracle, sql), Rows.typed(p.newDb(), sql), sql);
            }
        }
    }

    private String newStatus() {
        return Files.exists(p.newDb()) ? Rows.one(p.newDb(), "SELECT status FROM _migration_status") : null;
    }

    private List<String> newRows() {
        List<String> rows = new ArrayList<>();
        for (String sql : Shop.NEW_FULL) {
            rows.addAll(Rows.typed(p.newDb(), sql));
        }
        return rows;
    }
}
