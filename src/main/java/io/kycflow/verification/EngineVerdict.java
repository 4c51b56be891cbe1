package io.kycflow.verification;

import java.util.List;

import io.kycflow.session.AttemptOutcome;
import io.kycflow.session.FailureReason;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * An engine's verdict on one attempt.
 *
 * @param result    the technology's result block, as its {@code ResultSchema} declares it
 * @param failure   why it failed (a code the technology declares), null when it passed
 * @param artefacts what later steps may use (only from a passed attempt)
 */
public record EngineVerdict(boolean passed, ObjectNode result, @Nullable FailureReason failure, List<Artefact> artefacts) {

    public EngineVerdict {
        artefacts = List.copyOf(artefacts);
    }

    public AttemptOutcome outcome() {
        return new AttemptOutcome(passed, result, failure);
    }
}
