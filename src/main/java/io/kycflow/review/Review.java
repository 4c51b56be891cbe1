package io.kycflow.review;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.kycflow.session.SessionStatus;
import org.jspecify.annotations.Nullable;

/** An entry of a session's append-only audit trail. {@code author} names the acting key, never the key itself. */
public record Review(UUID id, UUID sessionId, ReviewType type, @Nullable String message,
                     @Nullable SessionStatus fromStatus, @Nullable SessionStatus toStatus, String author,
                     OffsetDateTime createdAt) {
}
