/**
 * Replay: applies the old database's change log to the new database through the stored plan, in
 * batches that commit together with their checkpoint. Each batch re-reads the current state of every
 * logged key from the old database, so replay is idempotent and order-tolerant. While it writes, a
 * thread of its own checkpoints the new database's WAL.
 */
package dev.mig.replay;
