package dev.mig.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What reset did, or with {@code dryRun}, would do. */
public record ResetResult(boolean dryRun, List<String> actions) {
    @JsonProperty
    public boolean nothingToDo() {
        return actions.isEmpty();
    }
}
