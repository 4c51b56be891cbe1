package io.kycflow.session;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** What a verification engine (or the sandbox provider) concluded for one attempt at a step. */
public record AttemptOutcome(boolean passed, ObjectNode result, @Nullable FailureReason failure) {

    public static AttemptOutcome pass(ObjectNode result) {
        return new AttemptOutcome(true, result, null);
    }

    public static AttemptOutcome fail(ObjectNode result, FailureReason failure) {
        return new AttemptOutcome(false, result, failure);
    }
}
