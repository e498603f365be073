package dev.mig.api;

import java.util.List;

/** What archive-old did: one sentence per action; empty when there was nothing left to do. */
public record ArchiveResult(List<String> actions) {
}
