/**
 * Verification: proves the new database equals the old one mapped through the plan, table by table,
 * with a row count and an order-independent checksum computed inside SQLite on both sides.
 */
package dev.mig.verify;
