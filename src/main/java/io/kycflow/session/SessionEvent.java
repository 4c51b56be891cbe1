package io.kycflow.session;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.kycflow.technology.TechnologyCode;
import org.jspecify.annotations.Nullable;

/**
 * A session's lifecycle, published through Spring Modulith's event publication registry in the transaction that
 * made the change: a transactional listener (webhooks, the Cabinet) gets each event once the change is committed,
 * and an event whose listener has not completed is kept and delivered again after a restart. Once per transition.
 */
public sealed interface SessionEvent {

    UUID sessionId();

    UUID organizationId();

    OffsetDateTime at();

    /** The session was created (and is durable: the event is committed with it). */
    record Created(UUID sessionId, UUID organizationId, UUID flowId, boolean sandbox, OffsetDateTime at) implements SessionEvent {
    }

    /** The first attempt at a step was recorded. */
    record StepStarted(UUID sessionId, UUID organizationId, TechnologyCode technology, OffsetDateTime at) implements SessionEvent {
    }

    /** A step passed, or failed its last attempt. */
    record StepCompleted(UUID sessionId, UUID organizationId, TechnologyCode technology, boolean passed, int attempts,
                         @Nullable String failureReason, OffsetDateTime at) implements SessionEvent {
    }

    /** Every step passed. */
    record Finished(UUID sessionId, UUID organizationId, OffsetDateTime at) implements SessionEvent {
    }

    /** A step failed its last attempt (the failure-reason codes of the failed steps), or the person declined ({@code user_declined}). */
    record Failed(UUID sessionId, UUID organizationId, List<String> failureReasons, OffsetDateTime at) implements SessionEvent {
    }

    /** The TTL passed before the session was finished. */
    record Expired(UUID sessionId, UUID organizationId, OffsetDateTime at) implements SessionEvent {
    }

    /** A reviewer moved a FINISHED or FAILED session to APPROVED or DECLINED. */
    record Decided(UUID sessionId, UUID organizationId, SessionStatus from, SessionStatus to, OffsetDateTime at)
            implements SessionEvent {
    }
}
