package io.kycflow.session;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Why a step's attempt failed: a stable {@code type} (e.g. {@code eye_closed}) and a sentence for people. */
public record FailureReason(
        @JsonPropertyDescription("Stable failure-reason code, one the step's technology declares.") String type,
        @JsonPropertyDescription("What went wrong, for people.") String detail) {
}
