package io.kycflow.mcp.internal;

import java.io.IOException;

import io.kycflow.shared.CachedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Protocol faults answered before the SDK sees them, as JSON-RPC errors that say what to fix: bodies that are not
 * JSON (the SDK would echo parser internals), {@code params} or {@code arguments} that are not objects (the SDK
 * fails those with HTTP 500) and oversize bodies. A client's answer the SDK cannot use is the client's fault: 4xx.
 */
public class McpMessageFilter extends OncePerRequestFilter {

    static final int MAX_BODY = 1024 * 1024;
    private static final int PARSE_ERROR = -32700;
    private static final int INVALID_REQUEST = -32600;
    private static final int INVALID_PARAMS = -32602;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonMapper json;

    public McpMessageFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod()) || request.getContentLengthLong() > MAX_BODY) {
            if (request.getContentLengthLong() > MAX_BODY) {
                error(response, 413, null, INVALID_REQUEST, "The request body is larger than " + MAX_BODY + " bytes.");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        var body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            error(response, 413, null, INVALID_REQUEST, "The request body is larger than " + MAX_BODY + " bytes.");
            return;
        }
        Shape shape;
        try {
            shape = Shape.scan(json, body);
        } catch (RuntimeException e) {
            error(response, 400, null, PARSE_ERROR, "Parse error: the body is not valid JSON.");
            return;
        }
        var problem = shape.problem();
        if (problem != null) {
            problem.send(response);
            return;
        }
        // The only failure an answer to a server request can have is the client's (e.g. an id nobody waits for);
        // the SDK reports that as 500, which would blame the server.
        chain.doFilter(new CachedBodyRequest(request, body), shape.isAnswer() ? new ClientFaultResponse(response) : response);
    }

    /**
     * What the checks need from a message, read with the streaming parser (no tree is built: this runs on every
     * MCP request, and the SDK parses the body again anyway).
     */
    private record Shape(boolean object, @Nullable String method, boolean hasMethod, @Nullable JsonNode id,
                         @Nullable JsonToken params, @Nullable JsonToken name, @Nullable JsonToken arguments) {

        static Shape scan(JsonMapper json, byte[] body) {
            try (JsonParser parser = json.createParser(body)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    return new Shape(false, null, false, null, null, null, null);
                }
                String method = null;
                boolean hasMethod = false;
                JsonNode id = null;
                JsonToken params = null;
                JsonToken name = null;
                JsonToken arguments = null;
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    var field = parser.currentName();
                    var value = parser.nextToken();
                    switch (field) {
                        case "method" -> {
                            hasMethod = true;
                            method = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                        }
                        case "id" -> id = value == JsonToken.VALUE_STRING ? NODES.stringNode(parser.getString())
                                : value == JsonToken.VALUE_NUMBER_INT ? NODES.numberNode(parser.getLongValue()) : NODES.nullNode();
                        case "params" -> {
                            params = value;
                            if (value == JsonToken.START_OBJECT) {
                                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                                    var inner = parser.currentName();
                                    var token = parser.nextToken();
                                    if (inner.equals("name")) {
                                        name = token;
                                    } else if (inner.equals("arguments")) {
                                        arguments = token;
                                    }
                                    parser.skipChildren();
                                }
                            }
                        }
                        default -> { }
                    }
                    parser.skipChildren();
                }
                return new Shape(true, method, hasMethod, id, params, name, arguments);
            }
        }

        boolean isAnswer() {
            return object && !hasMethod && id != null;
        }

        @Nullable Problem problem() {
            if (!object || !hasMethod) {
                return null; // answers, batches and other shapes: the SDK handles those itself
            }
            if (params != null && params != JsonToken.VALUE_NULL && params != JsonToken.START_OBJECT) {
                return new Problem(200, id, INVALID_PARAMS, "params must be a JSON object.");
            }
            if ("tools/call".equals(method) && params == JsonToken.START_OBJECT) {
                if (name != JsonToken.VALUE_STRING) {
                    return new Problem(200, id, INVALID_PARAMS, "params.name must be the tool name as a string.");
                }
                if (arguments != null && arguments != JsonToken.VALUE_NULL && arguments != JsonToken.START_OBJECT) {
                    return new Problem(200, id, INVALID_PARAMS,
                            "params.arguments must be a JSON object (not a string holding JSON).");
                }
            }
            return null;
        }
    }

    private static final class ClientFaultResponse extends HttpServletResponseWrapper {

        ClientFaultResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            super.setStatus(status >= 500 ? 400 : status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            super.sendError(status >= 500 ? 400 : status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            super.sendError(status >= 500 ? 400 : status);
        }
    }

    private record Problem(int status, @Nullable JsonNode id, int code, String message) {
        void send(HttpServletResponse response) throws IOException {
            error(response, status, id, code, message);
        }
    }

    private static void error(HttpServletResponse response, int status, @Nullable JsonNode id, int code, String message)
            throws IOException {
        var body = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0");
        body.set("id", id == null ? JsonNodeFactory.instance.nullNode() : id);
        body.putObject("error").put("code", code).put("message", message);
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write(body.toString());
    }
}
