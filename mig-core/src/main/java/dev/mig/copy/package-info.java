/**
 * The bulk copy: every table of the plan, parents first, in short key-range chunks that run inside
 * SQLite ({@code INSERT ... SELECT} from the old file attached read-only) and commit together with
 * their cursor, so a killed copy resumes where it stopped.
 */
package dev.mig.copy;
