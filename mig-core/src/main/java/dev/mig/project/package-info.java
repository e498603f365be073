/**
 * A project directory: its schema.yaml, the database of the declared schema, and the source database
 * it migrates from (inferred from mig's file names, or given with --source); the migration in progress
 * in it ({@code ActiveMigration}), where that migration stands ({@code Phase}), and the lock that lets one
 * mig command at a time act on it ({@code ProjectLock}).
 */
package dev.mig.project;
