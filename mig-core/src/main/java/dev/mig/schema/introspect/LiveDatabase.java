package dev.mig.schema.introspect;

import dev.mig.schema.FileSettings;
import dev.mig.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What introspection read from a database file: its schema (mig's own objects left out), the
 * file-level settings a new file must carry over, and what mig saw but cannot migrate.
 *
 * @param sequences   sqlite_sequence: table name to the largest AUTOINCREMENT id ever used
 * @param unsupported objects mig cannot migrate (virtual tables, ...), one sentence each
 */
public record LiveDatabase(Path file, Schema schema, FileSettings settings, Map<String, Long> sequences,
                           List<String> unsupported) {
    public LiveDatabase {
        sequences = Map.copyOf(sequences);
        unsupported = List.copyOf(unsupported);
    }
}
