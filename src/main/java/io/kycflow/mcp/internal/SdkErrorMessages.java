package io.kycflow.mcp.internal;

import java.util.ArrayList;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;

/**
 * The transport errors the SDK answers with itself, in our words and with the codes that fit them: its messages
 * append exception texts (class names, container internals), and it uses -32601 "method not found" for missing
 * headers and -32603 "internal error" for an unknown session.
 */
final class SdkErrorMessages {

    /** What MCP servers answer for an unknown {@code Mcp-Session-Id} (with HTTP 404), as the TypeScript SDK does. */
    static final int SESSION_NOT_FOUND_CODE = -32001;
    static final String SESSION_NOT_FOUND = "Session not found: this Mcp-Session-Id is unknown or has ended; "
            + "send a new initialize request without it.";
    static final int INTERNAL_ERROR = -32603;

    private SdkErrorMessages() {
    }

    static JSONRPCError translate(McpError error) {
        var sdk = error.getJsonRpcError();
        var message = sdk.message() == null ? "" : sdk.message();
        if (message.startsWith("Session not found")) {
            return new JSONRPCError(SESSION_NOT_FOUND_CODE, SESSION_NOT_FOUND, null);
        }
        if (message.contains("required in Accept header") || message.contains("required in mcp-session-id header")) {
            var parts = new ArrayList<String>();
            if (message.contains("Accept header")) {
                parts.add("the Accept header must list both application/json and text/event-stream");
            }
            if (message.contains("mcp-session-id")) {
                parts.add("the Mcp-Session-Id header from the initialize answer is required");
            }
            var text = String.join("; ", parts);
            return new JSONRPCError(JsonRpcRules.INVALID_REQUEST, Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".", null);
        }
        if (message.startsWith("Invalid message format") || message.equals("Unknown message type")) {
            return new JSONRPCError(JsonRpcRules.INVALID_REQUEST, "The body is not a JSON-RPC 2.0 message this server can read.", null);
        }
        if (message.contains("Unexpected response for unknown id")) {
            return new JSONRPCError(JsonRpcRules.INVALID_REQUEST,
                    "This response answers nothing: the server is waiting for no answer with this id.", null);
        }
        return new JSONRPCError(INTERNAL_ERROR, "Internal error: the server could not process the message.", null);
    }
}
