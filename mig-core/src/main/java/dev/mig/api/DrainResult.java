package dev.mig.api;

import java.nio.file.Path;

/** What the drain did. */
public record DrainResult(Path source, Path target, long entriesReplayed, long catchUpRounds, double entriesPerSecond,
                     long writePauseMs, boolean alreadyDrained, boolean cutOver, VerifyResult verified) {
}
