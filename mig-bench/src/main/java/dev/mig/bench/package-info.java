/**
 * {@code mig bench}: a synthetic database, and the measurements of specs/benchmarks.md (copy against the
 * raw SQLite ceiling, capture overhead, replay rate, write pause, memory, scaling), all in one run so
 * the ratios are fair.
 */
package dev.mig.bench;
