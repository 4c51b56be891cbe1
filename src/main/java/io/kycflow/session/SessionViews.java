package io.kycflow.session;

import io.kycflow.shared.Timestamps;
import java.time.OffsetDateTime;

import io.kycflow.technology.TechnologyCatalog;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON views of a session shared by the REST API and the MCP tools, so both channels say the same thing.
 * Per-technology blocks are named as integrators expect ({@code liveness_result}, {@code face2face_result}…).
 */
@Component
public class SessionViews {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final TechnologyCatalog catalog;

    SessionViews(TechnologyCatalog catalog) {
        this.catalog = catalog;
    }

    /** The structured view: status, verdict and every step's result; no media links. */
    public ObjectNode structured(Session session) {
        return view(session, false);
    }

    /**
     * The light result: the structured view plus each step's captured media. Media links are short-lived signed
     * URLs; until the capture UI stores media, each step's list is empty.
     */
    public ObjectNode light(Session session) {
        return view(session, true);
    }

    /**
     * The full result in the shape integrators of the system the guide describes already parse: the light result
     * plus {@code flow_session_result} (the verdict, null while open), {@code flow_session_failure_reasons} (the
     * failure codes) and {@code technologies} as {@code {code, name, description}} objects in flow order.
     */
    public ObjectNode full(Session session) {
        var node = view(session, true);
        putNullable(node, "flow_session_result", session.overallResult());
        var codes = node.putArray("flow_session_failure_reasons");
        node.get("failure_reasons").forEach(reason -> codes.add(reason.get("type").asString()));
        var technologies = node.putArray("technologies");
        for (var step : session.steps()) {
            var technology = catalog.get(step.technology());
            technologies.addObject().put("code", technology.code().name()).put("name", technology.name())
                    .put("description", technology.description());
        }
        return node;
    }

    private ObjectNode view(Session session, boolean withMedia) {
        var node = NODES.objectNode();
        node.put("session_id", session.id().toString());
        node.put("flow_id", session.flowId().toString());
        node.put("status", session.status().name());
        node.put("sandbox", session.sandbox());
        putNullable(node, "overall_result", session.overallResult());
        node.set("failure_reasons", failureReasons(session));
        var technologies = node.putArray("technologies");
        session.steps().forEach(step -> technologies.add(step.technology().name()));
        node.set("metadata", session.metadata() == null ? NODES.nullNode() : session.metadata());
        putTime(node, "created_at", session.createdAt());
        putTime(node, "started_at", session.startedAt());
        putTime(node, "finished_at", session.finishedAt());
        putTime(node, "expires_at", session.expiresAt());
        for (var step : session.steps()) {
            node.set(catalog.get(step.technology()).resultField(), block(session, step, withMedia));
        }
        return node;
    }

    private static ObjectNode block(Session session, SessionStep step, boolean withMedia) {
        var block = NODES.objectNode();
        block.put("technology", step.technology().name());
        block.put("status", step.status().name());
        putNullable(block, "result", step.outcome());
        block.put("attempts", step.attempts());
        block.put("max_attempts", step.maxAttempts());
        if (step.failureReason() == null) {
            block.putNull("failure_reason");
        } else {
            block.putObject("failure_reason").put("type", step.failureReason().type()).put("detail", step.failureReason().detail());
        }
        if (step.result() != null) {
            step.result().properties().forEach(e -> {
                if (!block.has(e.getKey())) {
                    block.set(e.getKey(), e.getValue());
                }
            });
        }
        block.put("sandbox", session.sandbox());
        putTime(block, "started_at", step.startedAt());
        putTime(block, "finished_at", step.finishedAt());
        if (withMedia) {
            block.putArray("media");
        }
        return block;
    }

    private static tools.jackson.databind.node.ArrayNode failureReasons(Session session) {
        var reasons = NODES.arrayNode();
        for (var step : session.steps()) {
            if (step.status() == StepStatus.FAILED && step.failureReason() != null) {
                reasons.addObject().put("technology", step.technology().name())
                        .put("type", step.failureReason().type()).put("detail", step.failureReason().detail());
            }
        }
        if (session.status() == SessionStatus.EXPIRED) {
            reasons.addObject().putNull("technology").put("type", "session_expired")
                    .put("detail", "The session expired at " + Timestamps.format(session.expiresAt()) + " before it was finished.");
        }
        return reasons;
    }

    private static void putNullable(ObjectNode node, String field, @Nullable Boolean value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static void putTime(ObjectNode node, String field, @Nullable OffsetDateTime time) {
        if (time == null) {
            node.putNull(field);
        } else {
            node.put(field, Timestamps.format(time));
        }
    }
}
