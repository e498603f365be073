package dev.mig.run;

import dev.mig.api.MigException;
import dev.mig.api.ResetResult;
import dev.mig.api.text.Format;
import dev.mig.capture.Capture;
import dev.mig.common.TestFaults;
import dev.mig.project.ActiveMigration;
import dev.mig.project.HoldFile;
import dev.mig.project.ProjectLock;
import dev.mig.sql.SchemaName;
import dev.mig.sql.SqliteFiles;
import dev.mig.state.NewDatabase;
import dev.mig.state.StateStore;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code mig reset}: undoes a migration before cutover. Removes capture from the old database in one
 * transaction, then deletes the new database file. Refuses, changing nothing, once a new database is
 * {@code ready}: from then on the new file is the application's, and reset would lose its writes.
 */
public final class ResetRun {

    private final Path dir;
    private final Path sourceOverride;
    private final boolean dryRun;

    public ResetRun(Path dir, Path sourceOverride, boolean dryRun) {
        this.dir = dir;
        this.sourceOverride = sourceOverride;
        this.dryRun = dryRun;
    }

    public ResetResult run() {
        try (ProjectLock lock = ProjectLock.acquire(dir, "mig reset")) {
            Optional<ActiveMigration> active = ActiveMigration.find(dir);
            Path target = active.map(ActiveMigration::target).orElse(null);
            List<Path> sources = new ArrayList<>();
            active.ifPresent(m -> sources.add(m.source()));
            if (active.isEmpty()) {
                sources.addAll(filesWithCapture());
                refuseAfterCutover(sources);
            }
            List<String> actions = new ArrayList<>();
            for (Path source : sources) {
                describeCapture(source).ifPresent(actions::add);
            }
            if (target != null) {
                actions.add("delete the unfinished new database " + target);
            }
            boolean held = HoldFile.held(dir);
            if (held) {
                actions.add("delete the hold file " + HoldFile.of(dir) + ", which would hold the next migration's drain");
            }
            if (!dryRun) {
                for (Path source : sources) {
                    removeCapture(source);
                }
                if (target != null) {
                    TestFaults.reach("reset-before-delete");
                    deleteDatabase(target);
                }
                if (held) {
                    HoldFile.release(dir);
                }
            }
            return new ResetResult(dryRun, actions);
        } catch (SQLException e) {
            throw Failures.sql("reset", e);
        }
    }

    /** Old databases in the directory (or the --source file) that still carry mig's capture. */
    private List<Path> filesWithCapture() throws SQLException {
        List<Path> candidates = new ArrayList<>(ActiveMigration.databaseFiles(dir));
        if (sourceOverride != null) {
            SqliteFiles.requireDatabase(sourceOverride);
            candidates.add(sourceOverride);
        }
        List<Path> out = new ArrayList<>();
        for (Path p : candidates) {
            if (SqliteFiles.looksLikeSqlite(p)) {
                try (Connection c = SqliteFiles.openReadOnly(p)) {
                    if (Capture.isPresent(c)) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    /** With capture still on an old file but no migration in progress, a ready new file means cutover happened. */
    private void refuseAfterCutover(List<Path> sources) throws SQLException {
        if (sources.isEmpty()) {
            return;
        }
        for (Path p : ActiveMigration.databaseFiles(dir)) {
            if (sources.contains(p) || !SqliteFiles.looksLikeSqlite(p)) {
                continue;
            }
            try (Connection c = SqliteFiles.openReadOnly(p)) {
                if (new StateStore(SchemaName.MAIN).status(c).orElse(null) == NewDatabase.Status.READY
                        && new StateStore(SchemaName.MAIN).history(c).size() > 0) {
                    throw MigException.refused("The migration has been cut over: " + p.getFileName()
                                    + " is ready and is now the application's database. Reset would discard its writes.",
                            "To clean up the old database, run 'mig archive-old'.");
                }
            }
        }
    }

    private Optional<String> describeCapture(Path source) throws SQLException {
        try (Connection c = SqliteFiles.openReadOnly(source)) {
            int triggers = Capture.installedTriggers(c).size();
            Capture.Marker marker = Capture.marker(c);
            if (triggers == 0 && marker == Capture.Marker.NONE) {
                return Optional.empty();
            }
            long logged = marker == Capture.Marker.NONE ? 0 : Capture.lastSeq(c);
            return Optional.of("remove mig's capture from " + source + ": " + Format.count(triggers, "trigger", "triggers")
                    + ", the marker (" + marker.name().toLowerCase(java.util.Locale.ROOT) + ") and the change log ("
                    + Format.count(logged, "entry", "entries") + ")");
        }
    }

    private static void removeCapture(Path source) throws SQLException {
        try (Connection c = SqliteFiles.openReadWrite(source)) {
            Capture.remove(c);
        }
    }

    private static void deleteDatabase(Path target) {
        try {
            NewDatabase.deleteWithSidecars(target);
        } catch (IOException e) {
            throw MigException.runtime("Cannot delete " + target + ": " + e.getMessage(),
                    "Capture was removed from the old database; delete the file by hand.", e);
        }
    }
}
