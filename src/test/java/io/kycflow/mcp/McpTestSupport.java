package io.kycflow.mcp;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.kycflow.organization.IssuedOrganization;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the MCP integration tests: a real server on a random port with its own H2 file database, organizations
 * made through the real service, and the official MCP Java SDK client over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kycflow.data-dir=target/test-data/mcp-${random.uuid}",
        "kycflow.demo.enabled=false",
        "kycflow.mcp.rate-limit.requests-per-minute=100000"})
public abstract class McpTestSupport {

    public enum HeaderStyle { BEARER, X_ORG_API_KEY }

    @LocalServerPort
    protected int port;

    @Autowired
    protected OrganizationService organizations;

    @Autowired
    protected TechnologyCatalog catalog;

    /** The tools the server publishes, for their output schemas (read here, so checking costs no request). */
    @Autowired
    private List<SyncToolSpecification> tools;

    protected final JsonMapper json = JsonMapper.builder().build();
    protected static final JsonSchemaValidator OUTPUT_VALIDATOR = new DefaultJsonSchemaValidator();
    private final List<McpSyncClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(McpSyncClient::closeGracefully);
        clients.clear();
    }

    protected IssuedOrganization newOrganization() {
        return organizations.create("Org " + UUID.randomUUID(), OrganizationStatus.TEST, List.of(TechnologyCode.values()));
    }

    protected String mcpUrl() {
        return "http://127.0.0.1:" + port + "/mcp/";
    }

    /** An initialized SDK client; {@code elicitation} null means the client does not declare the capability. */
    protected McpSyncClient client(String key, HeaderStyle style, Function<ElicitFormRequest, ElicitResult> elicitation) {
        return client(key, style, elicitation, InetAddress.getLoopbackAddress());
    }

    protected McpSyncClient client(String key, HeaderStyle style, Function<ElicitFormRequest, ElicitResult> elicitation,
                                   InetAddress localAddress) {
        return client(key, style, elicitation, localAddress, new AtomicReference<>());
    }

    /** As above; {@code sessionId} receives the MCP session id the client sends once the server has issued one. */
    protected McpSyncClient client(String key, HeaderStyle style, Function<ElicitFormRequest, ElicitResult> elicitation,
                                   InetAddress localAddress, AtomicReference<String> sessionId) {
        var transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                .endpoint("/mcp/")
                .clientBuilder(HttpClient.newBuilder().localAddress(localAddress).connectTimeout(Duration.ofSeconds(5)))
                .httpRequestCustomizer((builder, method, uri, body, context) -> {
                    builder.copy().build().headers().firstValue("Mcp-Session-Id").ifPresent(sessionId::set);
                    if (style == HeaderStyle.BEARER) {
                        builder.header("Authorization", "Bearer " + key);
                    } else {
                        builder.header("X-Org-API-Key", key);
                    }
                })
                .build();
        var spec = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30))
                .clientInfo(new McpSchema.Implementation("kycflow-tests", "1.0"));
        if (elicitation != null) {
            spec = spec.capabilities(McpSchema.ClientCapabilities.builder().elicitation().build()).elicitation(elicitation);
        }
        var client = spec.build();
        client.initialize();
        clients.add(client);
        return client;
    }

    protected McpSyncClient client(String key) {
        return client(key, HeaderStyle.BEARER, request -> ElicitResult.builder(ElicitResult.Action.DECLINE).build());
    }

    protected CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new CallToolRequest(tool, arguments));
    }

    /**
     * Calls a tool that must succeed and returns its structured content, checked against its text copy and against
     * the tool's outputSchema (as the TypeScript SDK client does; the Java client's own check is off by default).
     */
    protected JsonNode ok(McpSyncClient client, String tool, Map<String, Object> arguments) {
        var result = call(client, tool, arguments);
        assertThat(result.isError()).as("%s failed: %s", tool, text(result)).isNotEqualTo(Boolean.TRUE);
        var validation = OUTPUT_VALIDATOR.validate(outputSchema(tool), result.structuredContent());
        assertThat(validation.valid()).as("%s structuredContent does not match its outputSchema: %s", tool,
                validation.errorMessage()).isTrue();
        JsonNode structured = json.valueToTree(result.structuredContent());
        assertThat(json.readTree(text(result))).isEqualTo(structured);
        return structured;
    }

    protected Map<String, Object> outputSchema(String tool) {
        return tools.stream().map(SyncToolSpecification::tool).filter(t -> t.name().equals(tool)).findFirst()
                .map(McpSchema.Tool::outputSchema).orElseThrow(() -> new AssertionError(tool + " has no outputSchema"));
    }

    /** Calls a tool that must fail as a tool result ({@code isError}) and returns the message. */
    protected String error(McpSyncClient client, String tool, Map<String, Object> arguments) {
        var result = call(client, tool, arguments);
        assertThat(result.isError()).as("%s should fail but returned %s", tool, text(result)).isTrue();
        return text(result);
    }

    protected static String text(CallToolResult result) {
        return result.content().stream().filter(TextContent.class::isInstance).map(c -> ((TextContent) c).text())
                .findFirst().orElse("");
    }

    protected String technologyId(TechnologyCode code) {
        return catalog.get(code).id().toString();
    }

    /** A complete create_flow request_data with every technology configured (no elicitation needed). */
    protected Map<String, Object> fullFlowRequest(String name) {
        return Map.of("name", name, "display_name", "KYC " + name,
                "technology_ids", List.of(technologyId(TechnologyCode.LD), technologyId(TechnologyCode.ED),
                        technologyId(TechnologyCode.F2F)),
                "flow_config", Map.of("success_redirect_url", "https://shop.example.com/kyc/return?outcome=success",
                        "failure_redirect_url", "https://shop.example.com/kyc/return?outcome=failure", "show_qr", true),
                "technology_configs", Map.of("liveness_config", Map.of("max_attempts", 3, "eye_open_check", true),
                        "edocument_config", Map.of("document_type", "IdentityCard", "allow_retry", true),
                        "face2face_config", Map.of("threshold", 0.85, "fail_on_several_faces", true)));
    }

    protected HttpResponse<String> raw(HttpRequest request) throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    protected HttpRequest.Builder post(String body) {
        return HttpRequest.newBuilder(URI.create(mcpUrl())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    protected static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},\
            "clientInfo":{"name":"raw","version":"1"}}}""";
}
