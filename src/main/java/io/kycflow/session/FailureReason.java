package io.kycflow.session;

/** Why a step's attempt failed: a stable {@code type} (e.g. {@code eye_closed}) and a sentence for people. */
public record FailureReason(String type, String detail) {
}
