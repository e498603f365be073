package dev.mig.api;

/** What the copy did for one table. */
public record TableCopyResult(String table, long rows, long millis) {
}
