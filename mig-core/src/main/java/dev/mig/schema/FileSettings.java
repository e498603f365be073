package dev.mig.schema;

/**
 * File-level settings of a database: not part of any CREATE statement, but part of what the file is.
 *
 * @param journalMode lower case: wal, delete, truncate, persist, memory, off
 * @param autoVacuum  0 none, 1 full, 2 incremental
 */
public record FileSettings(int userVersion, int applicationId, int pageSize, String journalMode, String encoding,
                           int autoVacuum) {
}
