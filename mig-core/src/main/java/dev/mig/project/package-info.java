/**
 * A project directory: its schema.yaml, the database of the declared schema, and the source database
 * it migrates from (inferred from mig's file names, or given with --source).
 */
package dev.mig.project;
