package dev.mig.project;

import dev.mig.api.MigException;
import dev.mig.api.Phase;
import dev.mig.api.plan.MigrationPlan;
import dev.mig.capture.Capture;
import dev.mig.capture.CaptureIntegrity;
import dev.mig.common.Json;
import dev.mig.schema.DatabaseFileName;
import dev.mig.schema.Schema;
import dev.mig.schema.Table;
import dev.mig.sql.SchemaName;
import dev.mig.sql.SqliteFiles;
import dev.mig.state.NewDatabase;
import dev.mig.state.ReplayState;
import dev.mig.state.StateStore;
import dev.mig.state.StoredPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A migration that {@code migrate} started and cutover has not finished: a new database in the project
 * directory whose status is {@code migrating} and that holds a stored plan. drain, cutover, status,
 * verify and reset find it here, independently of what schema.yaml says now.
 *
 * @param target the new database
 * @param source the old database, as the stored plan names it
 */
public record ActiveMigration(Path target, Path source, StoredPlan stored, MigrationPlan plan, Schema declared,
                              Schema live) {

    /** The active migration in {@code dir}; empty when there is none. Fails if there are several. */
    public static Optional<ActiveMigration> find(Path dir) {
        List<ActiveMigration> found = new ArrayList<>();
        for (Path file : databaseFiles(dir)) {
            load(file).ifPresent(found::add);
        }
        if (found.size() > 1) {
            throw MigException.refused("More than one migration is in progress in " + dir + ": "
                            + found.stream().map(m -> m.target().getFileName().toString()).toList(),
                    "Reset the ones you do not want with 'mig reset' (each names its own files).");
        }
        return found.stream().findFirst();
    }

    /**
     * The active migration in {@code dir}, or a refusal that says why there is none: nothing was
     * started, or (worse) an old database still records writes but its new database is gone.
     */
    public static ActiveMigration require(Path dir, String command) {
        Optional<ActiveMigration> found = find(dir);
        if (found.isPresent()) {
            return found.get();
        }
        // An old file still carrying capture is either a cut-over migration's (draining, with a ready
        // successor) or a migration's whose new database is gone. Every file is looked at and the latter
        // reported first, whatever the order: the application's writes may be recorded, or rejected, for
        // nothing.
        Path cutOver = null;
        Path successor = null;
        for (Path p : databaseFiles(dir)) {
            Capture.Marker marker = markerOf(p);
            if (marker == Capture.Marker.NONE) {
                continue;
            }
            Optional<Path> next = marker == Capture.Marker.DRAINING ? successorOf(dir, p) : Optional.empty();
            if (next.isEmpty()) {
                throw MigException.refused(p.getFileName() + " still records writes for a migration, but that "
                                + "migration's new database is gone (deleted or replaced).",
                        "Run 'mig reset' to remove the capture from the old database, then 'mig migrate' again.");
            }
            cutOver = cutOver == null ? p : cutOver;
            successor = successor == null ? next.get() : successor;
        }
        if (cutOver != null) {
            throw MigException.refused("No migration is in progress in " + dir + ": " + cutOver.getFileName()
                            + " was cut over to " + successor.getFileName() + ", so there is nothing to " + command + ".",
                    "'mig archive-old' removes mig's capture from the old database; 'mig migrate' starts the "
                            + "next migration once schema.yaml changes.");
        }
        throw MigException.refused("No migration is in progress in " + dir + ", so there is nothing to " + command + ".",
                "'mig status' shows where the project stands (after a cutover there is nothing left to do); "
                        + "'mig migrate' starts a migration to the schema.yaml in the directory.");
    }

    /**
     * A ready database in {@code dir} that {@code old} was migrated to, directly or along a chain: a row
     * of its history (history is carried from database to database) comes from the hash in {@code old}'s
     * name, and is newer than {@code old} itself (its own last cutover, or its creation), so that after a
     * round trip A -> B -> A the new A is not taken for B's past. After a cutover the old file keeps its
     * capture, draining, until archive-old, and often stays in the directory.
     */
    public static Optional<Path> successorOf(Path dir, Path old) {
        Instant since = lastChange(old);
        for (Path p : databaseFiles(dir)) {
            boolean migratedFromOld = !p.equals(old) && readyHistory(p).stream().anyMatch(h -> h.fromHash() != null
                    && DatabaseFileName.hash(old).filter(h.fromHash()::equals).isPresent() && instant(h.finishedUtc()).isAfter(since));
            if (migratedFromOld) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code file} was cut over to a newer database in {@code dir}, by mig's own evidence: its capture is
     * still there, draining (a drain finished on it; archive-old clears it), and a ready database in the
     * directory was migrated from it since ({@link #successorOf}). A name and a history row alone would
     * also match an unrelated copy of the same schema, so without the marker the file stays a candidate.
     */
    public static boolean cutOver(Path dir, Path file) {
        return markerOf(file) == Capture.Marker.DRAINING && successorOf(dir, file).isPresent();
    }

    /** The history of {@code db} if it is a ready database, read on one connection; else empty. */
    private static List<StateStore.HistoryRow> readyHistory(Path db) {
        if (!SqliteFiles.looksLikeSqlite(db)) {
            return List.of();
        }
        StateStore state = new StateStore(SchemaName.MAIN);
        try (Connection c = SqliteFiles.openReadOnly(db)) {
            return state.status(c).orElse(null) == NewDatabase.Status.READY ? state.history(c) : List.of();
        } catch (SQLException | MigException e) {
            return List.of(); // unreadable: not evidence of a cutover
        }
    }

    /** When {@code db} last became what it is: its last cutover, else its creation; EPOCH when unknown. */
    private static Instant lastChange(Path db) {
        if (!SqliteFiles.looksLikeSqlite(db)) {
            return Instant.EPOCH;
        }
        StateStore state = new StateStore(SchemaName.MAIN);
        try (Connection c = SqliteFiles.openReadOnly(db)) {
            List<StateStore.HistoryRow> rows;
            try {
                rows = state.history(c);
            } catch (SQLException e) {
                rows = List.of(); // an unreadable history still leaves the creation time to go by
            }
            if (!rows.isEmpty()) {
                return instant(rows.get(rows.size() - 1).finishedUtc());
            }
            return state.identity(c).map(id -> instant(id.createdUtc())).orElse(Instant.EPOCH);
        } catch (SQLException | MigException e) {
            return Instant.EPOCH; // unreadable: the oldest time, so any later cutover counts
        }
    }

    private static Instant instant(String utc) {
        try {
            return utc == null ? Instant.EPOCH : Instant.parse(utc);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    /** The tables capture records: those the plan copies from, as the old database had them. */
    public List<Table> capturedTables() {
        return plan.tables().stream().filter(t -> t.sourceTable() != null)
                .map(t -> live.table(t.sourceTable()).orElseThrow()).toList();
    }

    /** Refuses unless the old database is still what the migration was built for (see {@link CaptureIntegrity}). */
    public void requireCaptureIntact() throws SQLException {
        CaptureIntegrity.require(source, live, capturedTables());
    }

    /** Where this migration stands now: its new database's copy and drain flags and its old database's marker. */
    public Phase phase() {
        return phase(marker(source));
    }

    /** Where this migration stands, given the old database's marker as the caller just read it. */
    public Phase phase(Capture.Marker marker) {
        try (Connection c = SqliteFiles.openReadOnly(target)) {
            return phaseOf(new StateStore(SchemaName.MAIN).replay(c).orElseThrow(), marker);
        } catch (SQLException e) {
            throw MigException.runtime("Cannot read the migration state in " + target + ": " + e.getMessage(),
                    "Check that the file is readable and not locked exclusively by another process.", e);
        }
    }

    /** {@link Phase#of} from what state and capture record. */
    public static Phase phaseOf(ReplayState replay, Capture.Marker marker) {
        return Phase.of(replay.copyComplete(), replay.drainComplete(), marker == Capture.Marker.DRAINING);
    }

    /** The capture marker of {@code p}; NONE when it has none or cannot be read (here: no evidence of one). */
    private static Capture.Marker markerOf(Path p) {
        if (!SqliteFiles.looksLikeSqlite(p)) {
            return Capture.Marker.NONE;
        }
        try {
            return marker(p);
        } catch (MigException e) {
            return Capture.Marker.NONE;
        }
    }

    /**
     * The capture marker of {@code db}, read strictly, for decisions that a file that cannot be read must
     * not pass as one without capture: a damaged or locked file is an error.
     */
    public static Capture.Marker marker(Path db) {
        try (Connection c = SqliteFiles.openReadOnly(db)) {
            return Capture.marker(c);
        } catch (SQLException e) {
            throw SqliteFiles.cannotRead(db, "mig's capture marker", e);
        }
    }

    /** The migration stored in {@code target}, if it is a new database that is still migrating. */
    public static Optional<ActiveMigration> load(Path target) {
        if (!SqliteFiles.looksLikeSqlite(target)) {
            return Optional.empty();
        }
        StateStore state = new StateStore(SchemaName.MAIN);
        try (Connection c = SqliteFiles.openReadOnly(target)) {
            if (state.status(c).orElse(null) != NewDatabase.Status.MIGRATING) {
                return Optional.empty();
            }
            Optional<StoredPlan> stored = state.plan(c);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            StoredPlan p = stored.get();
            return Optional.of(new ActiveMigration(target, Path.of(p.sourcePath()), p,
                    Json.read(p.planJson(), MigrationPlan.class), Json.read(p.declaredJson(), Schema.class),
                    Json.read(p.liveJson(), Schema.class)));
        } catch (SQLException e) {
            if (SqliteFiles.isDamage(e)) {
                throw SqliteFiles.damaged(target, e);
            }
            String m = String.valueOf(e.getMessage());
            throw MigException.runtime("Cannot read the migration state in " + target + ": " + m,
                    "Check that the file is readable and not locked exclusively by another process.", e);
        }
    }

    public static List<Path> databaseFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(DatabaseFileName::matches).sorted().toList();
        } catch (IOException e) {
            throw MigException.runtime("Cannot list " + dir + ": " + e.getMessage(), "Check the directory's permissions.", e);
        }
    }
}
