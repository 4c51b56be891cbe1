package io.kycflow.session;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A person's run through a flow. {@code sandbox} is fixed at creation from the organization's status;
 * {@code userDeclined}: the person declined it on the hosted page, which ended it FAILED without a failed step.
 */
public record Session(UUID id, UUID flowId, UUID organizationId, SessionStatus status, boolean sandbox,
                      @Nullable Boolean overallResult, @Nullable ObjectNode metadata,
                      OffsetDateTime createdAt, @Nullable OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt,
                      OffsetDateTime expiresAt, List<SessionStep> steps, boolean userDeclined) {

    public Session {
        steps = List.copyOf(steps);
    }

    /** A session nobody declined (every session until its person does). */
    public Session(UUID id, UUID flowId, UUID organizationId, SessionStatus status, boolean sandbox,
                   @Nullable Boolean overallResult, @Nullable ObjectNode metadata, OffsetDateTime createdAt,
                   @Nullable OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt, OffsetDateTime expiresAt,
                   List<SessionStep> steps) {
        this(id, flowId, organizationId, status, sandbox, overallResult, metadata, createdAt, startedAt, finishedAt,
                expiresAt, steps, false);
    }

    /** The step the next attempt is for (the first not passed), or null once the session is no longer open. */
    public @Nullable SessionStep currentStep() {
        if (!status.isOpen()) {
            return null;
        }
        return steps.stream().filter(step -> step.status() != StepStatus.PASSED).findFirst().orElse(null);
    }
}
