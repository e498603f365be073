package dev.mig.generative;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Features of the generator that reach a known bug of issue 15 (items 1-9), off until the fix is merged.
 * Turn them on with {@code -Dmig.gen.enable=remapWritesDuringCopy,wideTables} or all of them with
 * {@code -Dmig.gen.enable=all}. Each switch names the issue item it waits for.
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
     * Item 3, decided: compare the hidden rowid of rowid tables with a non-INTEGER primary key too (turn on
     * only if the fix carries it; leave off if the fix leaves it out of verify).
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

    private static final Set<String> ON = parse(System.getProperty("mig.gen.enable", ""));

    private static Set<String> parse(String list) {
        Set<String> on = Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        if (on.contains("all")) {
            Arrays.stream(values()).forEach(s -> on.add(s.name()));
        }
        for (String s : on) {
            if (!s.equals("all")) {
                valueOf(s); // a misspelt switch fails loudly instead of testing less
            }
        }
        return on;
    }

    boolean on() {
        return ON.contains(name());
    }

    static String enabled() {
        return Arrays.stream(values()).filter(Switches::on).map(Enum::name).collect(Collectors.joining(","));
    }
}
