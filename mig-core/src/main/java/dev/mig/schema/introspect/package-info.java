/**
 * Introspection: reads a live database's schema (tables, indexes, views, triggers, file settings) in
 * one read transaction, through PRAGMAs and the CREATE text that {@code dev.mig.schema.parse} reads,
 * and says what mig cannot declare and left out.
 */
package dev.mig.schema.introspect;
