package dev.mig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small {@code mig bench} runs and reports every figure. Not a benchmark: no timing is asserted. */
class BenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void smallBenchReportsEveryFigure() throws Exception {
        Path out = dir.resolve("bench.json");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit;
        try (PrintWriter o = new PrintWriter(stdout); PrintWriter e = new PrintWriter(stderr)) {
            exit = MigCommand.commandLine(o, e).execute("bench", "--rows", "10000", "--replay-runs", "2", "--pause-runs", "1",
                    "--scale-steps", "2", "--memory-rows", "20000", "--work-dir", dir.toString(), "--json",
                    "--out", out.toString());
        }
        assertEquals(0, exit, stderr.toString());
        JsonNode r = new ObjectMapper().readTree(Files.readString(out));
        for (String path : new String[] {"/copy/migRowsPerSecond", "/copy/migMBPerSecond", "/copy/ceilingRowsPerSecond",
                "/copy/vacuumIntoMBPerSecond", "/copy/preservedToCeiling", "/capture/autocommitWithout/perSecond",
                "/capture/autocommitWith/p99Ms", "/capture/batchedWithout/perSecond", "/capture/batchedWith/p99Ms",
                "/replay/entriesPerSecond", "/replay/runs/1/entriesPerSecond", "/replay/runs/1/logEntries",
                "/memory/0/heapPeakMb", "/memory/1/rssPeakMb",
                "/scaling/1/copyMs", "/endToEnd/offlineMs", "/endToEnd/planMs", "/endToEnd/migrateMs",
                "/endToEnd/verifyMs", "/endToEnd/drainCutoverMs", "/endToEnd/offlineToCeiling",
                "/endToEnd/commands/4/wallMs"}) {
            assertTrue(r.at(path).asDouble() > 0, path + " in " + r);
        }
        assertEquals(2, r.at("/replay/runs").size());
        assertEquals(r.at("/replay/minEntriesPerSecond").asDouble(), r.at("/replay/entriesPerSecond").asDouble(),
                "the median of two runs is the lower one");
        // A pause can be shorter than the writer's 1 ms period on 10,000 rows: present, not necessarily > 0.
        assertTrue(r.at("/pause/runs/0/measuredMs").isNumber() && r.at("/pause/medianMs").isNumber(), r.toString());
        assertEquals(15, r.at("/targets").size());
        assertTrue(r.at("/endToEnd/longestSilentMs").asLong() > 0, r.at("/endToEnd").toString());
        assertTrue(r.at("/environment/sqlite").asText().startsWith("3."));
        assertTrue(Files.list(dir).allMatch(p -> p.equals(out)), "scratch files left behind");
    }
}
