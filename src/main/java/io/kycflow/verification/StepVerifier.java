package io.kycflow.verification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.kycflow.flow.FlowService;
import io.kycflow.media.MediaKind;
import io.kycflow.media.MediaRef;
import io.kycflow.media.MediaService;
import io.kycflow.session.Session;
import io.kycflow.session.SessionService;
import io.kycflow.session.StepStatus;
import io.kycflow.shared.KycException;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * One attempt at a session's current step, the one path every capture takes, whether a person's browser sent it or
 * the sandbox made it: the captures are stored as encrypted media, the step's engine runs (outside any transaction or
 * lock: a real engine takes hundreds of milliseconds), and the verdict is recorded as the step's attempt under the
 * session's row lock.
 * <p>
 * What a passed step keeps for later steps (LD's selfie, the reference face of DR or ED) is stored as media too
 * ({@code SELFIE}, {@code DOCUMENT_PORTRAIT}) and read back by the later step, so it survives between requests,
 * restarts and instances.
 */
@Service
public class StepVerifier {

    private final SessionService sessions;
    private final FlowService flows;
    private final VerificationEngines engines;
    private final TechnologyCatalog catalog;
    private final MediaService media;

    StepVerifier(SessionService sessions, FlowService flows, VerificationEngines engines, TechnologyCatalog catalog,
                 MediaService media) {
        this.sessions = sessions;
        this.flows = flows;
        this.engines = engines;
        this.catalog = catalog;
        this.media = media;
    }

    /**
     * Refuses an attempt that could not be recorded, before anything is read, stored or verified: a session that is
     * no longer open (409 {@code session_closed}), a technology other than the current step's (409
     * {@code step_out_of_order}), a step no engine on this server may verify for this session (409
     * {@link EngineUnavailableException#CODE}: a PRODUCTION session never reaches a sandbox engine).
     */
    public void checkAcceptable(Session session, TechnologyCode technology) {
        var step = session.currentStep();
        if (step == null) {
            throw KycException.conflict("session_closed", "session_id", "Session " + session.id() + " is "
                    + session.status() + " and takes no more captures.");
        }
        if (step.technology() != technology) {
            throw KycException.conflict("step_out_of_order", "technology", "The current step of session " + session.id()
                    + " is " + step.technology() + ", not " + technology + ".");
        }
        if (!engines.available(session.sandbox(), technology)) {
            throw KycException.conflict(EngineUnavailableException.CODE, "technology", "No verification engine for "
                    + technology + " is installed on this server; PRODUCTION sessions are verified only by real "
                    + "engines, so this capture was refused and nothing was stored.");
        }
    }

    /**
     * Checks a sandbox outcome: only a sandbox session takes one (403 {@code sandbox_only}), and it must be
     * {@code pass}, {@code fail} or one of the technology's failure-reason codes (400, naming {@code field}).
     */
    public void checkSandboxOutcome(Session session, TechnologyCode technology, @Nullable String outcome, String field) {
        if (outcome == null) {
            return;
        }
        if (!session.sandbox()) {
            throw KycException.forbidden("sandbox_only", field + " is for sandbox sessions (TEST or DEMO organizations) "
                    + "only; a PRODUCTION session is verified only by real engines, from a real person's captures.");
        }
        checkOutcomeCode(technology, outcome, field);
    }

    void checkOutcomeCode(TechnologyCode technology, String outcome, String field) {
        var schema = catalog.get(technology).resultSchema();
        if (!outcome.equals("pass") && !outcome.equals("fail") && !schema.knowsFailure(outcome)) {
            var codes = schema.failureReasons().stream().map(reason -> reason.code()).toList();
            throw KycException.invalid(field, field + " must be \"pass\", \"fail\" or one of " + String.join(", ", codes) + ".");
        }
    }

    /**
     * One attempt at the session's current step with the person's captures (already checked for type and size).
     *
     * @param sandboxOutcome for a sandbox session, what the tester asks for (null: pass); null for any other
     * @return the session after the attempt was recorded
     */
    public Session submit(Session session, TechnologyCode technology, List<Capture> captures, @Nullable String sandboxOutcome) {
        checkAcceptable(session, technology);
        checkSandboxOutcome(session, technology, sandboxOutcome, "outcome");
        return attempt(session, technology, captures, sandboxOutcome, keptArtefacts(session), true).session();
    }

    /** The session after an attempt, and the verdict that was recorded. */
    record Attempted(Session session, EngineVerdict verdict) {
    }

    /**
     * Stores the captures, runs the engine, keeps the artefacts (when asked to), records the attempt.
     *
     * @param keepArtefacts store what the step keeps for later steps as media (the sandbox's {@code complete}, which
     *                      runs every remaining step in one call, carries them in memory instead)
     */
    Attempted attempt(Session session, TechnologyCode technology, List<Capture> captures, @Nullable String sandboxOutcome,
                      Map<String, Artefact> earlier, boolean keepArtefacts) {
        var flow = flows.get(session.organizationId(), session.flowId());
        var stored = store(session, captures);
        var input = new EngineInput(session.id(), technology, flow.technologyConfigs().path(catalog.get(technology).configField()),
                captures, earlier, sandboxOutcome, facts(session));
        var verdict = engines.verify(session.sandbox(), input);
        if (keepArtefacts && verdict.passed()) {
            keep(session, verdict.artefacts(), stored);
        }
        return new Attempted(sessions.recordAttempt(session.id(), technology, verdict.outcome()), verdict);
    }

    private static SessionFacts facts(Session session) {
        var passed = new java.util.EnumMap<TechnologyCode, tools.jackson.databind.JsonNode>(TechnologyCode.class);
        session.steps().stream().filter(step -> step.status() == StepStatus.PASSED && step.result() != null)
                .forEach(step -> passed.put(step.technology(), step.result()));
        return new SessionFacts(session.metadata(), passed);
    }

    /**
     * What earlier passed steps kept, read back from the session's media: the latest {@code SELFIE} (LD's kept
     * selfie, stored after any selfie of a failed attempt) and the latest {@code DOCUMENT_PORTRAIT}.
     */
    Map<String, Artefact> keptArtefacts(Session session) {
        var kept = new HashMap<String, Artefact>();
        if (session.steps().stream().noneMatch(step -> step.status() == StepStatus.PASSED)) {
            return kept; // nothing passed, nothing kept: no query on a session's first step
        }
        MediaRef selfie = null;
        MediaRef portrait = null;
        for (var ref : media.ofSession(session.id())) { // in the order stored: the last one wins
            if (ref.kind() == MediaKind.SELFIE) {
                selfie = ref;
            } else if (ref.kind() == MediaKind.DOCUMENT_PORTRAIT) {
                portrait = ref;
            }
        }
        if (selfie != null) {
            kept.put(Artefact.SELFIE, new Artefact(Artefact.SELFIE, selfie.contentType(), media.read(selfie.id())));
        }
        if (portrait != null) {
            kept.put(Artefact.REFERENCE_FACE, new Artefact(Artefact.REFERENCE_FACE, portrait.contentType(), media.read(portrait.id())));
        }
        return kept;
    }

    /** The captures are kept as encrypted media the light result links to; a signed file is not an image and is not. */
    private List<Stored> store(Session session, List<Capture> captures) {
        var stored = new ArrayList<Stored>();
        for (var capture : captures) {
            var kind = switch (capture.kind()) {
                case "frame" -> MediaKind.LIVENESS_FRAME;
                case "selfie" -> MediaKind.SELFIE;
                case "document_front" -> MediaKind.DOCUMENT_FRONT;
                case "document_back" -> MediaKind.DOCUMENT_BACK;
                default -> null;
            };
            if (kind != null) {
                media.store(session.organizationId(), session.id(), kind, capture.contentType(), capture.bytes());
                stored.add(new Stored(kind, capture.bytes()));
            }
        }
        return stored;
    }

    private record Stored(MediaKind kind, byte[] bytes) {
    }

    /** A kept artefact that is exactly a capture just stored under the same kind (the person's selfie) is not stored twice. */
    private void keep(Session session, List<Artefact> artefacts, List<Stored> stored) {
        for (var artefact : artefacts) {
            var kind = switch (artefact.name()) {
                case Artefact.SELFIE -> MediaKind.SELFIE;
                case Artefact.REFERENCE_FACE -> MediaKind.DOCUMENT_PORTRAIT;
                default -> null;
            };
            if (kind == null || !MediaService.CONTENT_TYPES.contains(artefact.contentType())
                    || stored.stream().anyMatch(s -> s.kind() == kind && Arrays.equals(s.bytes(), artefact.bytes()))) {
                continue;
            }
            media.store(session.organizationId(), session.id(), kind, artefact.contentType(), artefact.bytes());
        }
    }
}
