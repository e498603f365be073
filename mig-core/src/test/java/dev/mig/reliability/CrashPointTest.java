package dev.mig.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mig.reliability.CrashScenario.Command;
import dev.mig.reliability.CrashScenario.Recovery;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * mig killed at commit boundaries and file steps of every command, with an application writing the old
 * database throughout (see {@link CrashScenario} for what is checked after each crash). The default suite
 * runs a sample; {@code -Psoak} runs every crash point of every command until the command completes
 * without reaching it.
 */
class CrashPointTest {

    @TempDir
    Path base;

    @ParameterizedTest(name = "{0} halted at crash point {2}, then {1}")
    @CsvSource({
            "MIGRATE, RERUN, 1", "MIGRATE, RERUN, 4", "MIGRATE, RESET_AND_RESTART, 6", "MIGRATE, RERUN, 9",
            "DRAIN, RERUN, 2", "DRAIN, RESET_AND_RESTART, 3",
            "CUTOVER, RERUN, 2", "CUTOVER, RESET_AND_RESTART, 1",
            "RESET, RERUN, 1",
            "ARCHIVE, RERUN, 2"})
    void sampledCrashPointLosesNothing(Command command, Recovery recovery, int k) throws Exception {
        assertEquals(137, new CrashScenario(base, command, recovery, "WAL").run(k, null), "the child halted");
    }

    /** A rollback-journal source: the new database inherits the mode, and a halted copy leaves a hot journal. */
    @ParameterizedTest(name = "{0} halted at crash point {2}, then {1}, journal_mode=DELETE")
    @CsvSource({"MIGRATE, RERUN, 7", "DRAIN, RESET_AND_RESTART, 3"})
    void rollbackJournalCrashPointLosesNothing(Command command, Recovery recovery, int k) throws Exception {
        assertEquals(137, new CrashScenario(base, command, recovery, "DELETE").run(k, null), "the child halted");
    }

    @ParameterizedTest(name = "{0} halted at {1}, then {2}")
    @CsvSource({
            "MIGRATE, new-database-before-rename, RERUN", "MIGRATE, new-database-renamed, RESET_AND_RESTART",
            "RESET, reset-before-delete, RERUN", "ARCHIVE_MOVE, archive-before-move, RERUN"})
    void namedFileStepCrashLosesNothing(Command command, String point, Recovery recovery) throws Exception {
        assertEquals(137, new CrashScenario(base, command, recovery, "WAL").run(0, point), "the child halted");
    }

    /** Every crash point, k = 1, 2, ... until the command finishes without reaching k. */
    @Tag("soak")
    @ParameterizedTest(name = "{0} every crash point, then {1}, journal_mode={2}")
    @CsvSource({
            "MIGRATE, RERUN, WAL", "MIGRATE, RESET_AND_RESTART, WAL", "MIGRATE, RERUN, DELETE",
            "DRAIN, RERUN, WAL", "DRAIN, RESET_AND_RESTART, WAL", "DRAIN, RERUN, DELETE",
            "CUTOVER, RERUN, WAL", "CUTOVER, RESET_AND_RESTART, WAL",
            "RESET, RERUN, WAL", "RESET, RERUN, DELETE",
            "ARCHIVE, RERUN, WAL", "ARCHIVE_MOVE, RERUN, WAL"})
    void everyCrashPointLosesNothing(Command command, Recovery recovery, String journalMode) throws Exception {
        int k = 1;
        while (new CrashScenario(base, command, recovery, journalMode).run(k, null) == 137) {
            k++;
        }
        System.out.println("crash points: " + command + " " + recovery + " " + journalMode + ": " + (k - 1));
    }
}
