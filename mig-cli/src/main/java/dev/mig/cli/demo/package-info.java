/** {@code mig demo}: a whole hot migration of a generated shop database with a writer that never stops. */
package dev.mig.cli.demo;
