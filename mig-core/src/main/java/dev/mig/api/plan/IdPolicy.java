package dev.mig.api.plan;

/** How a table's keys travel into the new database. */
public enum IdPolicy {
    /** Every key is kept as it is: nothing stored, the fast path. */
    PRESERVE,
    /** The table gets new keys; old-to-new pairs go to its id mapping ({@code _id_mapping_<table>}) and FKs are translated. */
    REMAP
}
