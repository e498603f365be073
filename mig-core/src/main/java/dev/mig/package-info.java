/**
 * The public face of mig-core: {@link dev.mig.project.Project} finds a project's files and {@link dev.mig.Mig}
 * runs each command's work. The CLI calls only these; the pipeline packages ({@code schema},
 * {@code plan}, {@code copy}, {@code capture}, {@code replay}, {@code state}) are the internals.
 */
package dev.mig;
