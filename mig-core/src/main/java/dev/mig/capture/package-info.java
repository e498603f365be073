/**
 * Capture: the marker, log and triggers that mig adds to the old database so that every write the
 * application makes during a migration is recorded (by key) or, while draining, rejected; and the check
 * that the old database is still what the capture was installed for ({@code CaptureIntegrity}).
 */
package dev.mig.capture;
