package dev.mig.generative;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The writer's log, read back: acknowledged transactions in commit order, and counts per outcome and phase. */
record Acks(List<Integer> acked, Map<String, Integer> perPhase, int rejected, int failed, int skipped,
            int rolledBack, boolean done, List<String> failures) {

    static Acks read(Path file) {
        List<String> lines;
        try {
            lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Integer> acked = new ArrayList<>();
        Map<String, Integer> perPhase = new TreeMap<>();
        int rejected = 0;
        int failed = 0;
        int skipped = 0;
        int rolledBack = 0;
        boolean done = false;
        List<String> failures = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(" ", 3);
            switch (f[0]) {
                case "ack" -> {
                    acked.add(Integer.parseInt(f[1]));
                    perPhase.merge(f.length > 2 ? f[2] : "?", 1, Integer::sum);
                }
                case "rejected" -> rejected++;
                case "failed" -> {
                    failed++;
                    if (failures.size() < 5) {
                        failures.add(line);
                    }
                }
                case "skipped" -> skipped++;
                case "rolledback" -> rolledBack++;
                case "done" -> done = true;
                default -> { } // a line cut short while the writer writes it
            }
        }
        return new Acks(acked, perPhase, rejected, failed, skipped, rolledBack, done, failures);
    }

    int count() {
        return acked.size();
    }
}
