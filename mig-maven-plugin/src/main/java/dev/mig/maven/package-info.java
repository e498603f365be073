/**
 * mig's commands as Maven goals ({@code mvn mig:plan}, {@code mig:migrate}, {@code mig:drain},
 * {@code mig:cutover}, {@code mig:status}, {@code mig:verify}). Each goal is a thin {@link
 * dev.mig.maven.MigMojo}: it resolves its settings (the POM's configuration or a {@code -Dmig.*}
 * property, then {@code MIG_*} in the environment, then mig's default), calls the facade
 * {@code dev.mig.Mig} as the CLI does, and turns mig's errors into Maven's: bad input and refusals fail
 * the build ({@code MojoFailureException}), runtime failures are execution errors.
 */
package dev.mig.maven;
