package io.kycflow.shared;

import java.util.List;
import java.util.Map;

/**
 * The one spelling of "this value may be JSON null" in the schemas the server publishes (MCP tool input and output
 * schemas): {@code {"anyOf": [<schema>, {"type": "null"}]}}. It validates exactly like {@code "type": [T, "null"]},
 * but every branch has a single {@code type}, so clients that map tool schemas onto a single-type dialect (Gemini's
 * function declarations) keep the tool and its constraints. Keywords that apply to T only ({@code format},
 * {@code maxLength}, {@code properties}) go inside {@code schema}; {@code description} and {@code default} belong to
 * the whole value, so callers put them beside the {@code anyOf}.
 */
public final class JsonSchemas {

    private static final Map<String, Object> NULL = Map.of("type", "null");

    private JsonSchemas() {
    }

    public static Map<String, Object> nullable(Map<String, Object> schema) {
        if (!(schema.get("type") instanceof String)) {
            throw new IllegalArgumentException("a nullable schema wraps a single-typed schema, not " + schema);
        }
        return Map.of("anyOf", List.of(schema, NULL));
    }
}
