package io.kycflow.api;

import io.kycflow.shared.Timestamps;
import java.util.List;

import io.kycflow.session.SessionService;
import io.kycflow.session.SessionViews;
import io.kycflow.shared.KycException;
import io.kycflow.shared.RequestFields;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The runtime API the customer's backend calls once per end user: create a session with the flow's key, then
 * fetch the authoritative result.
 */
@RestController
class SessionApiController {

    private static final RequestFields CREATE = new RequestFields("body", List.of("api_key", "metadata"));

    private final FlowKeys flowKeys;
    private final SessionService sessions;
    private final SessionViews views;

    SessionApiController(FlowKeys flowKeys, SessionService sessions, SessionViews views) {
        this.flowKeys = flowKeys;
        this.sessions = sessions;
        this.views = views;
    }

    @PostMapping(path = "/api/v1/flows/session/create/", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CreatedSession create(@RequestBody JsonNode body) {
        var request = CREATE.object(body);
        var key = request.get("api_key");
        if (key == null || !key.isString()) {
            throw KycException.invalid("api_key", "api_key is required: the flow's API key as a string");
        }
        var flow = flowKeys.resolve(key.stringValue(), "api_key");
        var session = sessions.create(flow, request.get("metadata"));
        return new CreatedSession(session.id().toString(),
                session.steps().stream().map(step -> step.technology().name()).toList(),
                sessions.verificationUrl(session.id()), Timestamps.format(session.expiresAt()));
    }

    @GetMapping("/api/v1/flows/session/result/light/")
    ObjectNode light(@RequestParam("session_id") String sessionId, @RequestParam("flow_api_key") String flowApiKey) {
        var flow = flowKeys.resolve(flowApiKey, "flow_api_key");
        var id = RequestFields.parseUuid(sessionId);
        if (id == null) {
            throw KycException.invalid("session_id", "session_id must be a UUID");
        }
        return views.light(sessions.getForFlow(flow.id(), id));
    }

    record CreatedSession(String sessionId, List<String> technologies, String verificationUrl, String expiresAt) {
    }
}
