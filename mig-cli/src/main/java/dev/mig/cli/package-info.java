/**
 * The {@code mig} command line: one picocli command per step, printing what the facade
 * {@link dev.mig.Mig} returns, and {@code Failures}, which turns every error into a message, a hint
 * and a documented exit code.
 */
package dev.mig.cli;
