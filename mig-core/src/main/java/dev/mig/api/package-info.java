/**
 * The public API of mig-core: the types {@link dev.mig.Mig}'s calls take and return. {@code MigException}
 * (what went wrong, what to do, and the exit code), {@code Project} (which project a command acts on),
 * each command's options and result, {@code Phase} and {@code StatusReport} (where a migration
 * stands), {@code Progress} (what a command is doing: steps, copy progress, warnings) and {@code TableVerdict} (verify's finding for a table).
 * The plan is in {@code dev.mig.api.plan}. This package imports nothing else of mig: the internals
 * depend on it, never the other way round, and their records become its records only by moving here.
 */
package dev.mig.api;
