package dev.mig.bench;

import dev.mig.capture.Capture;
import dev.mig.schema.Table;
import dev.mig.schema.introspect.Introspector;
import dev.mig.sql.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** Capture overhead: the application's write throughput and latency without and with mig's triggers. */
final class CaptureBench {

    private CaptureBench() {
    }

    /** Throughput in writes/s; latency per autocommit write or per batch transaction. */
    static BenchReport.Writes measure(Path file, BenchData.Sizes n, long writes, int batch) throws SQLException {
        long[] lat = new long[(int) ((writes + batch - 1) / batch)];
        try (AppWrites app = new AppWrites(file, n)) {
            long t0 = System.nanoTime();
            long i = 0;
            for (int t = 0; t < lat.length; t++) {
                long s = System.nanoTime();
                if (batch > 1) {
                    app.begin();
                }
                for (int k = 0; k < batch && i < writes; k++) {
                    app.write(i++);
                }
                if (batch > 1) {
                    app.commit();
                }
                lat[t] = System.nanoTime() - s;
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            Arrays.sort(lat);
            return new BenchReport.Writes(writes, batch, writes / secs, pct(lat, 0.50), pct(lat, 0.99));
        }
    }

    /** Installs mig's capture on {@code file}, as {@code mig migrate} would for every table. */
    static void install(Path file) throws SQLException {
        List<Table> tables = Introspector.read(file).schema().tables();
        try (Connection c = SqliteFiles.openReadWrite(file)) {
            Capture.install(c, tables);
        }
    }

    static double pct(long[] sortedNanos, double p) {
        int i = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, i)] / 1e6;
    }
}
