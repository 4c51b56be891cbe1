package io.kycflow.session;

import java.time.OffsetDateTime;

import io.kycflow.technology.TechnologyCode;
import org.jspecify.annotations.Nullable;

/** One recorded attempt at a step, as kept for review; the step itself holds the latest outcome. */
public record StepAttempt(int position, TechnologyCode technology, int attemptNo, boolean passed,
                          @Nullable String failureType, @Nullable String failureDetail, OffsetDateTime createdAt) {
}
