package io.kycflow.remote.internal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.kycflow.flow.Flow;
import io.kycflow.flow.FlowService;
import io.kycflow.reference.DocumentType;
import io.kycflow.reference.ReferenceData;
import io.kycflow.remote.internal.DeviceBindings;
import io.kycflow.session.Session;
import io.kycflow.session.SessionService;
import io.kycflow.session.SessionStatus;
import io.kycflow.shared.RequestFields;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.Origins;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.VerificationEngines;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hosted verification page, {@code GET /flow/{session_id}}: one server-rendered HTML document holding every
 * screen of the flow in the person's language, which {@code flow.js} walks through by calling the session's API
 * ({@code start}, {@code handoff}, {@code claim}, {@code captures}, {@code progress}). What it renders is the flow's
 * shape (its steps, their options, the redirect URLs) and never anything about the person: no result, no media, no
 * metadata. Whether this browser is the bound one is not decided here: the binding cookie is SameSite=Strict and is
 * not sent when the person arrives from the integrator's site, so the script asks the API. In the Flow Widget
 * ({@code ?widget=true&origin=…}) the page may be framed only by the flow's {@code widget_allowed_origins}.
 */
@Controller
class FlowPageController {

    private static final FlowLocales.Resolver HEADER_LOCALE = new FlowLocales.Resolver();

    private final SessionService sessions;
    private final FlowService flows;
    private final TechnologyCatalog catalog;
    private final VerificationEngines engines;
    private final ReferenceData reference;
    private final DeviceBindings bindings;
    private final FlowMessages messages;
    private final JsonMapper json;

