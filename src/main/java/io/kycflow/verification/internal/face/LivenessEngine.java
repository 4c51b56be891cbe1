package io.kycflow.verification.internal.face;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.kycflow.session.FailureReason;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.Artefact;
import io.kycflow.verification.Capture;
import io.kycflow.verification.EngineInput;
import io.kycflow.verification.EngineVerdict;
import io.kycflow.verification.LivenessChallenge;
import io.kycflow.verification.VerificationEngine;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The real LD engine of PRODUCTION organizations: {@link LivenessCheck} in the face pool, its kept selfie kept. */
@Component
public class LivenessEngine implements VerificationEngine {

    public static final String PROVIDER = "kycflow-face";

    private final FaceEngines engines;
    private final LivenessCheck check;

    public LivenessEngine(FaceEngines engines) {
        this.engines = engines;
        this.check = new LivenessCheck(engines.analyzer());
    }

    @Override
    public Set<TechnologyCode> technologies() {
        return Set.of(TechnologyCode.LD);
    }

    @Override
    public boolean sandbox() {
        return false;
    }

    @Override
    public boolean available() {
        return engines.available();
    }

    @Override
    public EngineVerdict verify(EngineInput input) {
        var config = input.config();
        var settings = new LivenessCheck.Settings(LivenessChallenge.of(config, input.sessionId()),
                config.path("threshold").asDouble(0.8), config.path("eye_open_check").asBoolean(true),
                config.path("mask_attack_check_required").asBoolean(false),
                config.path("fail_on_several_faces").asBoolean(true));
        var images = new ArrayList<Capture>(input.captures().stream().filter(c -> c.kind().equals("frame")).toList());
        var selfie = input.captures().stream().filter(c -> c.kind().equals("selfie")).findFirst().orElse(null);
        if (selfie != null) {
            images.add(selfie);
        }
        var outcome = engines.run(() -> {
            var pictures = new ArrayList<@Nullable FacePicture>();
            images.forEach(image -> pictures.add(FaceEngines.decode(image.bytes())));
            return check.check(pictures, selfie != null, settings);
        });
        var block = block(outcome);
        var artefacts = new ArrayList<Artefact>();
        if (outcome.passed()) {
            var kept = images.get(outcome.kept());
            artefacts.add(new Artefact(Artefact.SELFIE, kept.contentType(), kept.bytes()));
        }
        return new EngineVerdict(outcome.passed(), block,
                outcome.passed() ? null : new FailureReason(outcome.failure(), outcome.detail()), artefacts);
    }

    /** The {@code liveness_result} block, exactly the fields LivenessTechnology declares. */
    static ObjectNode block(LivenessCheck.Outcome outcome) {
        var block = JsonNodeFactory.instance.objectNode();
        block.put("result", outcome.passed());
        if (outcome.passed()) {
            block.putNull("failure_reason");
        } else {
            block.putObject("failure_reason").put("type", outcome.failure()).put("detail", outcome.detail());
        }
        block.put("sandbox", false).put("provider", PROVIDER);
        if (outcome.prediction() == null) {
            block.putNull("prediction");
        } else {
            block.put("prediction", score(outcome.prediction()));
        }
        if (outcome.eyeClosed() == null) {
            block.putNull("eye_closed");
        } else {
            block.put("eye_closed", outcome.eyeClosed());
        }
        var center = outcome.faceCenter();
        if (center == null) {
            block.putNull("face_center");
        } else {
            block.putObject("face_center").put("x", center[0]).put("y", center[1]);
        }
        if (outcome.direction() == null) {
            block.putNull("face_direction");
        } else {
            block.put("face_direction", outcome.direction());
        }
        return block;
    }

    /** A score as the public API sends it: four decimals in a string. */
    static String score(double value) {
        return String.format(java.util.Locale.ROOT, "%.4f", Math.max(0, Math.min(1, value)));
    }

    /** For the tests and the bench: the frames and selfie as pictures, checked on the calling thread. */
    public LivenessCheck.Outcome checkHere(List<@Nullable FacePicture> pictures, boolean lastIsSelfie, LivenessCheck.Settings settings) {
        return check.check(pictures, lastIsSelfie, settings);
    }
}
