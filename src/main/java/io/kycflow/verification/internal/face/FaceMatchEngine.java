package io.kycflow.verification.internal.face;

import java.util.List;
import java.util.Set;

import io.kycflow.session.FailureReason;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.Artefact;
import io.kycflow.verification.EngineInput;
import io.kycflow.verification.EngineVerdict;
import io.kycflow.verification.VerificationEngine;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real F2F engine: the kept selfie (LD) against the reference face (DR's portrait or ED's photo), the largest face
 * of each, as a {@link Similarity} in [0, 1] compared with {@code face2face_config.threshold} (0.85 = cosine 0.50;
 * what that means as a false-match rate: docs/models.md).
 */
@Component
public class FaceMatchEngine implements VerificationEngine {

    /** One comparison: the faces found in each image, the similarity when both had one, the failure if any. */
    public record Comparison(int facesA, int facesB, @Nullable Double similarity, double threshold, @Nullable String failure,
                             String detail) {

        public boolean passed() {
            return failure == null;
        }
    }

    private final FaceEngines engines;

    public FaceMatchEngine(FaceEngines engines) {
        this.engines = engines;
    }

    @Override
    public Set<TechnologyCode> technologies() {
        return Set.of(TechnologyCode.F2F);
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
        double threshold = input.config().path("threshold").asDouble(Similarity.DEFAULT_THRESHOLD);
        boolean failOnSeveral = input.config().path("fail_on_several_faces").asBoolean(true);
        var selfie = input.earlier().get(Artefact.SELFIE);
        var reference = input.earlier().get(Artefact.REFERENCE_FACE);
        Comparison comparison;
        if (selfie == null || reference == null) {
            comparison = new Comparison(0, 0, null, threshold, "no_reference_face", selfie == null
                    ? "No earlier step kept a selfie to compare." : "No earlier step (DR or ED) produced a reference face to compare with.");
        } else {
            comparison = compare(selfie.bytes(), reference.bytes(), threshold, failOnSeveral);
        }
        return new EngineVerdict(comparison.passed(), block(comparison),
                comparison.passed() ? null : new FailureReason(comparison.failure(), comparison.detail()), List.of());
    }

    /** Compares the largest face of each image, in the face pool. */
    public Comparison compare(byte[] a, byte[] b, double threshold, boolean failOnSeveralFaces) {
        return engines.run(() -> compare(FaceEngines.decode(a), FaceEngines.decode(b), threshold, failOnSeveralFaces));
    }

    /** The same, on the calling thread (the bench measures its CPU time). */
    public Comparison compareHere(byte[] a, byte[] b, double threshold, boolean failOnSeveralFaces) {
        return compare(FaceEngines.decode(a), FaceEngines.decode(b), threshold, failOnSeveralFaces);
    }

    Comparison compare(@Nullable FacePicture a, @Nullable FacePicture b, double threshold, boolean failOnSeveralFaces) {
        var analyzer = engines.analyzer();
        var facesA = a == null ? List.<DetectedFace>of() : analyzer.analyze(a);
        var facesB = b == null ? List.<DetectedFace>of() : analyzer.analyze(b);
        if (facesA.isEmpty() || facesB.isEmpty()) {
            var which = facesA.isEmpty() ? (a == null ? "The first image could not be decoded" : "No face was found in the first image")
                    : (b == null ? "The second image could not be decoded" : "No face was found in the second image");
            return new Comparison(facesA.size(), facesB.size(), null, threshold, "no_face", which + ".");
        }
        if (failOnSeveralFaces && (facesA.size() > 1 || facesB.size() > 1)) {
            return new Comparison(facesA.size(), facesB.size(), null, threshold, "several_faces", "Found " + facesA.size()
                    + " and " + facesB.size() + " faces; each image must show one face.");
        }
        double similarity = Similarity.of(analyzer.descriptor(a, facesA.getFirst()), analyzer.descriptor(b, facesB.getFirst()));
        boolean match = similarity >= threshold;
        return new Comparison(facesA.size(), facesB.size(), similarity, threshold, match ? null : "face_mismatch",
                match ? "" : String.format(java.util.Locale.ROOT, "The similarity %.4f is below the threshold %.2f.", similarity, threshold));
    }

    /** The {@code face2face_result} block, exactly the fields FaceMatchTechnology declares. */
    public static ObjectNode block(Comparison comparison) {
        var block = JsonNodeFactory.instance.objectNode();
        block.put("result", comparison.passed());
        if (comparison.passed()) {
            block.putNull("failure_reason");
        } else {
            block.putObject("failure_reason").put("type", comparison.failure()).put("detail", comparison.detail());
        }
        block.put("sandbox", false).put("provider", LivenessEngine.PROVIDER);
        if (comparison.similarity() == null) {
            block.putNull("similarity");
        } else {
            block.put("similarity", LivenessEngine.score(comparison.similarity()));
        }
        block.put("threshold", comparison.threshold());
        if (comparison.facesA() == 0 && comparison.facesB() == 0) {
            block.putNull("several_faces");
        } else {
            block.put("several_faces", comparison.facesA() > 1 || comparison.facesB() > 1);
        }
        return block;
    }
}
