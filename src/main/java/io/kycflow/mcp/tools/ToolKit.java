package io.kycflow.mcp.tools;

import java.util.Map;
import java.util.UUID;

import io.kycflow.mcp.McpCaller;
import io.kycflow.shared.KycException;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a tool declaration and a handler into an SDK tool specification with the behaviour every tool shares:
 * arguments as JSON, the caller from the transport context, {@code structuredContent} plus its JSON as text, and
 * business failures as {@code isError} results an agent can act on.
 */
@Component
class ToolKit {

    private static final Logger log = LoggerFactory.getLogger(ToolKit.class);

    enum Kind { READ_ONLY, CREATES, UPDATES }

    @FunctionalInterface
    interface Handler {
        ObjectNode handle(Call call);
    }

    /** One tool call: who calls, with which arguments, over which exchange (for elicitation). */
    record Call(McpCaller caller, ObjectNode arguments, McpSyncServerExchange exchange) {
        UUID organizationId() {
            return caller.organization().id();
        }
    }

    private final JsonMapper json;

    ToolKit(JsonMapper json) {
        this.json = json;
    }

    SyncToolSpecification tool(String name, String title, String description, Map<String, Object> inputSchema,
                               Map<String, Object> outputSchema, Kind kind, Handler handler) {
        var tool = Tool.builder(name, inputSchema)
                .title(title)
                .description(description)
                .outputSchema(outputSchema)
                .annotations(annotations(title, kind))
                .build();
        return SyncToolSpecification.builder().tool(tool)
                .callHandler((exchange, request) -> call(name, exchange, request.arguments(), handler))
                .build();
    }

    private CallToolResult call(String name, McpSyncServerExchange exchange, Map<String, Object> arguments, Handler handler) {
        if (!(exchange.transportContext().get(McpCaller.CONTEXT_KEY) instanceof McpCaller caller)) {
            return failure("This server requires an organization API key (Authorization: Bearer <key>).");
        }
        try {
            ObjectNode args = arguments == null ? json.createObjectNode() : json.valueToTree(arguments);
            return success(handler.handle(new Call(caller, args, exchange)));
        } catch (KycException e) {
            return failure(e.getMessage());
        } catch (CancelledByUser e) {
            return failure(e.getMessage());
        } catch (RuntimeException e) {
            var reference = UUID.randomUUID();
            log.error("MCP tool {} failed unexpectedly (reference {})", name, reference, e);
            return failure("The server could not complete " + name + " (reference " + reference
                    + "); nothing was changed by a failed call. Try again or report the reference.");
        }
    }

    CallToolResult success(ObjectNode structured) {
        Map<String, Object> content = json.convertValue(structured, Map.class);
        return CallToolResult.builder().structuredContent(content).addTextContent(structured.toString()).isError(false).build();
    }

    static CallToolResult failure(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    /** A wire record (or any value Jackson writes as an object) as the tree a handler returns. */
    ObjectNode tree(Object value) {
        return json.valueToTree(value);
    }

    JsonMapper json() {
        return json;
    }

    private static ToolAnnotations annotations(String title, Kind kind) {
        return ToolAnnotations.builder()
                .title(title)
                .readOnlyHint(kind == Kind.READ_ONLY)
                // Updates overwrite what was there (destructive in MCP's sense) and repeating them changes nothing more.
                .destructiveHint(kind == Kind.UPDATES)
                .idempotentHint(kind == Kind.READ_ONLY || kind == Kind.UPDATES)
                .openWorldHint(false)
                .build();
    }

    /** Thrown when the person cancels an elicitation: the tool ends with the guide's exact message. */
    static final class CancelledByUser extends RuntimeException {
        CancelledByUser(String message) {
            super(message, null, false, false);
        }
    }
}
