/** What every pipeline stage shares: the user-facing failure type and its exit codes. */
package dev.mig.common;
