/**
 * schema.yaml: reading it into the schema model with a line and column for every error and a hint
 * for the likely fix ({@code SchemaYaml}, {@code SchemaValidator}), and writing a model back as
 * schema.yaml ({@code mig init}). specs/schema-format.md is the format.
 */
package dev.mig.schema.yaml;
