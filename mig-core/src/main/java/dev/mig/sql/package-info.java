/**
 * SQL text: a tokenizer faithful to SQLite's, identifier quoting, and the canonical form of
 * expressions. Every other package builds SQL through here, never by concatenating raw names.
 */
package dev.mig.sql;
