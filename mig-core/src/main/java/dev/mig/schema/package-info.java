/**
 * The schema model and its three sources and sinks: schema.yaml ({@code SchemaYaml}), a live database
 * ({@code Introspector}) and DDL ({@code SchemaDdl}). Records hold canonical text so that equal schemas
 * compare equal; {@code SchemaHash} names a schema's database file.
 */
package dev.mig.schema;
