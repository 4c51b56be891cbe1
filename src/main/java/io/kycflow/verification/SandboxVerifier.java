package io.kycflow.verification;

import io.kycflow.session.AttemptOutcome;
import io.kycflow.session.FailureReason;
import io.kycflow.session.Session;
import io.kycflow.session.SessionService;
import io.kycflow.session.StepStatus;
import io.kycflow.shared.KycException;
import io.kycflow.technology.TechnologyCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox provider of TEST and DEMO organizations. It lets an integrator drive a session to a chosen outcome
 * without a camera — like test mode in payment APIs — and labels every result it produces as sandbox output.
 * Sessions of PRODUCTION organizations are refused: they are only ever decided by the real engines.
 */
@Service
public class SandboxVerifier {

    public static final String PROVIDER = "kycflow-sandbox";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SessionService sessions;

    SandboxVerifier(SessionService sessions) {
        this.sessions = sessions;
    }

    /**
     * Runs every remaining step of the session through the sandbox provider. With {@code pass} false the first
     * remaining step fails each of its attempts, so the session ends FAILED as a real failure would.
     */
    @Transactional
    public Session complete(Session session, boolean pass) {
        if (!session.sandbox()) {
            throw new KycException(KycException.Kind.FORBIDDEN, "sandbox_only", null,
                    "Only sessions of TEST or DEMO organizations can be completed by the sandbox provider.");
        }
        if (!session.status().isOpen()) {
            throw KycException.conflict("session_closed", "session_id",
                    "Session " + session.id() + " is " + session.status() + "; only CREATED or IN_PROGRESS sessions can be completed.");
        }
        // Each step is taken from the state recordAttempt just wrote (under a row lock), never from a stale read.
        var current = session;
        while (current.status().isOpen()) {
            var step = current.steps().stream().filter(s -> s.status() != StepStatus.PASSED).findFirst().orElseThrow();
            var outcome = pass ? AttemptOutcome.pass(result(step.technology(), true))
                    : AttemptOutcome.fail(result(step.technology(), false), failure(step.technology()));
            current = sessions.recordAttempt(session.id(), step.technology(), outcome);
        }
        return current;
    }

    /** Plausible, clearly synthetic result fields in each technology's own shape. */
    static ObjectNode result(TechnologyCode technology, boolean passed) {
        var node = NODES.objectNode().put("provider", PROVIDER);
        switch (technology) {
            case LD -> {
                node.put("prediction", passed ? "0.9990" : "0.1200").put("eye_closed", false).put("face_direction", "forward");
                node.putObject("face_center").put("x", 0.5).put("y", 0.45);
            }
            case DR -> {
                node.put("mrz_check_digits_valid", passed);
                node.putObject("document").put("type", "ID_CARD").put("issuing_country", "KAZ").put("number", "SANDBOX000001")
                        .put("surname", "SANDBOX").put("given_names", "TEST PERSON").put("birth_date", "1990-01-01")
                        .put("expiry_date", "2035-01-01");
            }
            case F2F -> node.put("similarity", passed ? "0.9712" : "0.3100").put("several_faces", false);
            case ED -> {
                node.put("document_type", "IdentityCard");
                node.putObject("person").put("surname", "SANDBOX").put("given_names", "TEST PERSON").put("birth_date", "1990-01-01");
            }
            case DSI, DSN, DSS -> {
                node.put("signature_valid", passed);
                node.putObject("certificate").put("subject", "CN=SANDBOX TEST PERSON").put("issuer", "CN=kycflow sandbox CA");
            }
        }
        return node;
    }

    private static FailureReason failure(TechnologyCode technology) {
        return switch (technology) {
            case LD -> new FailureReason("liveness_not_confirmed", "Sandbox: liveness score below the threshold.");
            case DR -> new FailureReason("mrz_check_digits_invalid", "Sandbox: MRZ check digits do not verify.");
            case F2F -> new FailureReason("face_mismatch", "Sandbox: selfie and reference face do not match.");
            case ED -> new FailureReason("edocument_not_found", "Sandbox: the e-document provider found no document.");
            case DSI, DSN, DSS -> new FailureReason("signature_invalid", "Sandbox: the signature does not verify.");
        };
    }
}
