/**
 * Capture: the marker, log and triggers that mig adds to the old database so that every write the
 * application makes during a migration is recorded (by key) or, while draining, rejected.
 */
package dev.mig.capture;
