/**
 * Writing mapped rows into the new database, the statements copy and replay share: {@code RowWriter}
 * inserts or upserts the source rows a mapping selects, translated through the plan, and
 * {@code IdMapper} first gives every old key those rows carry or reference its new key. Copy writes a
 * key range at a time, replay the keys of a log batch; both end up in these statements, so a row is
 * written the same way whichever of them brings it.
 */
package dev.mig.write;
