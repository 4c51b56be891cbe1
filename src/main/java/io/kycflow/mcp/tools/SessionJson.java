package io.kycflow.mcp.tools;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.kycflow.session.SessionStatus;
import io.kycflow.session.StepStatus;
import io.kycflow.technology.Technology;
import io.kycflow.technology.TechnologyCatalog;
import org.springframework.stereotype.Component;

import static io.kycflow.mcp.tools.Schemas.anyObject;
import static io.kycflow.mcp.tools.Schemas.arrayOf;
import static io.kycflow.mcp.tools.Schemas.bool;
import static io.kycflow.mcp.tools.Schemas.integer;
import static io.kycflow.mcp.tools.Schemas.nullable;
import static io.kycflow.mcp.tools.Schemas.nullableTimestamp;
import static io.kycflow.mcp.tools.Schemas.object;
import static io.kycflow.mcp.tools.Schemas.props;
import static io.kycflow.mcp.tools.Schemas.text;
import static io.kycflow.mcp.tools.Schemas.timestamp;
import static io.kycflow.mcp.tools.Schemas.uuid;

/** Output schemas of the session views served by {@code io.kycflow.session.SessionViews}. */
@Component
class SessionJson {

    private final TechnologyCatalog catalog;

    SessionJson(TechnologyCatalog catalog) {
        this.catalog = catalog;
    }

    Map<String, Object> viewSchema(boolean withMedia) {
        var failure = object(props("technology", nullable("string"), "type", text("Stable failure type."),
                "detail", text("What went wrong.")), "type", "detail");
        var properties = props("session_id", uuid("Session id."), "flow_id", uuid("Flow id."),
                "status", Map.of("type", "string", "enum", names(SessionStatus.values())),
                "sandbox", bool("True when sandbox providers produced the results (TEST/DEMO organizations)."),
                "overall_result", nullable("boolean"), "failure_reasons", arrayOf(failure),
                "technologies", arrayOf(text("Technology code, in flow order.")),
                "metadata", nullable(Map.of("type", "object")),
                "created_at", timestamp(), "started_at", nullableTimestamp(), "finished_at", nullableTimestamp(),
                "expires_at", timestamp());
        var block = blockSchema(withMedia);
        catalog.all().stream().map(Technology::resultField).distinct().forEach(field -> properties.put(field, block));
        return object(properties, "session_id", "flow_id", "status", "sandbox", "overall_result", "failure_reasons",
                "technologies", "created_at", "expires_at");
    }

    private static Map<String, Object> blockSchema(boolean withMedia) {
        var failure = nullable(Map.of("type", "object", "properties",
                props("type", text("Failure type."), "detail", text("Details."))));
        var properties = props("technology", text("Technology code."),
                "status", Map.of("type", "string", "enum", names(StepStatus.values())),
                "result", nullable("boolean"), "attempts", integer(), "max_attempts", integer(),
                "failure_reason", failure, "sandbox", bool("Produced by a sandbox provider."),
                "started_at", nullableTimestamp(), "finished_at", nullableTimestamp());
        if (withMedia) {
            properties.put("media", arrayOf(object(props("id", uuid("Media id."),
                    "kind", text("What it shows: selfie, liveness_frame, document_front, document_back, document_portrait."),
                    "content_type", text("image/jpeg, image/png or image/webp."),
                    "url", text("Signed link that serves the image to this key until expires_at; tampering gives 403."),
                    "expires_at", timestamp()), "id", "kind", "content_type", "url", "expires_at")));
        }
        return object(properties, "technology", "status", "result", "attempts", "max_attempts", "failure_reason", "sandbox");
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
