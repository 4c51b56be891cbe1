package io.kycflow.session;

public enum StepStatus {
    PENDING, IN_PROGRESS, PASSED, FAILED
}
