package io.kycflow.organization;

import java.time.OffsetDateTime;
import java.util.UUID;

public record Organization(UUID id, String name, OrganizationStatus status, OffsetDateTime createdAt) {

    public boolean sandbox() {
        return status.isSandbox();
    }
}