    FlowPageController(SessionService sessions, FlowService flows, TechnologyCatalog catalog, VerificationEngines engines,
                       ReferenceData reference, DeviceBindings bindings, FlowMessages messages, JsonMapper json) {
        this.sessions = sessions;
        this.flows = flows;
        this.catalog = catalog;
        this.engines = engines;
        this.reference = reference;
        this.bindings = bindings;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/flow/{sessionId}")
    String page(@PathVariable String sessionId, HttpServletRequest request, HttpServletResponse response, Model model) {
        var id = RequestFields.parseUuid(sessionId);
        var session = id == null ? null : sessions.find(id).orElse(null);
        var asked = FlowLocales.parse(request.getParameter("locale"));
        if (session == null) {
            var locale = asked != null ? asked : HEADER_LOCALE.resolveLocale(request);
            request.setAttribute(FlowLocales.ATTRIBUTE, locale);
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("lang", locale.getLanguage());
            model.addAttribute("languages", languages(locale, request));
            return "flow/not-found";
        }
        var flow = flows.get(session.organizationId(), session.flowId());
        var config = flow.flowConfig();
        var locale = asked != null ? asked : FlowLocales.parse(config.path("locale").asString("en"));
        if (locale == null) {
            locale = Locale.ENGLISH;
        }
        request.setAttribute(FlowLocales.ATTRIBUTE, locale);

        // Framing: only the origins the flow lists (CSP frame-ancestors, replacing the filter's 'none'). The widget
        // names its page's origin; the page posts events to it only when it is one of them (else to no one).
        var allowed = new ArrayList<String>();
        config.path("widget_allowed_origins").forEach(origin -> allowed.add(origin.asString()));
        response.setHeader("Content-Security-Policy", FlowPageHeadersFilter.csp(allowed));
        boolean widget = "true".equals(request.getParameter("widget"));
        var embedder = widget ? Origins.normalize(request.getParameter("origin")) : null;
        var widgetOrigin = embedder != null && allowed.contains(embedder) ? embedder : null;

        var steps = steps(session, flow);
        boolean sameDevice = config.path("fingerprint_check").asBoolean(false);
        boolean showQr = !sameDevice && config.path("show_qr").asBoolean(true);
        boolean alwaysMobile = !sameDevice && config.path("always_mobile").asBoolean(false);

        var script = new LinkedHashMap<String, Object>();
        script.put("session_id", session.id().toString());
        script.put("status", session.status().name());
        script.put("expired", session.status() == SessionStatus.EXPIRED);
        script.put("bound", bindings.isBound(session.id()));
        script.put("sandbox", session.sandbox());
        script.put("show_qr", showQr);
        script.put("always_mobile", alwaysMobile);
        script.put("handoff", !sameDevice);
        script.put("success_url", redirect(config.path("success_redirect_url"), session.id()));
        script.put("failure_url", redirect(config.path("failure_redirect_url"), session.id()));
        script.put("steps", steps.stream().map(step -> Map.of("technology", step.code(), "kind", step.kind(),
                "available", step.available(), "challenge", step.challenge())).toList());
        script.put("assets", "/flow/assets/");
        script.put("widget", widget);
        script.put("widget_origin", widgetOrigin);

        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("languages", languages(locale, request));
        model.addAttribute("sessionId", session.id().toString());
        model.addAttribute("signingChallenge", io.kycflow.verification.SigningChallenge.text(session.id()));
        model.addAttribute("sandbox", session.sandbox());
        model.addAttribute("displayName", flow.displayName());
        model.addAttribute("steps", steps);
        model.addAttribute("minutes", minutes(steps));
        model.addAttribute("showQr", showQr);
        model.addAttribute("alwaysMobile", alwaysMobile);
        model.addAttribute("expired", session.status() == SessionStatus.EXPIRED);
        model.addAttribute("config", safeJson(script));
        model.addAttribute("messages", safeJson(messages.forScript(locale)));
        return "flow/page";
    }

    /** One step of the flow as the page shows it. */
    record StepView(int index, int number, int total, String code, String kind, boolean available,
                    List<Outcome> outcomes, String challenge, boolean card, boolean passport) {

        /** The id prefix of this step's screens, e.g. {@code step-1}. */
        public String id() {
            return "step-" + index;
        }
    }

    /** A sandbox outcome: {@code pass}, or one of the technology's failure-reason codes with what it means. */
    record Outcome(String code, @Nullable String description) {
    }

    private List<StepView> steps(Session session, Flow flow) {
        var steps = new ArrayList<StepView>();
        int total = session.steps().size();
        for (var step : session.steps()) {
            var technology = catalog.get(step.technology());
            var code = step.technology();
            var kind = switch (code) {
                case LD -> "ld";
                case DR -> "dr";
                case F2F -> "f2f";
                case ED -> "ed";
                case DSI, DSN, DSS -> "ds";
            };
            boolean available = engines.available(session.sandbox(), code);
            var outcomes = new ArrayList<Outcome>();
            if (session.sandbox()) {
                outcomes.add(new Outcome("pass", null));
                technology.resultSchema().failureReasons().forEach(reason -> outcomes.add(new Outcome(reason.code(), reason.description())));
            }
            var config = flow.technologyConfigs().path(technology.configField());
            var challenge = code == TechnologyCode.LD ? challenge(config, session.id()) : "none";
            boolean card = true;
            boolean passport = true;
            if (code == TechnologyCode.DR) {
                var allowed = allowedTypes(config.path("allowed_document_types"));
                if (!allowed.isEmpty()) {
                    passport = allowed.stream().anyMatch(FlowPageController::booklet);
                    card = allowed.stream().anyMatch(type -> !booklet(type));
                }
            }
            steps.add(new StepView(step.position(), step.position() + 1, total, code.name(), kind, available, outcomes,
                    challenge, card, passport));
        }
        return steps;
    }

    /** The flow's challenge; {@code random} is drawn once per session (the same after a reload). */
    static String challenge(JsonNode config, UUID sessionId) {
        return io.kycflow.verification.LivenessChallenge.of(config, sessionId); // the engine checks the same one
    }

    private List<DocumentType> allowedTypes(JsonNode ids) {
        var allowed = new ArrayList<DocumentType>();
        if (ids.isArray()) {
            for (var type : reference.documentTypes()) {
                for (var id : ids) {
                    if (id.asInt(-1) == type.id()) {
                        allowed.add(type);
                    }
                }
            }
        }
        return allowed;
    }

    /** A passport-like booklet (ICAO TD3, or a visa in one): its photo page only; everything else is a card with two sides. */
    private static boolean booklet(DocumentType type) {
        var format = type.icaoFormat();
        return format != null && (format.equals("TD3") || format.startsWith("MRV"));
    }

    private static int minutes(List<StepView> steps) {
        double minutes = 0;
        for (var step : steps) {
            minutes += switch (step.kind()) {
                case "ld", "ed" -> 1;
                case "dr", "ds" -> 2;
                default -> 0.5;
            };
        }
        return (int) Math.max(1, Math.ceil(minutes));
    }

    /** The integrator's redirect with {@code session_id} appended (replacing one already there), or null. */
    static @Nullable String redirect(JsonNode url, UUID sessionId) {
        if (!url.isString() || url.asString().isBlank()) {
            return null;
        }
        return UriComponentsBuilder.fromUriString(url.asString()).replaceQueryParam("session_id", sessionId).build()
                .toUriString();
    }

    /** A language link: this page in another language, keeping {@code web_view=true} and the widget's parameters. */
    record Language(String code, String label, boolean current, String href) {

        public String lang() {
            return code.equals("kz") ? "kk" : code;
        }
    }

    private static List<Language> languages(Locale current, HttpServletRequest request) {
        var kept = "true".equals(request.getParameter("web_view")) ? "&web_view=true" : "";
        if ("true".equals(request.getParameter("widget"))) { // a widget stays one, posting to the same (checked) origin
            var origin = Origins.normalize(request.getParameter("origin"));
            kept += "&widget=true" + (origin == null ? "" : "&origin=" + URLEncoder.encode(origin, StandardCharsets.UTF_8));
        }
        return List.of(new Language("en", "English", current.getLanguage().equals("en"), "?locale=en" + kept),
                new Language("ru", "Русский", current.getLanguage().equals("ru"), "?locale=ru" + kept),
                new Language("kz", "Қазақша", current.getLanguage().equals("kk"), "?locale=kz" + kept));
    }

    /** JSON that can sit in an HTML {@code <script type="application/json">}: no {@code <}, {@code >} or {@code &}. */
    private String safeJson(Object value) {
        return json.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
