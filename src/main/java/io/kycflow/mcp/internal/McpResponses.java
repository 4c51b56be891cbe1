package io.kycflow.mcp.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The JSON bodies the MCP filters answer with themselves, always UTF-8 and escaped by the JSON library. */
final class McpResponses {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private McpResponses() {
    }

    /** A transport-level refusal (auth, Origin, protocol version, rate limit): {@code {"error", "detail"}}. */
    static void refuse(HttpServletResponse response, int status, String error, String detail) throws IOException {
        write(response, status, NODES.objectNode().put("error", error).put("detail", detail));
    }

    /** A refusal that tells when to come back: {@code {"error", "detail", "retry_after"}}. */
    static void refuse(HttpServletResponse response, int status, String error, String detail, long retryAfter)
            throws IOException {
        write(response, status, NODES.objectNode().put("error", error).put("detail", detail).put("retry_after", retryAfter));
    }

    /** A JSON-RPC error response; {@code id} null when the request's id is unknown or unusable. */
    static void jsonRpcError(HttpServletResponse response, int status, @Nullable JsonNode id, int code, String message)
            throws IOException {
        var body = NODES.objectNode().put("jsonrpc", "2.0");
        body.set("id", id == null ? NODES.nullNode() : id);
        body.putObject("error").put("code", code).put("message", message);
        write(response, status, body);
    }

    private static void write(HttpServletResponse response, int status, JsonNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body.toString());
    }
}
