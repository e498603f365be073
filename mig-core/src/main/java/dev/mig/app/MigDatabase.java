package dev.mig.app;

import dev.mig.api.MigException;
import dev.mig.capture.Capture;
import dev.mig.project.ProjectFiles;
import dev.mig.project.ReadyWait;
import dev.mig.schema.DatabaseFileName;
import dev.mig.schema.Schema;
import dev.mig.schema.yaml.SchemaYaml;
import dev.mig.sql.SqliteFiles;
import dev.mig.state.StateStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The application side of a hot migration, for Java applications.
 *
 * <p>The old application version keeps writing to its database until a write fails with
 * {@link #isDrainingRejection}: that is the final pause, and the write should be retried against the
 * new database once the new version serves. The new version opens the database of its own schema
 * with {@link #openWhenReady}, which waits while a migration is still filling it.
 */
public final class MigDatabase {

    private MigDatabase() {
    }

    /**
     * The file of the schema declared in {@code schemaYaml}: {@code <dir>/<name>-<hash>.sqlite}, where
     * {@code dir} is the schema file's directory.
     */
    public static Path databaseFor(Path schemaYaml) {
        Path dir = schemaYaml.toAbsolutePath().getParent();
        String defaultName = dir.getFileName() == null ? "db" : dir.getFileName().toString();
        Schema schema = SchemaYaml.load(schemaYaml, defaultName);
        return dir.resolve(DatabaseFileName.of(schema));
    }

    /**
     * Opens the database of the schema declared in {@code schemaYaml} (the project's
     * {@value ProjectFiles#SCHEMA_FILE}), waiting up to {@code timeout} until it exists and its
     * {@code _migration_status} is {@code ready}. The connection enforces foreign keys.
     *
     * @throws MigException REFUSED when the database is not ready within the timeout
     */
    public static Connection openWhenReady(Path schemaYaml, Duration timeout) throws InterruptedException {
        return openFileWhenReady(databaseFor(schemaYaml), timeout);
    }

    /** Like {@link #openWhenReady} for a database file named directly. */
    public static Connection openFileWhenReady(Path database, Duration timeout) throws InterruptedException {
        ReadyWait.await(database, timeout);
        return SqliteFiles.openReadWrite(database);
    }

    /** True when {@code database} exists and its status row says {@code ready}. */
    public static boolean isReady(Path database) {
        return StateStore.isReady(database);
    }

    /**
     * True when {@code e} is a write to the old database rejected because a migration is in its final
     * pause. Retry the write against the new database after cutover; do not treat it as a bug.
     */
    public static boolean isDrainingRejection(SQLException e) {
        return Capture.isDrainingRejection(e);
    }
}
