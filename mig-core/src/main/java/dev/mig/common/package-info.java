/**
 * What every pipeline stage shares: the user-facing failure type and its exit codes, JSON, versions,
 * the test-only fault seam, and the sizing of batches by time (copy chunks, replay batches).
 */
package dev.mig.common;
