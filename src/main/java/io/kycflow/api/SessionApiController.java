package io.kycflow.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.kycflow.session.SessionService;
import io.kycflow.session.SessionViews;
import io.kycflow.shared.KycException;
import io.kycflow.shared.RequestFields;
import io.kycflow.shared.Timestamps;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
    private final JsonMapper json;

    SessionApiController(FlowKeys flowKeys, SessionService sessions, SessionViews views, JsonMapper json) {
        this.flowKeys = flowKeys;
        this.sessions = sessions;
        this.views = views;
        this.json = json;
    }

    // The hot paths read the body and the query parameters off the request themselves: @RequestBody and
    // @RequestParam create a data binder per argument (and run the @InitBinder advice), and the message converter
    // machinery behind HttpEntity cost more than the parse itself (bench/README.md). Create writes its answer
    // itself for the same reason, and so does the light result; `produces` keeps the 406 for a client that accepts
    // no JSON.

    @PostMapping(path = "/api/v1/flows/session/create/", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    void create(HttpServletRequest servletRequest, HttpServletResponse response) throws IOException {
        var request = CREATE.object(jsonBody(servletRequest));
        var key = request.get("api_key");
        if (key == null || !key.isString()) {
            throw KycException.invalid("api_key", "api_key is required: the flow's API key as a string");
        }
        var flow = flowKeys.resolve(key.stringValue(), "api_key");
        var session = sessions.create(flow, request.get("metadata"));
        var technologies = new ArrayList<String>(session.steps().size());
        for (var step : session.steps()) {
            technologies.add(step.technology().name());
        }
        var created = new CreatedSession(session.id().toString(), technologies,
                sessions.verificationUrl(session.id()), Timestamps.format(session.expiresAt()));
        writeJson(response, HttpStatus.CREATED, created);
    }

    @GetMapping(path = "/api/v1/flows/session/result/light/", produces = MediaType.APPLICATION_JSON_VALUE)
    void light(HttpServletRequest request, HttpServletResponse response) throws IOException,
            MissingServletRequestParameterException {
        writeJson(response, HttpStatus.OK, views.light(sessionOfFlow(request), FlowKeys.viewer(request.getParameter("flow_api_key"))));
    }

    /** The full result, in the compatibility shape (flow_session_result, flow_session_failure_reasons, …). */
    @GetMapping(path = "/api/v1/flows/session/result/", produces = MediaType.APPLICATION_JSON_VALUE)
    void full(HttpServletRequest request, HttpServletResponse response) throws IOException,
            MissingServletRequestParameterException {
        writeJson(response, HttpStatus.OK, views.full(sessionOfFlow(request), FlowKeys.viewer(request.getParameter("flow_api_key"))));
    }

    /** The session named by the query, if it belongs to the flow whose key is presented (another flow's: 404). */
    private io.kycflow.session.Session sessionOfFlow(HttpServletRequest request) throws MissingServletRequestParameterException {
        var sessionId = required(request, "session_id");
        var flowApiKey = required(request, "flow_api_key");
        var flow = flowKeys.resolve(flowApiKey, "flow_api_key");
        var id = RequestFields.parseUuid(sessionId);
        if (id == null) {
            throw KycException.invalid("session_id", "session_id must be a UUID");
        }
        return sessions.getForFlow(flow.id(), id);
    }

    private void writeJson(HttpServletResponse response, HttpStatus status, Object body) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    /** The body as JSON (the application's mapper: strict about duplicate keys), or the malformed-body problem. */
    private JsonNode jsonBody(HttpServletRequest request) throws IOException {
        JsonNode body;
        try {
            body = json.readTree(request.getInputStream());
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("JSON parse error", e, new ServletServerHttpRequest(request));
        }
        if (body == null || body.isMissingNode()) {
            throw new HttpMessageNotReadableException("Required request body is missing",
                    new ServletServerHttpRequest(request));
        }
        return body;
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
