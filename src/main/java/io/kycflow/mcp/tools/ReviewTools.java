package io.kycflow.mcp.tools;

import io.kycflow.shared.Timestamps;
import java.util.List;
import java.util.Map;

import io.kycflow.review.Review;
import io.kycflow.review.ReviewService;
import io.kycflow.shared.RequestFields;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.node.ObjectNode;

import static io.kycflow.mcp.tools.Schemas.arrayOf;
import static io.kycflow.mcp.tools.Schemas.input;
import static io.kycflow.mcp.tools.Schemas.nullable;
import static io.kycflow.mcp.tools.Schemas.object;
import static io.kycflow.mcp.tools.Schemas.oneOf;
import static io.kycflow.mcp.tools.Schemas.props;
import static io.kycflow.mcp.tools.Schemas.text;
import static io.kycflow.mcp.tools.Schemas.timestamp;
import static io.kycflow.mcp.tools.Schemas.uuid;

/** The append-only review trail of a session. */
@Configuration(proxyBeanMethods = false)
class ReviewTools {

    private static final RequestFields LIST = new RequestFields("", List.of("session_id"));
    private static final RequestFields CREATE = new RequestFields("", List.of("session_id", "request_data"));
    private static final RequestFields CREATE_DATA = new RequestFields("request_data", List.of("message"));
    private static final Map<String, Object> SESSION_ID = uuid("Session id.");

    static Map<String, Object> reviewSchema() {
        return object(props("id", uuid("Review id."), "session_id", uuid("Session id."),
                "type", oneOf("MESSAGE (free-form note) or STATUS_CHANGE (a decision).", "MESSAGE", "STATUS_CHANGE"),
                "message", nullable("string"), "from_status", nullable("string"), "to_status", nullable("string"),
                "author", text("Which key acted (a fingerprint, never the key)."), "created_at", timestamp()),
                "id", "session_id", "type", "message", "from_status", "to_status", "author", "created_at");
    }

    @Bean
    SyncToolSpecification listFlowSessionReviewsTool(ToolKit kit, ReviewService reviews) {
        return kit.tool("list_flow_session_reviews", "List session reviews",
                "The session's review audit trail, oldest first: free-form messages and every status decision.",
                input(props("session_id", SESSION_ID), "session_id"),
                object(props("results", arrayOf(reviewSchema())), "results"), ToolKit.Kind.READ_ONLY, call -> {
                    var args = LIST.object(call.arguments());
                    var result = kit.object();
                    var list = result.putArray("results");
                    reviews.list(call.organizationId(), LIST.requiredUuid(args, "session_id"))
                            .forEach(review -> list.add(json(kit, review)));
                    return result;
                });
    }

    @Bean
    SyncToolSpecification createFlowSessionReviewTool(ToolKit kit, ReviewService reviews) {
        return kit.tool("create_flow_session_review", "Add session review",
                "Adds a free-form MESSAGE review to a session's audit trail (append-only).",
                input(props("session_id", SESSION_ID, "request_data",
                        input(props("message", text("The note.", ReviewService.MAX_MESSAGE)), "message")),
                        "session_id", "request_data"),
                reviewSchema(), ToolKit.Kind.CREATES, call -> {
                    var args = CREATE.object(call.arguments());
                    var sessionId = CREATE.requiredUuid(args, "session_id");
                    var data = CREATE_DATA.object(args.get("request_data"));
                    var message = CREATE_DATA.requiredText(data, "message", ReviewService.MAX_MESSAGE);
                    return json(kit, reviews.addMessage(call.organizationId(), sessionId, message, call.caller().author()));
                });
    }

    private static ObjectNode json(ToolKit kit, Review review) {
        var node = kit.object().put("id", review.id().toString()).put("session_id", review.sessionId().toString())
                .put("type", review.type().name());
        put(node, "message", review.message());
        put(node, "from_status", review.fromStatus() == null ? null : review.fromStatus().name());
        put(node, "to_status", review.toStatus() == null ? null : review.toStatus().name());
        return node.put("author", review.author()).put("created_at", Timestamps.format(review.createdAt()));
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
