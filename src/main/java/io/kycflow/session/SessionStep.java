package io.kycflow.session;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.kycflow.technology.TechnologyCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One technology of a session, in flow order.
 *
 * @param result the technology's own result fields of the latest attempt (null before any attempt)
 */
public record SessionStep(int position, UUID technologyId, TechnologyCode technology, StepStatus status, int attempts,
                          int maxAttempts, @Nullable ObjectNode result, @Nullable FailureReason failureReason,
                          @Nullable OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt) {

    /** true when passed, false when failed for good, null while still pending. */
    public @Nullable Boolean outcome() {
        return switch (status) {
            case PASSED -> true;
            case FAILED -> false;
            default -> null;
        };
    }
}
