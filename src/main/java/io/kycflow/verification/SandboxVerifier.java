package io.kycflow.verification;

import java.util.HashMap;
import java.util.Map;

import io.kycflow.session.Session;
import io.kycflow.session.StepStatus;
import io.kycflow.shared.KycException;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.internal.SyntheticCaptures;
import org.springframework.stereotype.Service;

/**
 * Finishes a TEST/DEMO session without a camera, like test mode in payment APIs: every remaining step goes
 * through the path a person's capture takes ({@link StepVerifier}: captures, synthetic and made by our code, stored
 * as media → the step's engine, the sandbox engine, outside any transaction → the attempt recorded under the
 * session's row lock) with the outcome the tester picked per technology. PRODUCTION sessions are refused.
 */
@Service
public class SandboxVerifier {

    public static final String PROVIDER = "kycflow-sandbox";

    private final StepVerifier steps;

    SandboxVerifier(StepVerifier steps) {
        this.steps = steps;
    }

    /** Every remaining step passes, or with {@code pass} false the first remaining one fails each of its attempts. */
    public Session complete(Session session, boolean pass) {
        var outcomes = new HashMap<TechnologyCode, String>();
        if (!pass) {
            session.steps().stream().filter(s -> s.status() != StepStatus.PASSED).findFirst()
                    .ifPresent(step -> outcomes.put(step.technology(), "fail"));
        }
        return complete(session, outcomes);
    }

    /**
     * @param outcomes per technology {@code pass}, {@code fail} or one of its failure-reason codes; a technology
     *                 left out passes. A failing outcome fails each attempt the step allows, so the session ends
     *                 FAILED as a real failure would.
     */
    public Session complete(Session session, Map<TechnologyCode, String> outcomes) {
        if (!session.sandbox()) {
            throw new KycException(KycException.Kind.FORBIDDEN, "sandbox_only", null,
                    "Only sessions of TEST or DEMO organizations can be completed by the sandbox provider; a "
                            + "PRODUCTION session is verified only by real engines, from a real person's captures.");
        }
        outcomes.forEach((technology, outcome) -> steps.checkOutcomeCode(technology, outcome, "outcomes." + technology));
        if (!session.status().isOpen()) {
            throw KycException.conflict("session_closed", "session_id",
                    "Session " + session.id() + " is " + session.status() + "; only CREATED or IN_PROGRESS sessions can be completed.");
        }
        // What steps passed in the browser kept is read back; what the steps run here keep is carried in memory: this
        // call runs the session to its end, so no later request needs it (and the light result lists the captures).
        var earlier = new HashMap<>(steps.keptArtefacts(session));
        var current = session;
        while (current.status().isOpen()) {
            var step = current.currentStep();
            var attempted = steps.attempt(current, step.technology(), SyntheticCaptures.forStep(step.technology()),
                    outcomes.getOrDefault(step.technology(), "pass"), earlier, false);
            attempted.verdict().artefacts().forEach(artefact -> earlier.put(artefact.name(), artefact));
            current = attempted.session();
        }
        return current;
    }
}
