package io.kycflow.media;

import java.net.URI;
import java.time.Instant;

/** A link that serves one object to one viewer until {@code expiresAt}; a bearer credential, never to be logged. */
public record SignedMediaUrl(URI url, Instant expiresAt) {

    @Override
    public String toString() {
        return "SignedMediaUrl[expiresAt=" + expiresAt + "]";
    }
}
