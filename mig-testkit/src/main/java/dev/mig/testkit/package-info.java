/**
 * Fixtures the tests of every module share, kept out of the code under test: the SQL corpus of
 * schemas shaped like real applications' ({@code Corpus}), and the pull request CI reviews
 * ({@code NotNullPullRequest}).
 */
package dev.mig.testkit;
