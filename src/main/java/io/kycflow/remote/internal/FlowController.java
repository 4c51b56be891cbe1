package io.kycflow.remote.internal;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.kycflow.flow.FlowService;
import io.kycflow.shared.QrSvg;
import io.kycflow.session.Session;
import io.kycflow.session.SessionService;
import io.kycflow.shared.KycException;
import io.kycflow.shared.RequestFields;
import io.kycflow.shared.Timestamps;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.StepVerifier;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end user's browser's endpoints, scoped to one session ({@code /flow/{session_id}/…}); no key ever reaches a
 * browser. {@link FlowGuardFilter} has applied the rate limit and the CSRF guard before any of these runs. Nothing is
 * answered that is personal: the session id in a link must not be enough to read anything about the person.
 */
@RestController
@RequestMapping(path = "/flow/{sessionId}", produces = MediaType.APPLICATION_JSON_VALUE)
class FlowController {

    private static final int MAX_CLAIM_BODY = 1024;
    private static final RequestFields CLAIM = new RequestFields("", java.util.List.of("handoff_token"));

    private final SessionService sessions;
    private final FlowService flows;
    private final StepVerifier steps;
    private final DeviceBindings bindings;
    private final RemoteProperties properties;
    private final JsonMapper json;
    private final boolean publicBaseIsHttps;
    private final long maxRequestSize;
    /** Sessions with a capture being verified on this instance: a second one at the same time would waste an attempt. */
    private final Set<UUID> capturing = ConcurrentHashMap.newKeySet();

