package dev.mig.bench;

import dev.mig.api.MigrateOptions;
import dev.mig.api.MigrateResult;
import dev.mig.api.Progress;
import dev.mig.common.Elapsed;
import dev.mig.project.ProjectFiles;
import dev.mig.run.MigrateRun;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs {@code mig migrate} in its own JVM and prints one line {@code rows heapPeakBytes
 * heapAfterLastGcBytes rssPeakKb millis}: peak heap used (sum of the heap pools' peaks), the heap
 * left after the last collection (about the live set), and the process's peak RSS (VmHWM).
 * Arguments: project directory, old database.
 */
public final class MemoryProbe {

    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        MigrateResult r = new MigrateRun(ProjectFiles.at(Path.of(args[0]), Path.of(args[1])), MigrateOptions.of(false), Progress.NONE).run();
        long millis = Elapsed.millisSince(t0);
        long peak = 0;
        long afterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
                if (pool.getCollectionUsage() != null) {
                    afterGc += pool.getCollectionUsage().getUsed();
                }
            }
        }
        System.out.println("mig-memory " + r.copy().rows() + " " + peak + " " + afterGc + " " + vmHwmKb() + " " + millis);
    }

    static long vmHwmKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
