package io.kycflow.verification.internal.edocument;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A small circuit breaker for one downstream service: after {@code threshold} consecutive failures it opens and
 * refuses calls at once for {@code openDuration} (a person waits seconds, not timeouts × retries, and a struggling
 * gateway gets air); then it lets one trial call through (half-open): success closes it, failure opens it again.
 * Written here rather than taken from a library: it is forty lines, and resilience4j would be a new dependency for
 * this one use.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration openDuration;
    private final Clock clock;
    private State state = State.CLOSED;
    private int failures;
    private Instant openedAt = Instant.EPOCH;
    private boolean trialInFlight;

    CircuitBreaker(int threshold, Duration openDuration, Clock clock) {
        this.threshold = threshold;
        this.openDuration = openDuration;
        this.clock = clock;
    }

    /** Whether a call may go out now; in half-open, only one trial call at a time. */
    synchronized boolean tryAcquire() {
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(openDuration))) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    synchronized void onSuccess() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    synchronized void onFailure() {
        trialInFlight = false;
        if (state == State.HALF_OPEN || ++failures >= threshold) {
            state = State.OPEN;
            openedAt = clock.instant();
            failures = 0;
        }
    }

    synchronized State state() {
        return state;
    }
}
