package dev.mig.api;

import java.nio.file.Path;

/** What cutover did; {@code source} is the old database (null when the cutover had already been done). */
public record CutoverResult(Path target, Path source, boolean alreadyReady) {
}
