package io.kycflow.mcp.internal;

import java.io.IOException;

import io.kycflow.shared.CachedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.kycflow.mcp.internal.JsonRpcRules.INVALID_REQUEST;
import static io.kycflow.mcp.internal.JsonRpcRules.PARSE_ERROR;

/**
 * The last check before the SDK: every POST body must be one well-formed JSON-RPC message that the SDK can act on
 * ({@link JsonRpcRules}), or it is answered here with a JSON-RPC error in our words. Whatever the SDK still answers
 * through {@code sendError} (unknown session, wrong method, shutting down) is written as a JSON-RPC error too, so
 * that it never reaches the container's error dispatch; a client's answer the SDK cannot use is the client's fault
 * (4xx, never 5xx).
 */
public class McpMessageFilter extends OncePerRequestFilter {

    static final int MAX_BODY = 1024 * 1024;
    private static final String SESSION_HEADER = "Mcp-Session-Id";

    private final JsonMapper json;
    private final PendingAnswers pendingAnswers;

    public McpMessageFilter(JsonMapper json, PendingAnswers pendingAnswers) {
        this.json = json;
        this.pendingAnswers = pendingAnswers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            tooLarge(response);
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, new SdkErrors(response, false));
            return;
        }
        var body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            tooLarge(response);
            return;
        }
        JsonNode message;
        try {
            message = json.readTree(body);
        } catch (JacksonException e) {
            McpResponses.jsonRpcError(response, 400, null, PARSE_ERROR, "Parse error: the body is not valid JSON.");
            return;
        }
        if (message == null || message.isMissingNode()) {
            McpResponses.jsonRpcError(response, 400, null, PARSE_ERROR, "Parse error: the body is empty.");
            return;
        }
        var sessionId = request.getHeader(SESSION_HEADER);
        var rejection = JsonRpcRules.check(message, sessionId != null && pendingAnswers.waiting(sessionId));
        if (rejection != null) {
            // A request with a usable id gets its error as the answer to it; anything else is a bad HTTP request.
            McpResponses.jsonRpcError(response, rejection.id() != null && message.has("method") ? 200 : 400,
                    rejection.id(), rejection.code(), rejection.message());
            return;
        }
        boolean answer = !message.has("method");
        chain.doFilter(new CachedBodyRequest(request, body), new SdkErrors(response, answer));
    }

    private static void tooLarge(HttpServletResponse response) throws IOException {
        McpResponses.jsonRpcError(response, 413, null, INVALID_REQUEST, "The request body is larger than " + MAX_BODY + " bytes.");
    }

    /**
     * The SDK's {@code sendError} calls, answered as JSON-RPC errors here instead of by the container's error page;
     * for a client's answer, a 5xx becomes 400 (the only way an answer fails is the client's).
     */
    private static final class SdkErrors extends HttpServletResponseWrapper {

        private final boolean answer;

        SdkErrors(HttpServletResponse response, boolean answer) {
            super(response);
            this.answer = answer;
        }

        @Override
        public void setStatus(int status) {
            super.setStatus(answer && status >= 500 ? 400 : status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            sendError(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            if (isCommitted()) {
                return;
            }
            resetBuffer();
            int effective = answer && status >= 500 ? 400 : status;
            var text = switch (status) {
                case 404 -> SdkErrorMessages.SESSION_NOT_FOUND;
                case 405 -> "This HTTP method is not supported on the MCP endpoint; use POST, GET (stream) or DELETE.";
                case 413 -> "The request body is larger than " + MAX_BODY + " bytes.";
                case 503 -> "The server is shutting down; reconnect in a moment.";
                default -> status >= 500 ? "Internal error: the server could not process the message."
                        : "The request could not be processed.";
            };
            int code = status == 404 ? SdkErrorMessages.SESSION_NOT_FOUND_CODE
                    : status >= 500 && !answer ? SdkErrorMessages.INTERNAL_ERROR : INVALID_REQUEST;
            McpResponses.jsonRpcError((HttpServletResponse) getResponse(), effective, null, code, text);
        }
    }
}
