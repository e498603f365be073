package dev.mig.api;

import java.util.List;

/** What reset did, or with {@code dryRun}, would do. */
public record ResetResult(boolean dryRun, List<String> actions) {
    public boolean nothingToDo() {
        return actions.isEmpty();
    }
}