    FlowController(SessionService sessions, FlowService flows, StepVerifier steps, DeviceBindings bindings, RemoteProperties properties,
                   JsonMapper json, io.kycflow.session.SessionProperties sessionProperties,
                   @org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-request-size:10MB}")
                   org.springframework.util.unit.DataSize maxRequestSize) {
        this.maxRequestSize = maxRequestSize.toBytes();
        this.sessions = sessions;
        this.flows = flows;
        this.steps = steps;
        this.bindings = bindings;
        this.properties = properties;
        this.json = json;
        this.publicBaseIsHttps = sessionProperties.publicBaseUrl().startsWith("https://");
    }

    /** Binds the session to the first browser that starts it; the bound browser may call again, nobody else. */
    @PostMapping("/start")
    Progress start(@PathVariable String sessionId, HttpServletRequest request, HttpServletResponse response) {
        var session = session(sessionId);
        var secret = bindings.start(session.id(), request);
        if (secret != null) {
            setCookie(response, request, session, secret);
        }
        return Progress.of(session, false);
    }

    /**
     * The person declines the verification: the session ends FAILED ({@code user_declined}). Declining is acting on
     * the session, so, like {@code start}, it binds the session to a first browser (one on the first screen has not
     * started it) and is refused to any other; the bound browser of an open session may decline at any step.
     */
    @PostMapping("/decline")
    Progress decline(@PathVariable String sessionId, HttpServletRequest request, HttpServletResponse response) {
        var session = session(sessionId);
        if (!session.status().isOpen()) {
            bindings.requireBound(session.id(), request);
            throw closed(session);
        }
        var secret = bindings.start(session.id(), request);
        if (secret != null) {
            setCookie(response, request, session, secret);
        }
        return Progress.of(sessions.decline(session.id()), false);
    }

    /** A one-time code for the QR code that moves the session to a phone; the bound browser only. */
    @PostMapping("/handoff")
    HandoffAnswer handoff(@PathVariable String sessionId, HttpServletRequest request) {
        var session = session(sessionId);
        bindings.requireBound(session.id(), request);
        if (!session.status().isOpen()) {
            throw closed(session);
        }
        if (flows.get(session.organizationId(), session.flowId()).flowConfig().path("fingerprint_check").asBoolean(false)) {
            throw KycException.conflict("handoff_disabled", "session_id", "This verification's flow keeps it on the device "
                    + "that opened it (flow_config.fingerprint_check): it cannot move to another device.");
        }
        var handoff = bindings.offerHandoff(session.id(), request);
        // In the fragment: browsers never send it to a server, so the code stays out of access logs and Referer headers.
        var url = sessions.verificationUrl(session.id()) + "#handoff=" + handoff.token();
        return new HandoffAnswer(url, Timestamps.format(handoff.expiresAt()), QrSvg.of(url));
    }

    /** The hand-off link, when it stops working, and the link as a QR code (SVG) for the page to show. */
    record HandoffAnswer(String handoffUrl, String expiresAt, String qrSvg) {

        @Override
        public String toString() {
            return "HandoffAnswer[expiresAt=" + expiresAt + "]"; // never the code
        }
    }

    /** Moves the binding to this browser with the hand-off code, once. */
    @PostMapping("/claim")
    Progress claim(@PathVariable String sessionId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        var session = session(sessionId);
        var token = claimToken(request);
        var secret = bindings.claim(session.id(), token, request);
        if (secret != null) {
            setCookie(response, request, session, secret);
        }
        return Progress.of(session, false);
    }

    /** Where the session stands: the bound browser, and read-only the browser it was handed off from. */
    @GetMapping("/progress")
    Progress progress(@PathVariable String sessionId, HttpServletRequest request) {
        var session = session(sessionId);
        var access = bindings.access(session.id(), request);
        if (access != DeviceBindings.Access.BOUND && access != DeviceBindings.Access.PREVIOUS) {
            bindings.requireBound(session.id(), request); // refuses in the words that fit
        }
        return Progress.of(session, access == DeviceBindings.Access.PREVIOUS);
    }

    /**
     * One attempt at the current step. Everything that needs no body is checked before the body is read: the
     * session, the binding, that the session is open, the step (when {@code technology} is in the query string) and
     * that an engine may verify it (a PRODUCTION session without real engines is refused, nothing stored).
     */
    @PostMapping("/captures")
    Progress captures(@PathVariable String sessionId, HttpServletRequest request) {
        var session = session(sessionId);
        bindings.requireBound(session.id(), request);
        var queried = queryTechnology(request);
        var current = session.currentStep();
        steps.checkAcceptable(session, queried != null ? queried : current == null ? TechnologyCode.LD : current.technology());
        if (request.getContentLengthLong() > maxRequestSize) { // refused before a byte of it is read
            throw new KycException(KycException.Kind.TOO_LARGE, "payload_too_large", null, "The request is larger than "
                    + maxRequestSize / (1024 * 1024) + " MB; send fewer or smaller images (each at most 10 MB).");
        }
        if (!capturing.add(session.id())) {
            throw KycException.conflict("capture_in_progress", "session_id", "A capture of this verification is being "
                    + "checked right now; wait for its answer before sending another.");
        }
        try {
            var form = CaptureForm.read(request, properties.maxParts(), properties.maxFrames());
            var technology = formTechnology(form, queried);
            steps.checkAcceptable(session, technology);
            var outcome = form.text("outcome");
            steps.checkSandboxOutcome(session, technology, outcome, "outcome");
            var captures = form.captures(technology);
            return Progress.of(steps.submit(session, technology, captures, outcome), false);
        } finally {
            capturing.remove(session.id());
        }
    }

    private Session session(String sessionId) {
        var id = RequestFields.parseUuid(sessionId);
        if (id == null) {
            throw KycException.invalid("session_id", "session_id in the path must be a UUID such as "
                    + "3f2c8a4e-1b7d-4c8e-9a51-2d0f6b7e8c91.");
        }
        return sessions.find(id).orElseThrow(() -> KycException.notFound("session_not_found",
                "There is no verification with this id: check the link."));
    }

    private static KycException closed(Session session) {
        return KycException.conflict("session_closed", "session_id", "Session " + session.id() + " is "
                + session.status() + " and takes no more captures.");
    }

    /**
     * {@code technology} from the query string, read without asking the container for parameters (which would parse
     * a multipart body before the checks).
     */
    private static @Nullable TechnologyCode queryTechnology(HttpServletRequest request) {
        var query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return null;
        }
        String value = null;
        try {
            for (var pair : query.split("&")) {
                int eq = pair.indexOf('=');
                var name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (name.equals("technology")) {
                    if (value != null) {
                        throw KycException.invalid("technology", "technology is given more than once.");
                    }
                    value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        } catch (IllegalArgumentException e) { // MalformedRequestFilter has refused such a query already
            throw new KycException(KycException.Kind.INVALID, "malformed_query", null, "The query string could not be read.");
        }
        return value == null ? null : technology(value);
    }

    private static TechnologyCode formTechnology(CaptureForm form, @Nullable TechnologyCode queried) {
        var field = form.text("technology");
        if (field == null) {
            if (queried == null) {
                throw KycException.invalid("technology", "technology is required: the code of the current step, e.g. LD.");
            }
            return queried;
        }
        var technology = technology(field);
        if (queried != null && queried != technology) {
            throw KycException.invalid("technology", "technology is " + queried + " in the query string and " + technology
                    + " in the body; send one.");
        }
        return technology;
    }

    private static TechnologyCode technology(String code) {
        return TechnologyCode.parse(code).orElseThrow(() -> KycException.invalid("technology",
                "technology must be the code of a step: LD, DR, F2F, ED, DSI, DSN or DSS."));
    }

    private String claimToken(HttpServletRequest request) throws IOException {
        var type = request.getContentType();
        if (type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(parse(type))) {
            throw new KycException(KycException.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", null,
                    "Send the body as Content-Type: application/json, e.g. {\"handoff_token\": \"…\"}.");
        }
        if (request.getContentLengthLong() > MAX_CLAIM_BODY) {
            throw new KycException(KycException.Kind.TOO_LARGE, "payload_too_large", null,
                    "The request body is larger than " + MAX_CLAIM_BODY + " bytes.");
        }
        var body = request.getInputStream().readNBytes(MAX_CLAIM_BODY + 1);
        if (body.length > MAX_CLAIM_BODY) {
            throw new KycException(KycException.Kind.TOO_LARGE, "payload_too_large", null,
                    "The request body is larger than " + MAX_CLAIM_BODY + " bytes.");
        }
        tools.jackson.databind.JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw new KycException(KycException.Kind.INVALID, "malformed_body", null,
                    "The request body is not valid JSON: send {\"handoff_token\": \"…\"}.");
        }
        return CLAIM.requiredText(CLAIM.object(node), "handoff_token", 256);
    }

    private static MediaType parse(String type) {
        try {
            return MediaType.parseMediaType(type);
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    /**
     * The binding cookie. {@code ?widget=true} (the page inside the Flow Widget's iframe, a cross-site frame): SameSite
     * Strict or Lax would not be sent there, so it is SameSite=None, Secure (browsers also take it over http from
     * localhost) and Partitioned (CHIPS: kept apart per top-level site, allowed where third-party cookies are blocked).
     */
    private void setCookie(HttpServletResponse response, HttpServletRequest request, Session session, String secret) {
        boolean widget = "true".equals(request.getParameter("widget"));
        var secure = widget || request.isSecure() || publicBaseIsHttps;
        response.addHeader(HttpHeaders.SET_COOKIE, DeviceBindings.cookie(session.id(), secret, secure, widget, session.expiresAt()).toString());
    }
}
