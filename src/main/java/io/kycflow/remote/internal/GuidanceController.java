package io.kycflow.remote.internal;

import java.io.IOException;

import io.kycflow.remote.CaptureImages;
import io.kycflow.session.SessionService;
import io.kycflow.shared.KycException;
import io.kycflow.shared.RequestFields;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.FaceGuidance;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /flow/{session_id}/guidance}: one small preview frame from the selfie camera, answered with where the
 * face is ({@code {"hint": "too_far"}}). Same guard as captures ({@link FlowGuardFilter}: CSRF header and origin, a
 * per-session budget of its own; the binding cookie here), but nothing is stored and nothing about the frame is logged:
 * it is a picture of a person. Sandbox sessions get real guidance too; it is advice, not a verdict.
 */
@RestController
@RequestMapping(path = "/flow/{sessionId}", produces = MediaType.APPLICATION_JSON_VALUE)
class GuidanceController {

    private final SessionService sessions;
    private final DeviceBindings bindings;
    private final FaceGuidance guidance;

    GuidanceController(SessionService sessions, DeviceBindings bindings, FaceGuidance guidance) {
        this.sessions = sessions;
        this.bindings = bindings;
        this.guidance = guidance;
    }

    /** The answer: a hint code, e.g. {@code ok}, {@code no_face}, {@code too_far}; {@code unavailable} without models. */
    record GuidanceAnswer(String hint) {
    }

    @PostMapping("/guidance")
    GuidanceAnswer guide(@PathVariable String sessionId, HttpServletRequest request) throws IOException {
        var id = RequestFields.parseUuid(sessionId);
        if (id == null) {
            throw KycException.invalid("session_id", "session_id in the path must be a UUID such as "
                    + "3f2c8a4e-1b7d-4c8e-9a51-2d0f6b7e8c91.");
        }
        var session = sessions.find(id).orElseThrow(() -> KycException.notFound("session_not_found",
                "There is no verification with this id: check the link."));
        bindings.requireBound(session.id(), request);
        var step = session.currentStep();
        if (step == null) {
            throw KycException.conflict("session_closed", "session_id", "Session " + session.id() + " is "
                    + session.status() + " and takes no more captures.");
        }
        if (step.technology() != TechnologyCode.LD) {
            throw KycException.conflict("step_out_of_order", "technology", "Guidance is for the liveness (LD) step; "
                    + "the current step of session " + session.id() + " is " + step.technology() + ".");
        }
        var type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("image/jpeg")) {
            throw new KycException(KycException.Kind.UNSUPPORTED_MEDIA_TYPE, CaptureImages.UNSUPPORTED_TYPE, "frame",
                    "Send the guidance frame as the request body with Content-Type: image/jpeg.");
        }
        if (request.getContentLengthLong() > FaceGuidance.MAX_BYTES) { // refused before a byte of it is read
            throw tooLarge();
        }
        var body = request.getInputStream().readNBytes(FaceGuidance.MAX_BYTES + 1);
        if (body.length > FaceGuidance.MAX_BYTES) {
            throw tooLarge();
        }
        var checked = CaptureImages.check("frame", body);
        if (!checked.contentType().equals("image/jpeg")) {
            throw new KycException(KycException.Kind.UNSUPPORTED_MEDIA_TYPE, CaptureImages.UNSUPPORTED_TYPE, "frame",
                    "A guidance frame must be a JPEG image (judged by its content, not its name).");
        }
        return new GuidanceAnswer(guidance.guide(body, checked.width(), checked.height()).code());
    }

    private static KycException tooLarge() {
        return new KycException(KycException.Kind.TOO_LARGE, CaptureImages.TOO_LARGE, "frame",
                "A guidance frame is at most " + FaceGuidance.MAX_BYTES / 1024 + " KB.");
    }
}
