package dev.mig.bench;

import dev.mig.api.MigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@link MemoryProbe} in a child JVM on the same classpath, with a fixed maximum heap. */
final class MemoryBench {

    static final String XMX = "-Xmx256m";

    private MemoryBench() {
    }

    static BenchReport.Memory measure(Workspace.Run run, long rows, boolean narrow, long fileBytes) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(XMX);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MemoryProbe.class.getName());
        cmd.add(run.dir().toString());
        cmd.add(run.old().toString());
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            String line = out.lines().filter(l -> l.startsWith("mig-memory ")).findFirst().orElse(null);
            if (exit != 0 || line == null) {
                throw MigException.runtime("The memory probe (mig migrate in a child JVM with " + XMX + ") failed, "
                        + "exit " + exit + ":\n" + out, "Run with --work-dir and --keep to inspect its files.", null);
            }
            String[] f = line.split(" ");
            return new BenchReport.Memory(rows, narrow, fileBytes, XMX, mb(Long.parseLong(f[2])),
                    mb(Long.parseLong(f[3])), Long.parseLong(f[4]) / 1024.0, Long.parseLong(f[5]));
        } catch (IOException e) {
            throw MigException.runtime("Cannot start a child JVM for the memory probe: " + e.getMessage(),
                    "Check that " + cmd.get(0) + " exists.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MigException.runtime("Interrupted while measuring memory.", "Run the bench again.", e);
        }
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
