package dev.mig.state;

/**
 * The plan a migration executes, as {@code migrate} stored it ({@code _migration_plan}).
 *
 * @param planJson     the MigrationPlan as JSON
 * @param declaredJson the declared Schema as JSON (the structure the plan targets)
 * @param liveJson     the old database's Schema as JSON, as it was when capture was installed
 * @param schemaYaml   the schema.yaml text it was planned from
 */
public record StoredPlan(String sourcePath, String sourceHash, String targetHash, String planJson, String declaredJson,
                         String liveJson, String schemaYaml, String createdUtc) {
}
