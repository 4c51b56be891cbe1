package io.kycflow.api;

import java.util.List;

import io.kycflow.session.SessionService;
import io.kycflow.session.SessionView;
import io.kycflow.session.SessionViews;
import io.kycflow.shared.KycException;
import io.kycflow.shared.RequestFields;
import io.kycflow.verification.SandboxVerifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Test mode for integrators of TEST/DEMO organizations: finish a session as passed or failed through the sandbox
 * provider, to exercise the backend's result handling end to end without a camera.
 */
@RestController
class SandboxApiController {

    private static final RequestFields BODY = new RequestFields("body", List.of("api_key", "session_id", "outcome"));

    private final FlowKeys flowKeys;
    private final SessionService sessions;
    private final SandboxVerifier sandbox;
    private final SessionViews views;

    SandboxApiController(FlowKeys flowKeys, SessionService sessions, SandboxVerifier sandbox, SessionViews views) {
        this.flowKeys = flowKeys;
        this.sessions = sessions;
        this.sandbox = sandbox;
        this.views = views;
    }

    @PostMapping(path = "/api/v1/sandbox/session/complete/", consumes = MediaType.APPLICATION_JSON_VALUE)
    SessionView complete(@RequestBody JsonNode body) {
        var request = BODY.object(body);
        var key = BODY.requiredText(request, "api_key", 256);
        var flow = flowKeys.resolve(key, "api_key");
        var session = sessions.getForFlow(flow.id(), BODY.requiredUuid(request, "session_id"));
        var outcome = BODY.requiredText(request, "outcome", 10);
        if (!outcome.equals("passed") && !outcome.equals("failed")) {
            throw KycException.invalid("body.outcome", "body.outcome must be \"passed\" or \"failed\"");
        }
        return views.light(sandbox.complete(session, outcome.equals("passed")), FlowKeys.viewer(key));
    }
}
