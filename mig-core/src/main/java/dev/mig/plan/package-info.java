/**
 * The planner: compares a declared schema with a live database, probes the live data read-only, and
 * produces the {@link dev.mig.api.plan.MigrationPlan} that the copy, capture and replay stages execute and
 * that {@code mig plan} prints ({@link dev.mig.api.plan.PlanText}). See specs/planning.md.
 */
package dev.mig.plan;
