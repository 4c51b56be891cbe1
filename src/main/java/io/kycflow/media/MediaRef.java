package io.kycflow.media;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored object's metadata; the bytes are read through {@link MediaService#read(UUID)}. */
public record MediaRef(UUID id, UUID organizationId, UUID sessionId, MediaKind kind, String contentType, long size,
                       OffsetDateTime createdAt) {
}
