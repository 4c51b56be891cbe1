package io.kycflow.mcp.conformance;

import java.util.List;

import io.kycflow.mcp.internal.PendingAnswers;
import java.util.Map;
import java.util.function.BiFunction;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.AudioContent;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest;
import io.modelcontextprotocol.spec.McpSchema.EmbeddedResource;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.SamplingMessage;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import io.kycflow.mcp.internal.McpFeatureSet;
import io.kycflow.mcp.internal.PendingAnswers;

/**
 * Fixture tools the official MCP conformance suite (@modelcontextprotocol/conformance 0.1.16) calls by name.
 * They exist only in the {@code conformance} profile, which binds to loopback with auth off, so the transport is
 * proven against the ecosystem's own test. Values follow the suite's reference server.
 */
@Configuration(proxyBeanMethods = false)
@Profile("conformance")
class ConformanceTools {

    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
    static final String WAV = "UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=";

    private final PendingAnswers pendingAnswers;

    ConformanceTools(PendingAnswers pendingAnswers) {
        this.pendingAnswers = pendingAnswers;
    }

    @Bean
    McpFeatureSet conformanceToolFixtures() {
        return new McpFeatureSet(List.of(
                tool("test_simple_text", "Returns simple text content", Map.of(),
                        (ex, req) -> result(text("This is a simple text response for testing."))),
                tool("test_image_content", "Returns image content", Map.of(),
                        (ex, req) -> result(new ImageContent(null, PNG, "image/png"))),
                tool("test_audio_content", "Returns audio content", Map.of(),
                        (ex, req) -> result(new AudioContent(null, WAV, "audio/wav"))),
                tool("test_embedded_resource", "Returns an embedded resource", Map.of(),
                        (ex, req) -> result(embedded("test://embedded-resource", "text/plain",
                                "This is an embedded resource content."))),
                tool("test_multiple_content_types", "Returns text, image and resource content", Map.of(),
                        (ex, req) -> result(text("Multiple content types test:"), new ImageContent(null, PNG, "image/png"),
                                embedded("test://mixed-content-resource", "application/json", "{\"test\":\"data\",\"value\":123}"))),
                tool("test_tool_with_logging", "Sends log notifications while running", Map.of(), (ex, req) -> {
                    for (var message : List.of("Tool execution started", "Tool processing data", "Tool execution completed")) {
                        ex.loggingNotification(LoggingMessageNotification.builder(LoggingLevel.INFO, message).logger("conformance").build());
                    }
                    return result(text("Tool with logging executed successfully"));
                }),
                tool("test_error_handling", "Always returns a tool error", Map.of(), (ex, req) -> CallToolResult.builder()
                        .addTextContent("This tool intentionally returns an error for testing").isError(true).build()),
                tool("test_tool_with_progress", "Reports progress while running", Map.of(), (ex, req) -> {
                    var token = req.progressToken();
                    if (token != null) {
                        for (int step = 0; step <= 100; step += 50) {
                            ex.progressNotification(new ProgressNotification(token, step, 100.0, "Completed step " + step + " of 100"));
                        }
                    }
                    return result(text(String.valueOf(token)));
                }),
                tool("test_sampling", "Asks the client's model to complete a prompt",
                        Map.of("prompt", Map.of("type", "string", "description", "The prompt to sample")), (ex, req) -> {
                            var prompt = String.valueOf(req.arguments().getOrDefault("prompt", "Hello"));
                            var answer = pendingAnswers.awaiting(ex.sessionId(), () -> ex.createMessage(CreateMessageRequest.builder(
                                    List.of(new SamplingMessage(Role.USER, text(prompt))), 100).build()));
                            var content = answer.content() instanceof TextContent t ? t.text() : String.valueOf(answer.content());
                            return result(text("LLM response: " + content));
                        }),
                tool("test_elicitation", "Asks the user for information",
                        Map.of("message", Map.of("type", "string", "description", "The message to show")), (ex, req) -> {
                            var message = String.valueOf(req.arguments().getOrDefault("message", "Please provide your information"));
                            var answer = pendingAnswers.awaiting(ex.sessionId(), () -> ex.createElicitation(ElicitFormRequest.builder(message, Map.of("type", "object",
                                    "properties", Map.of("username", Map.of("type", "string", "description", "User's response"),
                                            "email", Map.of("type", "string", "description", "User's email address")),
                                    "required", List.of("username", "email"))).build()));
                            return result(text("User response: action=" + answer.action().name().toLowerCase()
                                    + ", content=" + answer.content()));
                        }),
                tool("test_elicitation_sep1034_defaults", "Elicitation with default values", Map.of(), (ex, req) -> {
                    var answer = pendingAnswers.awaiting(ex.sessionId(), () -> ex.createElicitation(ElicitFormRequest.builder(
                            "Please review and update the form fields with defaults", ConformanceSchemas.DEFAULTS).build()));
                    return result(text("Elicitation completed: action=" + answer.action().name().toLowerCase()
                            + ", content=" + answer.content()));
                }),
                tool("test_elicitation_sep1330_enums", "Elicitation with enum fields", Map.of(), (ex, req) -> {
                    var answer = pendingAnswers.awaiting(ex.sessionId(), () -> ex.createElicitation(ElicitFormRequest.builder(
                            "Please select options from the enum fields", ConformanceSchemas.ENUMS).build()));
                    return result(text("Elicitation completed: action=" + answer.action().name().toLowerCase()
                            + ", content=" + answer.content()));
                })), List.of(), List.of());
    }

    private static SyncToolSpecification tool(String name, String description, Map<String, Object> properties,
                                              BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler) {
        var tool = Tool.builder(name, Map.of("type", "object", "properties", properties)).description(description).build();
        return SyncToolSpecification.builder().tool(tool).callHandler(handler).build();
    }

    private static CallToolResult result(Content... content) {
        return CallToolResult.builder().content(List.of(content)).build();
    }

    static TextContent text(String text) {
        return new TextContent(text);
    }

    static EmbeddedResource embedded(String uri, String mimeType, String text) {
        return new EmbeddedResource(null, new TextResourceContents(uri, mimeType, text));
    }
}
