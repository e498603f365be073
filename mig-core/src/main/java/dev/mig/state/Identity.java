package dev.mig.state;

/**
 * Which schema a database file holds ({@code _schema_identity}).
 *
 * @param schemaCommit git HEAD of the project directory when the database was created, or null
 */
public record Identity(String schemaHash, String schemaCommit, String createdUtc, String migVersion) {
}
