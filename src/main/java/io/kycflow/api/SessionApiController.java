package io.kycflow.api;

import io.kycflow.shared.Timestamps;
import java.util.List;

import io.kycflow.session.SessionService;
import io.kycflow.session.SessionViews;
import io.kycflow.shared.KycException;
import io.kycflow.shared.RequestFields;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
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

    // The hot paths take the body as an HttpEntity and read query parameters off the request: @RequestBody and
    // @RequestParam create a data binder per argument (and run the @InitBinder advice), measurable per call here.

    @PostMapping(path = "/api/v1/flows/session/create/", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CreatedSession create(HttpEntity<JsonNode> entity, HttpServletRequest servletRequest) {
        var body = entity.getBody();
        if (body == null) {
            throw new HttpMessageNotReadableException("Required request body is missing",
                    new ServletServerHttpRequest(servletRequest));
        }
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
    ObjectNode light(HttpServletRequest request) throws MissingServletRequestParameterException {
        var sessionId = required(request, "session_id");
        var flowApiKey = required(request, "flow_api_key");
        var flow = flowKeys.resolve(flowApiKey, "flow_api_key");
        var id = RequestFields.parseUuid(sessionId);
        if (id == null) {
            throw KycException.invalid("session_id", "session_id must be a UUID");
        }
        return views.light(sessions.getForFlow(flow.id(), id));
    }

    private static String required(HttpServletRequest request, String name) throws MissingServletRequestParameterException {
        var value = request.getParameter(name);
        if (value == null) {
            throw new MissingServletRequestParameterException(name, "String");
        }
        return value;
    }

    record CreatedSession(String sessionId, List<String> technologies, String verificationUrl, String expiresAt) {
    }
}
