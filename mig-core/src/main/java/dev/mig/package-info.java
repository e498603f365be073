/**
 * The public face of mig-core: {@link dev.mig.Mig} runs each command's work on a
 * {@link dev.mig.api.Project}, and takes and returns the types of {@code dev.mig.api} (results, options,
 * the phase, the status, the listener, {@code MigException}) and {@code dev.mig.api.plan} (the plan).
 * Applications use {@code dev.mig.app}. Everything else (the pipeline packages {@code schema},
 * {@code plan}, {@code capture}, {@code copy}, {@code write}, {@code replay}, {@code verify},
 * {@code state}, {@code project}, {@code run}, {@code sql}, {@code common}) is internal: module-info
 * does not export it.
 */
package dev.mig;
