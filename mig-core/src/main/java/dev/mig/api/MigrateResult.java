package dev.mig.api;

import java.nio.file.Path;

/** What {@code mig migrate} did. */
public record MigrateResult(Outcome outcome, Path source, Path target, boolean resumed, CopyResult copy) {

    /** How the run ended. */
    public enum Outcome {
        /** No source database: the new one was created from schema.yaml, ready. */
        BOOTSTRAPPED,
        /** The schema's database exists and is current: nothing to migrate. */
        ALREADY_CURRENT,
        /** Copy complete, capture recording: next is {@code mig drain}. */
        COPIED,
        /** {@code --offline}: copied and ready in one run. */
        COMPLETED_OFFLINE
    }
}
