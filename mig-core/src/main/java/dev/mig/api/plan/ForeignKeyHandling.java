package dev.mig.api.plan;

import java.util.List;

/**
 * How the copy deals with foreign keys. The decision is the same for every plan (see specs/planning.md):
 * the copy connection runs with {@code PRAGMA foreign_keys=OFF}, because each copy chunk is its own
 * transaction (so {@code defer_foreign_keys} cannot span them) and because self-references and cycles
 * have no parents-first order; orphans are ruled out before the copy by the orphan probe, and
 * {@code PRAGMA foreign_key_check} on the new database before cutover (the drain stage) proves it.
 *
 * @param mode             always {@link #MODE}
 * @param selfReferencing  tables with a foreign key to themselves, in copy order
 * @param cycles           groups of tables whose foreign keys form a cycle, each in declaration order
 * @param note             the decision in one sentence, for the report
 */
public record ForeignKeyHandling(String mode, List<String> selfReferencing, List<List<String>> cycles,
                                 String note) {

    public static final String MODE = "COPY_UNENFORCED_CHECK_AT_DRAIN";

    public static final String NOTE = "the copy runs with foreign_keys=OFF (chunks are separate transactions, so "
            + "deferred checks cannot span them); orphans are refused by this plan's probes and "
            + "PRAGMA foreign_key_check must pass on the new database before cutover";

    public ForeignKeyHandling {
        selfReferencing = List.copyOf(selfReferencing);
        cycles = cycles.stream().map(List::copyOf).toList();
    }
}
