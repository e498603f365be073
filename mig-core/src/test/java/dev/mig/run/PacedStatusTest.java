package dev.mig.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mig.api.MigrateOptions;
import dev.mig.api.StatusReport;
import dev.mig.state.TableProgress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Under --max-rows-per-second the copy's stored time is its chunks' own (drain's verify estimate reads
 * it), so status takes the pace from the running migrate's lock and caps the rate and ETA at it.
 */
class PacedStatusTest {

    /** 200,000 of 1,000,000 rows copied in 100 ms of chunks: 2,000,000 rows/s as the chunks go. */
    private static final List<TableProgress> ORDERS = List.of(new TableProgress("orders", 1_000_000, 200_000, false,
            100, List.of()));

    @Test
    void aPacedMigrateNamesItsPaceInItsLock() {
        assertEquals(" --max-rows-per-second 100000", StatusReader.paceOption(new MigrateOptions(false, 100_000, 75)));
        assertEquals("", StatusReader.paceOption(MigrateOptions.of(false)));
        assertEquals(100_000, StatusReader.pace("mig migrate --max-rows-per-second 100000"));
        assertEquals(0, StatusReader.pace("mig migrate"));
    }

    @Test
    void aRunningPacedCopysRateAndEtaAreThePacesNotItsChunksSpeed() {
        StatusReport.TableCopy orders = StatusReader.copies(ORDERS, true, 100_000).get(0);

        assertEquals(100_000, orders.rowsPerSecond());
        assertEquals(8L, orders.etaSeconds(), "800,000 rows left at 100,000/s");
    }

    @Test
    void withoutAPaceTheRateIsTheChunksOwn() {
        assertEquals(2_000_000, StatusReader.copies(ORDERS, true, 0).get(0).rowsPerSecond());
    }
}
