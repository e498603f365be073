package dev.mig.capture;

import dev.mig.api.MigException;
import dev.mig.schema.Names;
import dev.mig.schema.Schema;
import dev.mig.schema.SchemaHash;
import dev.mig.schema.Table;
import dev.mig.schema.introspect.Introspector;
import dev.mig.sql.SchemaName;
import dev.mig.sql.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that the old database still is what the migration was built for: the same schema as when
 * capture was installed, and every capture trigger in place. Someone altering a table (a new column
 * the copy does not know) or dropping one of mig's triggers (writes no longer recorded) would make the
 * new database silently incomplete, so drain, verify and cutover refuse instead.
 */
public final class CaptureIntegrity {

    private CaptureIntegrity() {
    }

    /**
     * @param source   the old database
     * @param live     its schema when the migration started
     * @param captured the tables capture records (those the plan copies from)
     */
    public static void require(Path source, Schema live, List<Table> captured) throws SQLException {
        try (Connection old = SqliteFiles.openReadOnly(source)) {
            requireSameSchema(live, Introspector.read(old, SchemaName.MAIN, source).schema());
            requireTriggers(captured, Capture.installedTriggers(old));
            requireNotVacuumed(captured, old);
        }
    }

    /**
     * VACUUM gives new rowids, from 1, to the rows of a table without INTEGER PRIMARY KEY and without
     * any index (other tables keep theirs). mig follows such a table's rows by rowid and carries the
     * rowid, and no trigger sees a VACUUM: the log's keys and the copied rowids no longer name the same
     * rows. Tables with an index are safe, so a VACUUM that renumbered none of the captured tables passes.
     */
    private static void requireNotVacuumed(List<Table> captured, Connection old) throws SQLException {
        List<String> renumbered = captured.stream().filter(CaptureIntegrity::vacuumRenumbers)
                .map(Table::name).toList();
        if (renumbered.isEmpty() || !Capture.vacuumedSinceInstall(old)) {
            return;
        }
        throw MigException.refused("The old database was VACUUMed during the migration. VACUUM renumbers the rowids of "
                        + "tables without an INTEGER PRIMARY KEY and without indexes (here: " + String.join(", ", renumbered)
                        + "), which mig follows and carries, and no trigger sees it: the new database can no longer be "
                        + "matched to the old one. The old database keeps every row.",
                "Run 'mig reset', then 'mig migrate' again, and do not VACUUM the old database until cutover "
                        + "(VACUUM before 'mig migrate' or after 'mig cutover').");
    }

    private static boolean vacuumRenumbers(Table t) {
        return !t.withoutRowid() && t.primaryKey() == null && t.uniques().isEmpty() && t.indexes().isEmpty();
    }

    /**
     * Log entries are never deleted while a migration runs, so a log that ends before the replay checkpoint
     * means the old database lost writes that had committed (and were replayed): its -wal file was deleted
     * while in use, or the file was restored from a backup. Entries logged since then reuse the lost
     * numbers and would be skipped as already replayed.
     */
    public static void requireLogReaches(long lastLogged, long checkpoint) {
        if (lastLogged >= checkpoint) {
            return;
        }
        throw MigException.refused("The old database's change log ends at entry " + lastLogged + ", before entry "
                        + checkpoint + " that replay already applied: the old database lost writes that had committed "
                        + "(its -wal file was deleted while in use, or it was restored from a backup), and the new "
                        + "database cannot be trusted to match it.",
                "Run 'mig reset', check that nothing deletes the old database's -wal or -shm files while it is in use, "
                        + "and migrate again.");
    }

    private static void requireSameSchema(Schema live, Schema now) {
        if (SchemaHash.of(now).equals(SchemaHash.of(live))) {
            return;
        }
        List<String> changed = new ArrayList<>();
        for (Table t : live.tables()) {
            Table current = now.table(t.name()).orElse(null);
            if (current == null) {
                changed.add("table " + t.name() + " was dropped");
            } else if (!current.structureOnly().equals(t.structureOnly())) {
                changed.add("table " + t.name() + " was altered");
            }
        }
        for (Table t : now.tables()) {
            if (live.table(t.name()).isEmpty()) {
                changed.add("table " + t.name() + " was created");
            }
        }
        if (changed.isEmpty()) {
            changed.add("its indexes, views or triggers changed");
        }
        throw MigException.refused("The old database's schema changed during the migration: " + String.join(", ", changed)
                        + ". The copy and the change capture were built for its earlier shape, so the new database could "
                        + "miss data.",
                "Run 'mig reset', then 'mig migrate' again (plan first: schema.yaml may need the change too).");
    }

    private static void requireTriggers(List<Table> captured, List<String> installed) {
        List<String> missing = new ArrayList<>();
        for (String expected : Capture.expectedTriggers(captured)) {
            if (installed.stream().noneMatch(i -> Names.same(i, expected))) {
                missing.add(expected);
            }
        }
        if (!missing.isEmpty()) {
            throw MigException.refused("mig's change-capture triggers were removed from the old database: "
                            + String.join(", ", missing) + ". Writes since then may not have been recorded.",
                    "Run 'mig reset' and start the migration again.");
        }
    }
}
