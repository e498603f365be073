package dev.mig.plan;

import static dev.mig.sql.Sql.ident;

import dev.mig.api.plan.Blocker;
import dev.mig.api.plan.ColumnPlan;
import dev.mig.api.plan.IdPolicy;
import dev.mig.api.plan.Risk;
import dev.mig.schema.Names;
import dev.mig.schema.RowKey;
import dev.mig.schema.Table;
import dev.mig.sql.Sql;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Checks that every copied table's rows can be found again: capture logs each changed row by its live
 * key (primary key, or rowid without one), and copy and replay find the row by that key in both
 * databases. A key that does not travel into the new table makes replay impossible (a hot migration,
 * not an offline one); a key that holds NULLs makes rows invisible to the keyed copy itself.
 */
final class ReplayKeys {

    private final Findings findings;
    private final LiveProbe probe;

    ReplayKeys(Findings findings, LiveProbe probe) {
        this.findings = findings;
        this.probe = probe;
    }

    void check(DataProbes.Planned p) {
        if (p.source() == null) {
            return;
        }
        RowKey key = RowKey.of(p.source());
        String table = p.target().name();
        if (p.plan().ids() == IdPolicy.REMAP) {
            remapKey(p, key, table);
        } else if (key.rowid()) {
            if (!p.plan().keepRowid()) {
                findings.block(Blocker.Kind.NO_REPLAY_KEY, table, null, "table " + Sql.display(p.source().name())
                        + " has no primary key, so mig follows its rows by rowid, but the new table " + Sql.display(table)
                        + " cannot keep the rowid (it declares an INTEGER PRIMARY KEY or WITHOUT ROWID): give the live "
                        + "table a primary key first, or migrate with 'mig migrate --offline' while nothing writes");
            }
        } else {
            for (String column : key.columns()) {
                if (landing(p, column).isEmpty()) {
                    findings.block(Blocker.Kind.NO_REPLAY_KEY, table, column, "key column "
                            + Sql.display(p.source().name()) + "." + Sql.display(column) + " is not kept or renamed in "
                            + Sql.display(table) + ": mig finds changed rows by it; keep it, use ids: remap, or migrate "
                            + "with 'mig migrate --offline' while nothing writes");
                }
            }
        }
        nullKeys(p, key, table);
    }

    /**
     * An id mapping holds one old key per row: the live key must be a single column (or the rowid). The
     * copy needs it as much as replay does, so this blocks an offline migration too.
     */
    private void remapKey(DataProbes.Planned p, RowKey key, String table) {
        if (key.size() != 1) {
            findings.block(Blocker.Kind.REMAP_COMPOSITE_KEY, table, null, "ids: remap on " + Sql.display(table)
                    + " maps each live key to a new one, but the live table " + Sql.display(p.source().name())
                    + " has a composite primary key (" + Sql.displays(key.columns()) + "): use ids: preserve");
        }
    }

    /** A rowid table's non-INTEGER primary key may hold NULLs (a SQLite legacy quirk); such rows have no key. */
    private void nullKeys(DataProbes.Planned p, RowKey key, String table) {
        Table source = p.source();
        if (key.rowid() || source.withoutRowid() || source.hasRowidAlias()) {
            return;
        }
        StringJoiner anyNull = new StringJoiner(" OR ");
        key.columns().forEach(c -> anyNull.add(ident(c) + " IS NULL"));
        long rows;
        try {
            rows = probe.longs("SELECT count(*) FROM " + ident(source.name()) + " WHERE " + anyNull)[0];
        } catch (LiveProbe.Failed e) {
            findings.block(Blocker.Kind.PROBE_FAILED, table, null, "cannot check the primary key of "
                    + Sql.display(source.name()) + " for NULLs: " + e.getMessage());
            return;
        }
        if (rows > 0) {
            findings.blockingRisk(Risk.Kind.NULL_KEYS, Blocker.Kind.NULL_KEYS, table, String.join(", ", key.columns()),
                    rows, 0, "table " + Sql.display(source.name()) + ": " + rows + (rows == 1 ? " row has" : " rows have")
                            + " NULL in its primary key (SQLite allows it in rowid tables); mig cannot address such rows: "
                            + "give them key values in the live database first");
        }
    }

    private static Optional<String> landing(DataProbes.Planned p, String sourceColumn) {
        List<ColumnPlan> columns = p.plan().columns();
        return columns.stream().filter(c -> (c.source() == ColumnPlan.Source.KEPT
                        || c.source() == ColumnPlan.Source.RENAMED) && Names.same(c.sourceColumn(), sourceColumn))
                .map(ColumnPlan::column).findFirst();
    }
}
