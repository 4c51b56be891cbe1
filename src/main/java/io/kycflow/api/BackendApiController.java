package io.kycflow.api;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kycflow.api.internal.BackendCalls;
import io.kycflow.session.FailureReason;
import io.kycflow.verification.DirectChecks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The Backend Integration API's face checks (product.md §6): synchronous, with the organization API key, on the same
 * engines as sessions (the sandbox engine for TEST/DEMO organizations, answers labelled {@code sandbox: true}),
 * inside {@link BackendCalls} (auth, rate limit, upload checks, audit).
 */
@RestController
class BackendApiController {

    private final BackendCalls calls;
    private final DirectChecks checks;

    BackendApiController(BackendCalls calls, DirectChecks checks) {
        this.calls = calls;
        this.checks = checks;
    }

    /** Where the face is on the image, as fractions of its width and height. */
    record FaceCenter(double x, double y) {
    }

    /** Passive liveness of one selfie (no active challenge: one image cannot show one). */
    record LivenessAnswer(boolean result, @Nullable String prediction, @Nullable Boolean eyeClosed,
                          @Nullable FaceCenter faceCenter, @Nullable String faceDirection,
                          @Nullable FailureReason failureReason, boolean sandbox) {
    }

    record Faces(@JsonProperty("img_1") int img1, @JsonProperty("img_2") int img2) {
    }

    /** {@code similarity} in [0, 1] as a string with four decimals, as in {@code face2face_result}. */
    record CompareAnswer(boolean result, @Nullable String similarity, double threshold, Faces faces,
                         @Nullable FailureReason failureReason, boolean sandbox) {
    }

    @PostMapping("/api/v1/backend/liveness/short/")
    LivenessAnswer liveness(HttpServletRequest request, HttpServletResponse response) {
        return calls.call(request, response, "liveness/short", call -> {
            var image = call.allowOnly(Set.of("image")).image("image");
            var block = checks.liveness(call.organization().sandbox(), image);
            var center = block.path("face_center");
            return new LivenessAnswer(block.path("result").asBoolean(), text(block, "prediction"),
                    block.path("eye_closed").isBoolean() ? block.path("eye_closed").asBoolean() : null,
                    center.isObject() ? new FaceCenter(center.path("x").asDouble(), center.path("y").asDouble()) : null,
                    text(block, "face_direction"), failure(block), block.path("sandbox").asBoolean());
        }, answer -> answer.result() ? "passed" : "failed");
    }

    @PostMapping("/api/v1/backend/face2face/compare/")
    CompareAnswer compare(HttpServletRequest request, HttpServletResponse response) {
        return calls.call(request, response, "face2face/compare", call -> {
            call.allowOnly(Set.of("img_1", "img_2"));
            var comparison = checks.compare(call.organization().sandbox(), call.image("img_1"), call.image("img_2"));
            var block = comparison.block();
            return new CompareAnswer(block.path("result").asBoolean(), text(block, "similarity"),
                    block.path("threshold").asDouble(), new Faces(comparison.facesA(), comparison.facesB()), failure(block),
                    block.path("sandbox").asBoolean());
        }, answer -> answer.result() ? "passed" : "failed");
    }

    private static @Nullable String text(JsonNode block, String field) {
        var value = block.path(field);
        return value.isString() ? value.asString() : null;
    }

    private static @Nullable FailureReason failure(JsonNode block) {
        var reason = block.path("failure_reason");
        return reason.isObject() ? new FailureReason(reason.path("type").asString(), reason.path("detail").asString()) : null;
    }
}
