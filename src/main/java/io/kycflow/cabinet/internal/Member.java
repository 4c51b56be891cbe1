package io.kycflow.cabinet.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.kycflow.cabinet.CabinetRole;
import org.jspecify.annotations.Nullable;

/** A person who signs in to one organization's Cabinet; {@code twoFactor}: has a TOTP authenticator enrolled. */
public record Member(UUID id, UUID organizationId, String email, CabinetRole role, String passwordHash, int failedLogins,
              @Nullable OffsetDateTime lockedUntil, OffsetDateTime createdAt, boolean twoFactor) {

    @Override
    public String toString() {
        return "Member[id=" + id + ", role=" + role + "]"; // no e-mail, no hash in logs
    }
}
