package dev.mig.project;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.MigException;
import dev.mig.api.Phase;
import dev.mig.capture.Capture;
import dev.mig.common.Json;
import dev.mig.state.ReplayState;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** A migration's phase, from the new database's flags and the old database's marker. */
class PhaseTest {

    private static ReplayState flags(boolean copyComplete, boolean drainComplete) {
        return new ReplayState(0, 0, 0, copyComplete, drainComplete, null, "t");
    }

    @Test
    void anUnfinishedCopyIsCopyingWhateverTheMarker() {
        for (Capture.Marker marker : Capture.Marker.values()) {
            assertEquals(Phase.COPYING, ActiveMigration.phaseOf(flags(false, false), marker), marker.name());
        }
    }

    @Test
    void aFinishedCopyRecordsUntilADrainPausesWrites() {
        assertEquals(Phase.RECORDING, ActiveMigration.phaseOf(flags(true, false), Capture.Marker.RECORDING));
        assertEquals(Phase.DRAINING, ActiveMigration.phaseOf(flags(true, false), Capture.Marker.DRAINING));
        assertEquals(Phase.DRAINED, ActiveMigration.phaseOf(flags(true, true), Capture.Marker.DRAINING));
    }

    @Test
    void aCompletedDrainWhosePauseNoLongerHoldsIsRecordingAgain() {
        assertEquals(Phase.RECORDING, ActiveMigration.phaseOf(flags(true, true), Capture.Marker.RECORDING));
        assertEquals(Phase.RECORDING, ActiveMigration.phaseOf(flags(true, true), Capture.Marker.NONE));
    }

    @Test
    void onlyADrainedMigrationIsCutOverAndEveryPhaseButReadyCanBeReset() {
        for (Phase p : Phase.values()) {
            assertEquals(p == Phase.DRAINED || p == Phase.NONE || p == Phase.COPYING, p.next().contains(Phase.READY),
                    p + " -> ready (cutover, a bootstrap, or an --offline copy)");
            assertEquals(p != Phase.READY && p != Phase.NONE, p.next().contains(Phase.NONE), p + " -> none (reset)");
            assertFalse(p.next().contains(p), p + " does not lead to itself");
        }
        assertEquals(EnumSet.of(Phase.NONE, Phase.DRAINING), Phase.RECORDING.next());
    }

    @Test
    void statusSpellsThePhaseInLowerCase() {
        assertEquals("\"drained\"", Json.write(Phase.DRAINED));
        assertTrue(Phase.COPYING.label().equals("copying") && Phase.NONE.toString().equals("none"));
    }

    @Test
    void aCommandRunsInThePhasesItNames() {
        assertDoesNotThrow(() -> Phase.DRAINING.require("mig drain", Phase.RECORDING, Phase.DRAINING, Phase.DRAINED));
    }

    @Test
    void aCommandInAnotherPhaseIsRefusedWithWhereTheMigrationStandsAndWhatToRun() {
        MigException e = assertThrows(MigException.class, () -> Phase.COPYING.require("mig cutover", Phase.DRAINED));
        assertEquals(MigException.Kind.REFUSED, e.kind());
        assertEquals("'mig cutover' needs a migration that is drained, but this one is copying: its copy has not "
                + "finished.", e.getMessage());
        assertEquals("Run 'mig migrate' again: it resumes the copy.", e.hint());
    }

    @Test
    void everyPhaseSaysWhatItMeansAndWhatToRunWhenItIsRefused() {
        for (Phase p : Phase.values()) {
            Phase other = p == Phase.READY ? Phase.NONE : Phase.READY;
            MigException e = assertThrows(MigException.class, () -> p.require("mig x", other));
            assertTrue(e.getMessage().contains("this one is " + p.label() + ": "), e.getMessage());
            assertTrue(e.hint().contains("'mig "), p + ": " + e.hint());
        }
    }
}
