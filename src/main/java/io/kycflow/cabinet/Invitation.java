package io.kycflow.cabinet;

import java.time.OffsetDateTime;

/** A one-time link that lets its holder set a password and join an organization; shown (or sent) once. */
public record Invitation(String invitationUrl, OffsetDateTime expiresAt) {

    @Override
    public String toString() {
        return "Invitation[expiresAt=" + expiresAt + "]"; // the link is a credential: never in a log line
    }
}
