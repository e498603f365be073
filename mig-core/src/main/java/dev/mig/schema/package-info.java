/**
 * The schema model (records holding canonical text, so that equal schemas compare equal), its DDL
 * ({@code SchemaDdl}) and its hash ({@code SchemaHash}, which names a schema's database file); the
 * names of mig's own tables and database files. Its sources are below it: schema.yaml
 * ({@code schema.yaml}), a live database ({@code schema.introspect}) and CREATE text
 * ({@code schema.parse}); the model imports none of them.
 */
package dev.mig.schema;
