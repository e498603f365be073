package dev.mig.api;

/** A refusal's message and what to do, as data. */
public record Refusal(String message, String hint) {
}
