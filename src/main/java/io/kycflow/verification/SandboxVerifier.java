package io.kycflow.verification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.kycflow.flow.FlowService;
import io.kycflow.media.MediaKind;
import io.kycflow.media.MediaService;
import io.kycflow.session.Session;
import io.kycflow.session.SessionService;
import io.kycflow.session.StepStatus;
import io.kycflow.shared.KycException;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.internal.SyntheticCaptures;
import org.springframework.stereotype.Service;

/**
 * Finishes a TEST/DEMO session without a camera, like test mode in payment APIs: every remaining step goes
 * through the same path a person's capture takes — captures (synthetic, made by our code) → the step's engine
 * (the sandbox engine, outside any transaction) → the attempt recorded under the session's row lock — with the
 * outcome the tester picked per technology. PRODUCTION sessions are refused.
 */
@Service
public class SandboxVerifier {

    public static final String PROVIDER = "kycflow-sandbox";

    private final SessionService sessions;
    private final FlowService flows;
    private final VerificationEngines engines;
    private final TechnologyCatalog catalog;
    private final MediaService media;

    SandboxVerifier(SessionService sessions, FlowService flows, VerificationEngines engines, TechnologyCatalog catalog,
                    MediaService media) {
        this.media = media;
        this.sessions = sessions;
        this.flows = flows;
        this.engines = engines;
        this.catalog = catalog;
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
        outcomes.forEach(this::checkOutcome);
        if (!session.status().isOpen()) {
            throw KycException.conflict("session_closed", "session_id",
                    "Session " + session.id() + " is " + session.status() + "; only CREATED or IN_PROGRESS sessions can be completed.");
        }
        var flow = flows.get(session.organizationId(), session.flowId());
        var current = session;
        var earlier = new HashMap<String, Artefact>();
        while (current.status().isOpen()) {
            var step = current.steps().stream().filter(s -> s.status() != StepStatus.PASSED).findFirst().orElseThrow();
            var captures = SyntheticCaptures.forStep(step.technology());
            store(session, captures);
            var input = new EngineInput(session.id(), step.technology(), flow.technologyConfigs().path(catalog.get(step.technology()).configField()),
                    captures, earlier, outcomes.getOrDefault(step.technology(), "pass"));
            var verdict = engines.verify(true, input);
            verdict.artefacts().forEach(artefact -> earlier.put(artefact.name(), artefact));
            current = sessions.recordAttempt(session.id(), step.technology(), verdict.outcome());
        }
        return current;
    }

    /** The captures are kept as a person's would be: encrypted media the light result links to. */
    private void store(Session session, List<Capture> captures) {
        for (var capture : captures) {
            var kind = switch (capture.kind()) {
                case "frame" -> MediaKind.LIVENESS_FRAME;
                case "selfie" -> MediaKind.SELFIE;
                case "document_front" -> MediaKind.DOCUMENT_FRONT;
                case "document_back" -> MediaKind.DOCUMENT_BACK;
                default -> null; // a signed file is not an image
            };
            if (kind != null) {
                media.store(session.organizationId(), session.id(), kind, capture.contentType(), capture.bytes());
            }
        }
    }

    private void checkOutcome(TechnologyCode technology, String outcome) {
        if (!outcome.equals("pass") && !outcome.equals("fail") && !catalog.get(technology).resultSchema().knowsFailure(outcome)) {
            var codes = catalog.get(technology).resultSchema().failureReasons().stream().map(reason -> reason.code()).toList();
            throw KycException.invalid("outcomes." + technology, "outcomes." + technology + " must be \"pass\", \"fail\" or one of "
                    + String.join(", ", codes) + ".");
        }
    }
}
