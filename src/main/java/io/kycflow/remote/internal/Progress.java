package io.kycflow.remote.internal;

import java.util.List;
import java.util.UUID;

import io.kycflow.session.Session;
import io.kycflow.session.SessionStep;
import io.kycflow.shared.Timestamps;
import org.jspecify.annotations.Nullable;

/**
 * What the browser of a session may know about it: where it stands, step by step. Never a result block, a failure
 * detail, media or metadata: nothing personal, whoever holds the link.
 *
 * @param currentStep the step the next capture is for, null once the session is no longer open
 * @param finished    true once the session takes no more captures (FINISHED, FAILED, EXPIRED or decided)
 * @param readOnly    true for the browser the session was handed off from, which may only follow it
 */
record Progress(UUID sessionId, String status, boolean sandbox, @Nullable CurrentStep currentStep, List<StepProgress> steps,
                String expiresAt, boolean finished, boolean readOnly) {

    record CurrentStep(String technology, int attempts, int maxAttempts, int attemptsLeft) {
    }

    record StepProgress(String technology, String status, int attempts, int maxAttempts, int attemptsLeft) {
    }

    static Progress of(Session session, boolean readOnly) {
        var current = session.currentStep();
        return new Progress(session.id(), session.status().name(), session.sandbox(),
                current == null ? null : new CurrentStep(current.technology().name(), current.attempts(), current.maxAttempts(),
                        left(current)),
                session.steps().stream().map(step -> new StepProgress(step.technology().name(), step.status().name(),
                        step.attempts(), step.maxAttempts(), left(step))).toList(),
                Timestamps.format(session.expiresAt()), !session.status().isOpen(), readOnly);
    }

    private static int left(SessionStep step) {
        return switch (step.status()) {
            case PASSED, FAILED -> 0;
            default -> Math.max(0, step.maxAttempts() - step.attempts());
        };
    }
}
