/**
 * The runners: one class per command that changes databases ({@code migrate}, {@code drain},
 * {@code cutover}, {@code reset}, {@code archive-old}), each a short sequence of pipeline steps
 * (plan, capture, copy, replay, state) under the project lock. The facade {@code dev.mig.Mig} calls them.
 */
package dev.mig.run;
