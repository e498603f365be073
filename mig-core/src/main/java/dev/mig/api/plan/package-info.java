/**
 * The migration plan as data: {@code MigrationPlan} and its tables, columns, risks, blockers and
 * differences, as {@code mig plan} shows them, {@code --json} prints them and the new database stores
 * them; the copy, capture and replay stages execute it. {@code PlanText} renders it for a terminal. The
 * planner that makes it is internal ({@code dev.mig.plan}).
 */
package dev.mig.api.plan;
