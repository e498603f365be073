package dev.mig.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which database an application should open now ({@code mig path}), for applications in any language:
 * the newest database that holds the application's data, and whether it takes writes.
 *
 * @param path           the database to open now: the declared schema's once it is ready, until then
 *                       the old one a migration copies from (or the only database there is)
 * @param state          what writing to {@code path} does now
 * @param declared       the database of the schema.yaml in the project directory
 * @param declaredStatus where that database stands
 */
public record DatabasePath(Path path, State state, Path declared, DeclaredStatus declaredStatus) {

    /** What a write to the database to open now does. */
    public enum State {
        /** Writes are the application's, as usual. */
        READY,
        /** Writes succeed and a migration records them for the new database. */
        RECORDING,
        /**
         * A migration's final pause: writes are rejected with mig's draining message until cutover, after
         * which the new database is the one to open ({@code mig wait-ready}).
         */
        DRAINING;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where the declared schema's database stands. */
    public enum DeclaredStatus {
        /** It does not exist yet. */
        ABSENT,
        /** A migration is filling it: not to be opened yet. */
        MIGRATING,
        /** It is complete: the application of that schema opens it. */
        READY;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
