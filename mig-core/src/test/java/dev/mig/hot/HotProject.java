package dev.mig.hot;

import dev.mig.Mig;
import dev.mig.api.CutoverResult;
import dev.mig.api.DrainOptions;
import dev.mig.api.DrainResult;
import dev.mig.api.MigrateResult;
import dev.mig.api.Progress;
import dev.mig.api.Project;
import dev.mig.capture.Capture;
import dev.mig.project.ProjectFiles;
import dev.mig.sql.SqliteFiles;
import dev.mig.testing.Db;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture: a project directory whose v1 database was bootstrapped by {@code Mig.migrate} from a
 * schema.yaml, and the calls that move it to a later schema (migrate, drain, cutover) or compute the
 * offline oracle of that migration.
 */
public final class HotProject {

    public final Path dir;
    public final Path oldDb;
    public final List<String> drainLog = new ArrayList<>();

    private HotProject(Path dir, Path oldDb) {
        this.dir = dir;
        this.oldDb = oldDb;
    }

    /** Writes {@code v1Yaml} and lets mig create its (empty, ready) database. */
    public static HotProject bootstrap(Path dir, String v1Yaml) {
        declare(dir, v1Yaml);
        MigrateResult r = Mig.migrate(project(dir), false, Progress.NONE);
        if (r.outcome() != MigrateResult.Outcome.BOOTSTRAPPED) {
            throw new IllegalStateException("expected a bootstrap, got " + r.outcome());
        }
        return new HotProject(dir, r.target());
    }

    /** Bootstraps and sets the old file's journal mode ({@code WAL} or {@code DELETE}). */
    public static HotProject bootstrap(Path dir, String v1Yaml, String journalMode) {
        HotProject p = bootstrap(dir, v1Yaml);
        try (Db db = p.open()) {
            String mode = db.one("PRAGMA journal_mode = " + journalMode);
            if (!mode.equalsIgnoreCase(journalMode)) {
                throw new IllegalStateException("journal mode is " + mode);
            }
        }
        return p;
    }

    public static Project project(Path dir) {
        return Project.at(dir, null);
    }

    /** The project's files: its schema.yaml and the database it declares. */
    public static ProjectFiles files(Path dir) {
        return ProjectFiles.at(dir, null);
    }

    public static void declare(Path dir, String yaml) {
        try {
            Files.writeString(dir.resolve(ProjectFiles.SCHEMA_FILE), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An application connection to the old database. */
    public Db open() {
        return Db.open(oldDb);
    }

    /** The database file of the schema.yaml now in the directory. */
    public Path newDb() {
        return ProjectFiles.at(dir, null).target();
    }

    public MigrateResult migrate(String v2Yaml) {
        declare(dir, v2Yaml);
        return migrate(Progress.NONE);
    }

    public MigrateResult migrate(Progress listener) {
        return Mig.migrate(project(dir), false, listener);
    }

    public DrainResult drain() {
        return Mig.drain(Project.at(dir, null), new DrainOptions(60_000, false, true), Progress.lines(drainLog::add));
    }

    public CutoverResult cutover() {
        return Mig.cutover(project(dir));
    }

    /** migrate + drain + cutover to {@code v2Yaml}; returns the new database. */
    public Path migrateAll(String v2Yaml) {
        migrate(v2Yaml);
        drain();
        cutover();
        return newDb();
    }

    /**
     * The independent answer: the old database's current content, copied byte for byte (no VACUUM: that
     * could renumber rowids) into {@code oracleDir} with mig's capture removed, migrated {@code --offline}
     * to the schema.yaml now in this project. Every connection to the old file must be closed.
     */
    public Path oracle(Path oracleDir) {
        try {
            Path copy = oracleDir.resolve(oldDb.getFileName());
            for (String suffix : List.of("", "-wal")) {
                Path from = Path.of(oldDb + suffix);
                if (Files.exists(from)) {
                    Files.copy(from, Path.of(copy + suffix));
                }
            }
            try (Connection c = SqliteFiles.openReadWrite(copy)) {
                Capture.remove(c);
            }
            Files.copy(dir.resolve(ProjectFiles.SCHEMA_FILE), oracleDir.resolve(ProjectFiles.SCHEMA_FILE));
            MigrateResult r = Mig.migrate(project(oracleDir), true, Progress.NONE);
            if (r.outcome() != MigrateResult.Outcome.COMPLETED_OFFLINE) {
                throw new IllegalStateException("oracle migration ended " + r.outcome());
            }
            return r.target();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
