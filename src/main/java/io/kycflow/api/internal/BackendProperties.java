package io.kycflow.api.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Backend Integration API ({@code /api/v1/backend/*}).
 *
 * @param requestsPerMinute   calls per organization and minute, all endpoints together (each runs face or document
 *                            models for ~0.1-1 s of CPU); over it: 429 with {@code Retry-After}
 * @param maxTrackedOrganizations bound on the per-organization buckets kept in memory
 */
@ConfigurationProperties("kycflow.backend")
public record BackendProperties(@DefaultValue("60") int requestsPerMinute,
                                @DefaultValue("100000") int maxTrackedOrganizations) {

    public BackendProperties {
        if (requestsPerMinute < 1 || maxTrackedOrganizations < 1) {
            throw new IllegalArgumentException("kycflow.backend.requests-per-minute and max-tracked-organizations must be at least 1");
        }
    }
}
