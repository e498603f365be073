package dev.mig.generative;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Feature toggles of the generator, one per kind of behaviour that issue 15 (items 1-9) found broken. All
 * are on by default; to narrow a failure, turn some off with {@code -Dmig.gen.disable=vacuum,wideTables}
 * (or {@code -Dmig.gen.disable=all}; then {@code -Dmig.gen.enable=a,b} turns only those back on).
 */
enum Switches {
    /** Item 1: the writer opens a connection per transaction and readers open and close the file. */
    connectionPerTransaction,
    /** Item 2: inserts into and key changes of an {@code ids: remap} table while migrate copies. */
    remapWritesDuringCopy,
    /**
     * Item 3: REPLACE, delete and reinsert, key moves and swaps, upserts and INSERT OR IGNORE of keys the
     * table may no longer hold, on rowid tables whose key is not the rowid (all may change the hidden rowid).
     */
    rowidRewrites,
    /**
     * Item 3, decided: mig carries the hidden rowid of rowid tables with a non-INTEGER primary key exactly,
     * through copy and replay; the oracle compares it.
     */
    compareKeyedRowids,
    /** Item 4: a composite foreign key into an {@code ids: remap} table. */
    compositeFkToRemap,
    /** Item 5: an offline migration while the application writes, then rerun. */
    offlineWithWriter,
    /** Item 6: drain with a small {@code --max-pause}. */
    smallMaxPause,
    /** Item 7: tables of more than 100 columns. */
    wideTables,
    /** Item 8: {@code from:} expressions that read another table. */
    fromSubquery,
    /** Item 9: the application runs VACUUM during the migration. */
    vacuum;

    private static final Set<String> OFF = off(parse(System.getProperty("mig.gen.disable", "")),
            parse(System.getProperty("mig.gen.enable", "")));

    private static Set<String> off(Set<String> disabled, Set<String> enabled) {
        Set<String> off = new TreeSet<>(disabled);
        off.removeAll(enabled);
        return off;
    }

    private static Set<String> parse(String list) {
        Set<String> names = Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        for (String s : names) {
            if (!s.equals("all")) {
                valueOf(s); // a misspelt switch fails loudly instead of testing less
            }
        }
        if (names.remove("all")) {
            Arrays.stream(values()).forEach(s -> names.add(s.name()));
        }
        return names;
    }

    boolean on() {
        return !OFF.contains(name());
    }

    static String enabled() {
        return Arrays.stream(values()).filter(Switches::on).map(Enum::name).collect(Collectors.joining(","));
    }

    /** The switches turned off, for the reproduction line; empty when all are on. */
    static String disabled() {
        return Arrays.stream(values()).filter(s -> !s.on()).map(Enum::name).collect(Collectors.joining(","));
    }
}
