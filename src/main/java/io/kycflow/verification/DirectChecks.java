package io.kycflow.verification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kycflow.shared.KycException;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.internal.face.FaceMatchEngine;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/**
 * Synchronous checks outside any session (the Backend Integration API), on the same engines as sessions: the sandbox
 * engine for TEST/DEMO organizations, the real ones for PRODUCTION ({@code engine_unavailable} without them).
 */
@Service
public class DirectChecks {

    /** No session: the engines' input names this one. */
    private static final UUID NO_SESSION = new UUID(0, 0);

    private final VerificationEngines engines;
    private final TechnologyCatalog catalog;
    private final FaceMatchEngine faceMatch;

    DirectChecks(VerificationEngines engines, TechnologyCatalog catalog, FaceMatchEngine faceMatch) {
        this.engines = engines;
        this.catalog = catalog;
        this.faceMatch = faceMatch;
    }

    /**
     * Passive liveness of one selfie: the LD engine with the flow defaults but no active challenge (one image cannot
     * show a blink). Returns the {@code liveness_result} block.
     */
    public ObjectNode liveness(boolean sandbox, Capture image) {
        require(sandbox, TechnologyCode.LD);
        var config = catalog.get(TechnologyCode.LD).configSchema().defaults();
        config.put("challenge", LivenessChallenge.NONE);
        var input = new EngineInput(NO_SESSION, TechnologyCode.LD, config, List.of(new Capture("selfie", image.contentType(),
                image.bytes())), Map.of(), null);
        return engines.verify(sandbox, input).result();
    }

    /** A face comparison: the {@code face2face_result} block and how many faces each image showed. */
    public record Comparison(ObjectNode block, int facesA, int facesB) {
    }

    /** Compares the largest face of each image at the default threshold ({@code fail_on_several_faces} on). */
    public Comparison compare(boolean sandbox, Capture a, Capture b) {
        require(sandbox, TechnologyCode.F2F);
        var config = catalog.get(TechnologyCode.F2F).configSchema().defaults();
        var input = new EngineInput(NO_SESSION, TechnologyCode.F2F, config, List.of(), Map.of(
                Artefact.SELFIE, new Artefact(Artefact.SELFIE, a.contentType(), a.bytes()),
                Artefact.REFERENCE_FACE, new Artefact(Artefact.REFERENCE_FACE, b.contentType(), b.bytes())), null);
        if (sandbox) {
            return new Comparison(engines.verify(true, input).result(), 1, 1); // synthetic, as the block says
        }
        // The engine itself, not through VerificationEngines: the face counts are needed besides the block.
        var comparison = faceMatch.compare(a.bytes(), b.bytes(), config.path("threshold").asDouble(),
                config.path("fail_on_several_faces").asBoolean(true));
        return new Comparison(FaceMatchEngine.block(comparison), comparison.facesA(), comparison.facesB());
    }

    private void require(boolean sandbox, TechnologyCode technology) {
        if (!engines.available(sandbox, technology)) {
            throw KycException.conflict(EngineUnavailableException.CODE, "technology", "No verification engine for "
                    + technology + " is installed on this server; PRODUCTION checks run only on real engines, so nothing "
                    + "was checked.");
        }
    }
}
