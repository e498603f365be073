/**
 * Fixtures the tests of every module share, kept out of the code under test: the SQL corpus of
 * schemas shaped like real applications' ({@code Corpus}).
 */
package dev.mig.testkit;
