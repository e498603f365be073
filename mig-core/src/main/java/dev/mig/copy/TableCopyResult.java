package dev.mig.copy;

/** What the copy did for one table. */
public record TableCopyResult(String table, long rows, long millis) {
}
