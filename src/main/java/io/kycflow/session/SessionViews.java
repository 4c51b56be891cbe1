package io.kycflow.session;

import io.kycflow.shared.Timestamps;
import java.time.OffsetDateTime;

import java.util.List;

import io.kycflow.media.MediaKind;
import io.kycflow.media.MediaRef;
import io.kycflow.media.MediaService;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
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
    private final MediaService media;

    SessionViews(TechnologyCatalog catalog, MediaService media) {
        this.catalog = catalog;
        this.media = media;
    }

    /** The structured view: status, verdict and every step's result; no media links. */
    public ObjectNode structured(Session session) {
        return view(session, null);
    }

    /**
     * The light result: the structured view plus each step's captured media, as short-lived links signed for
     * {@code viewer} (who will look, as the media access log records it: a key's label, never a secret).
     */
    public ObjectNode light(Session session, String viewer) {
        return view(session, viewer);
    }

    /**
     * The full result in the shape integrators of the system the guide describes already parse: the light result
     * plus {@code flow_session_result} (the verdict, null while open), {@code flow_session_failure_reasons} (the
     * failure codes) and {@code technologies} as {@code {code, name, description}} objects in flow order.
     */
    public ObjectNode full(Session session, String viewer) {
        var node = view(session, viewer);
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

    /** {@code viewer} null: no media at all (the structured view). */
    private ObjectNode view(Session session, @Nullable String viewer) {
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
        // A session nobody has captured anything for has no media: no query on the path of fresh sessions.
        var captured = viewer != null && session.startedAt() != null ? media.ofSession(session.id()) : List.<MediaRef>of();
        for (var step : session.steps()) {
            var block = block(session, step);
            if (viewer != null) {
                var links = block.putArray("media");
                for (var ref : captured) {
                    if (technologyOf(ref.kind()) == step.technology()) {
                        var url = media.signedUrl(ref.id(), viewer);
                        links.addObject().put("id", ref.id().toString()).put("kind", ref.kind().name().toLowerCase())
                                .put("content_type", ref.contentType()).put("url", url.url().toString())
                                .put("expires_at", Timestamps.format(url.expiresAt().atOffset(java.time.ZoneOffset.UTC)));
                    }
                }
            }
            node.set(catalog.get(step.technology()).resultField(), block);
        }
        return node;
    }

    /** Which step a kind of capture belongs to. */
    private static TechnologyCode technologyOf(MediaKind kind) {
        return switch (kind) {
            case SELFIE, LIVENESS_FRAME -> TechnologyCode.LD;
            case DOCUMENT_FRONT, DOCUMENT_BACK, DOCUMENT_PORTRAIT -> TechnologyCode.DR;
        };
    }

    private static ObjectNode block(Session session, SessionStep step) {
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
