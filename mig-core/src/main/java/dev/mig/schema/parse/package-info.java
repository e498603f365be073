/**
 * Reading SQLite's CREATE TABLE, CREATE INDEX and CREATE VIEW text back into the schema model, the way
 * SQLite reads it: declared types kept as written, constraints where they were declared, names as
 * quoted. Introspection uses it on {@code sqlite_schema}; it never executes anything.
 */
package dev.mig.schema.parse;
