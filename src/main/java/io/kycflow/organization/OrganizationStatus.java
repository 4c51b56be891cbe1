package io.kycflow.organization;

/** TEST and DEMO organizations are sandboxes: their sessions run on sandbox providers and results say so. */
public enum OrganizationStatus {
    TEST, DEMO, PRODUCTION;

    public boolean isSandbox() {
        return this != PRODUCTION;
    }
}
