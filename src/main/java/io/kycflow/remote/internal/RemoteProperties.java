package io.kycflow.remote.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The end user's endpoints under {@code /flow/{session_id}/}.
 *
 * @param maxFrames  frames one liveness burst may hold
 * @param maxParts   parts one capture request may hold (frames, images and the text fields together)
 * @param handoffTtl how long a hand-off token (the QR code) may be claimed
 * @param rateLimit  per-session budgets, applied before anything else
 */
@ConfigurationProperties("kycflow.remote")
record RemoteProperties(@DefaultValue("16") int maxFrames,
                        @DefaultValue("24") int maxParts,
                        @DefaultValue("10m") Duration handoffTtl,
                        @DefaultValue RateLimit rateLimit) {

    RemoteProperties {
        if (maxFrames < 1 || maxParts < maxFrames) {
            throw new IllegalArgumentException("kycflow.remote.max-frames must be at least 1 and at most kycflow.remote.max-parts");
        }
        if (handoffTtl.isNegative() || handoffTtl.isZero() || handoffTtl.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("kycflow.remote.handoff-ttl must be between 1 second and 1 day");
        }
    }

    /**
     * @param requestsPerMinute  state-changing requests (start, hand-off, claim, captures) per session and minute
     * @param readsPerMinute     progress reads per session and minute (a desktop following a phone polls)
     * @param guidancePerMinute  selfie guidance frames per session and minute (their own budget: the camera screen
     *                           sends one every ~0.7 s, which must not use up the budget of the capture itself)
     * @param maxTrackedSessions bound on the number of per-session buckets kept in memory
     */
    record RateLimit(@DefaultValue("30") int requestsPerMinute,
                     @DefaultValue("120") int readsPerMinute,
                     @DefaultValue("120") int guidancePerMinute,
                     @DefaultValue("100000") int maxTrackedSessions) {

        RateLimit {
            if (requestsPerMinute < 1 || readsPerMinute < 1 || guidancePerMinute < 1 || maxTrackedSessions < 1) {
                throw new IllegalArgumentException("kycflow.remote.rate-limit.* must be positive");
            }
        }
    }
}
