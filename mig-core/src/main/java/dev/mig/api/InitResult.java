package dev.mig.api;

import java.nio.file.Path;
import java.util.List;

/** What {@code mig init} wrote, and what it had to leave out (virtual tables, ON CONFLICT clauses ...). */
public record InitResult(Path schemaFile, List<String> leftOut) {
}
