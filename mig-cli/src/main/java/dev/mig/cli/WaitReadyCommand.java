package dev.mig.cli;

import dev.mig.Mig;
import dev.mig.api.DatabasePath;
import dev.mig.api.Project;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code mig wait-ready}: wait until the database of schema.yaml is ready, then print it. */
@Command(name = "wait-ready", mixinStandardHelpOptions = true,
        description = {"Wait until the database of the schema.yaml in DIR is ready (its migration was cut over, or it "
                + "was created ready), then print its absolute path. For an application of the new schema, in any "
                + "language: start it with DB=$(mig wait-ready -d DIR) and it opens the new database the moment it "
                + "may. Checks every 5 ms; reads only, takes no lock."},
        footer = {"", "Exit codes: 0 ready (path printed), 1 not ready within --timeout, 2 bad input, "
                + "3 runtime failure.",
                "", "Examples:", "  mig wait-ready -d /srv/app --timeout 10m && exec ./app-v2"})
final class WaitReadyCommand extends ProjectCommand {

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long to wait: 500ms, 30s, 10m, 2h (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--json", description = "Print the result as 'mig path --json' does.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        DatabasePath ready = Mig.waitReady(Project.at(project.dir), timeout);
        out().println(json ? Mig.json(ready) : ready.path().toString());
        return 0;
    }

    /** {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}; a bare number is seconds. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            var m = java.util.regex.Pattern.compile("(\\d{1,9})(ms|s|m|h)?").matcher(value.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new TypeConversionException("'" + value + "' is not a duration: use 500ms, 30s, 10m or 2h");
            }
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        }
    }
}
