/**
 * For applications: open the database of the schema you were built for once a migration has made it
 * ready, and recognise the write rejection of a migration's final pause. See specs/hot-migration.md,
 * "Application side".
 */
package dev.mig.app;
