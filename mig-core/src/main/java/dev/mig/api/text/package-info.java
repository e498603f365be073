/**
 * How mig writes numbers for people: counts, rates and durations, one way in every message, report
 * and progress line ({@code Format}). Uses nothing else of mig.
 */
package dev.mig.api.text;
