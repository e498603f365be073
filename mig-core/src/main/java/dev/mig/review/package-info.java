/**
 * Plans rendered for review: {@link dev.mig.review.MarkdownReport} (a pull-request comment a reviewer
 * reads in ten seconds) and {@link dev.mig.review.SarifReport} (SARIF 2.1.0, each result at the
 * schema.yaml line that asked for the change), both of a {@code dev.mig.api.PlanReview}; and the rules'
 * documentation, specs/rules.md shipped in the jar ({@link dev.mig.review.RuleDocs}). The facade
 * ({@code Mig.markdown}, {@code Mig.sarif}, {@code Mig.ruleDoc}) is how the CLI and the Maven plugin reach them.
 */
package dev.mig.review;
