package dev.mig.api;

import dev.mig.api.plan.DiskSpace;
import dev.mig.api.plan.MigrationPlan;
import java.nio.file.Path;

/**
 * What {@code mig plan} found: the project's files and the plan. When {@code targetCurrent}, the
 * schema's database exists and is current (ready after a cutover or a bootstrap, or the application's
 * own database named after its schema): there is nothing to migrate, and {@code plan} and
 * {@code source} are null. {@code refusal}, when not null, is why migrate would refuse whatever the
 * plan says (the existing target file, or the migration in progress). {@code canMigrate}: migrate
 * would go ahead, resume, or find nothing to do. {@code disk}: room for a copy yet to start (null
 * during a migration, with nothing to copy, or when the file system cannot say).
 */
public record PlanReport(Path dir, Path schemaFile, Path source, Path target, boolean targetExists,
                         boolean targetCurrent, Refusal refusal, boolean canMigrate, MigrationPlan plan,
                         DiskSpace disk) {
}
