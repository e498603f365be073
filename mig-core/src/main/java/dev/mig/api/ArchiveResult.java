package dev.mig.api;

import java.util.List;

/**
 * What archive-old did: one sentence per action; empty when there was nothing left to do.
 *
 * @param otherFiles with nothing done and no --source: other SQLite files in the project directory that
 *                   still carry mig's capture (an old database not named {@code <name>-<hash>.sqlite}),
 *                   which archive-old touches only when named with --source
 */
public record ArchiveResult(List<String> actions, List<String> otherFiles) {

    public ArchiveResult {
        actions = List.copyOf(actions);
        otherFiles = List.copyOf(otherFiles);
    }
}
