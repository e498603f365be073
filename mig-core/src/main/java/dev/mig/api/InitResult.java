package dev.mig.api;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code mig init} wrote, and what it had to leave out (virtual tables, ON CONFLICT clauses ...).
 *
 * @param kept          with {@code --merge}: the existing schema.yaml's directives carried over
 * @param noLongerApply with {@code --merge}: its directives whose table or column is gone, not carried
 */
public record InitResult(Path schemaFile, List<String> leftOut, List<String> kept, List<String> noLongerApply) {

    public InitResult(Path schemaFile, List<String> leftOut) {
        this(schemaFile, leftOut, List.of(), List.of());
    }
}
