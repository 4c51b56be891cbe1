package io.kycflow.technology;

/** A stable failure-reason code a technology's engines may report, with what it means for the person. */
public record FailureCode(String code, String description) {
}
