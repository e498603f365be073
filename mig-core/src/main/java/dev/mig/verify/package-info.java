/**
 * Verification: proves the new database equals the old one mapped through the plan, table by table,
 * with a row count and an order-independent checksum computed inside SQLite on both sides; and the new
 * database's own checks before cutover: integrity, and foreign keys of the whole file or of the rows
 * replay touched.
 */
package dev.mig.verify;
