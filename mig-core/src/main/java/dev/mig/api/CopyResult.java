package dev.mig.api;

import java.util.List;

/** What the copy did. */
public record CopyResult(List<TableCopyResult> tables, long rows, long millis) {
}
