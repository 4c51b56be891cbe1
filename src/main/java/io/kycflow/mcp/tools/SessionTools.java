package io.kycflow.mcp.tools;

import io.kycflow.shared.Timestamps;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.kycflow.flow.FlowService;
import io.kycflow.review.ReviewService;
import io.kycflow.session.Session;
import io.kycflow.session.SessionService;
import io.kycflow.session.SessionStatus;
import io.kycflow.session.SessionView;
import io.kycflow.session.SessionViews;
import io.kycflow.shared.KycException;
import io.kycflow.shared.RequestFields;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.kycflow.mcp.tools.Schemas.anyObject;
import static io.kycflow.mcp.tools.Schemas.arrayOf;
import static io.kycflow.mcp.tools.Schemas.input;
import static io.kycflow.mcp.tools.Schemas.object;
import static io.kycflow.mcp.tools.Schemas.oneOf;
import static io.kycflow.mcp.tools.Schemas.props;
import static io.kycflow.mcp.tools.Schemas.text;
import static io.kycflow.mcp.tools.Schemas.timestamp;
import static io.kycflow.mcp.tools.Schemas.uuid;

/** Step 4 of the integration (smoke test) and reviewers' decisions on sessions. */
@Configuration(proxyBeanMethods = false)
class SessionTools {

    private static final RequestFields CREATE = new RequestFields("", List.of("flow_api_key", "metadata"));
    private static final RequestFields BY_ID = new RequestFields("", List.of("session_id"));
    private static final RequestFields STATUS = new RequestFields("", List.of("session_id", "request_data"));
    private static final RequestFields STATUS_DATA = new RequestFields("request_data", List.of("status", "message"));
    private static final Map<String, Object> SESSION_ID = uuid("Session id (from create_flow_session or the REST API).");

    @Bean
    SyncToolSpecification createFlowSessionTool(ToolKit kit, FlowService flows, SessionService sessions) {
        return kit.tool("create_flow_session", "Create smoke-test session",
                "Creates one session against a Flow of this organization for an integration smoke test, then open "
                        + "verification_url in a browser and walk through it, or (TEST/DEMO organizations, no camera needed) "
                        + "finish it with complete_sandbox_session. Integration-time only: production backends create "
                        + "sessions with POST /api/v1/flows/session/create/, never through MCP.",
                input(props("flow_api_key", text("The flow's api_key (from create_flow or get_flow).", 256),
                        "metadata", anyObject("Optional small JSON object stored with the session, e.g. a test user id.")),
                        "flow_api_key"),
                object(props("session_id", SESSION_ID, "technologies", arrayOf(text("Technology code, in flow order.")),
                        "verification_url", text("Hosted verification UI for this session."), "expires_at", timestamp()),
                        "session_id", "technologies", "verification_url", "expires_at"),
                ToolKit.Kind.CREATES, call -> {
                    var args = CREATE.object(call.arguments());
                    var key = CREATE.requiredText(args, "flow_api_key", 256);
                    var flow = flows.findByApiKey(key).filter(f -> f.organizationId().equals(call.organizationId()))
                            .orElseThrow(() -> KycException.notFound("flow_not_found", "No flow of this organization has "
                                    + "that flow_api_key; get_flow shows a flow's api_key."));
                    var session = sessions.create(flow, args.get("metadata"));
                    var result = kit.object().put("session_id", session.id().toString());
                    var codes = result.putArray("technologies");
                    session.steps().forEach(step -> codes.add(step.technology().name()));
                    return result.put("verification_url", sessions.verificationUrl(session.id()))
                            .put("expires_at", Timestamps.format(session.expiresAt()));
                });
    }

    @Bean
    SyncToolSpecification getFlowSessionTool(ToolKit kit, SessionService sessions, SessionViews views) {
        return sessionView(kit, sessions, views, "get_flow_session", "Get session",
                "Structured view of a session: status, overall_result, failure_reasons and each technology's result block "
                        + "(liveness_result, document_recognition_result, face2face_result, edocument_result, "
                        + "digital_signature_result). No media URLs.", SessionViews.Shape.STRUCTURED,
                (session, viewer) -> views.structured(session));
    }

    @Bean
    SyncToolSpecification getFlowSessionLightResultTool(ToolKit kit, SessionService sessions, SessionViews views) {
        return sessionView(kit, sessions, views, "get_flow_session_light_result", "Get session light result",
                "The session's result as the customer's backend sees it from GET /api/v1/flows/session/result/light/: "
                        + "status (FINISHED on a clean pass, FAILED otherwise), overall_result, per-technology blocks, "
                        + "failure_reasons, and short-lived signed URLs of captured media.", SessionViews.Shape.LIGHT, views::light);
    }

    /** The two read views of one session differ only in their media links. */
    private static SyncToolSpecification sessionView(ToolKit kit, SessionService sessions, SessionViews views, String name,
                                                     String title, String description, SessionViews.Shape shape,
                                                     BiFunction<Session, String, SessionView> view) {
        return kit.tool(name, title, description, input(props("session_id", SESSION_ID), "session_id"),
                views.schema(shape), ToolKit.Kind.READ_ONLY, call -> kit.tree(view.apply(sessions.get(call.organizationId(),
                        BY_ID.requiredUuid(BY_ID.object(call.arguments()), "session_id")), call.caller().author())));
    }

    @Bean
    SyncToolSpecification updateFlowSessionStatusTool(ToolKit kit, ReviewService reviews, SessionViews views) {
        var requestData = input(props("status", oneOf("The decision.", "APPROVED", "DECLINED"),
                "message", text("Why (recorded in the review trail).", ReviewService.MAX_MESSAGE)), "status");
        return kit.tool("update_flow_session_status", "Approve or decline session",
                "Manual review decision: moves a FINISHED or FAILED session to APPROVED or DECLINED. Every move is recorded "
                        + "as a STATUS_CHANGE review with the acting key. Internal review tooling, not an end-user path.",
                input(props("session_id", SESSION_ID, "request_data", requestData), "session_id", "request_data"),
                views.schema(SessionViews.Shape.STRUCTURED), ToolKit.Kind.UPDATES, call -> {
                    var args = STATUS.object(call.arguments());
                    var sessionId = STATUS.requiredUuid(args, "session_id");
                    var data = STATUS_DATA.object(args.get("request_data"));
                    var status = STATUS_DATA.requiredText(data, "status", 16);
                    if (!status.equals("APPROVED") && !status.equals("DECLINED")) {
                        throw KycException.invalid("request_data.status", "request_data.status must be APPROVED or DECLINED");
                    }
                    var message = STATUS_DATA.optionalText(data, "message", ReviewService.MAX_MESSAGE);
                    return kit.tree(views.structured(reviews.decide(call.organizationId(), sessionId,
                            SessionStatus.valueOf(status), message, call.caller().author())));
                });
    }
}
