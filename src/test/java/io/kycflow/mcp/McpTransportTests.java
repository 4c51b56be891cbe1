package io.kycflow.mcp;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Streamable HTTP transport as a raw HTTP client sees it: auth, Origin and protocol-version guards, session
 * lifecycle and ownership, error bodies and rate-limit headers. Status codes are what the MCP spec and our guide
 * promise; every error body must be JSON.
 */
class McpTransportTests extends McpTestSupport {

    private static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void missingKeyIsRefusedWith401BearerChallengeAndJsonBody() throws Exception {
        var response = raw(post(INITIALIZE).build());
        assertUnauthorized(response);
        assertThat(response.body()).contains("Missing organization API key");
    }

    @Test
    void wrongKeyIsRefusedWith401BearerChallengeAndJsonBody() throws Exception {
        var wrong = "kyc_" + "x".repeat(60);
        for (var request : new HttpRequest[] {post(INITIALIZE).header("Authorization", "Bearer " + wrong).build(),
                post(INITIALIZE).header("X-Org-API-Key", wrong).build()}) {
            var response = raw(request);
            assertUnauthorized(response);
            assertThat(response.body()).contains("not valid");
        }
    }

    @Test
    void bothBearerAndXOrgApiKeyHeadersAuthenticate() throws Exception {
        var key = newOrganization().apiKey();
        for (var request : new HttpRequest[] {post(INITIALIZE).header("Authorization", "Bearer " + key).build(),
                post(INITIALIZE).header("X-Org-API-Key", key).build()}) {
            var response = raw(request);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Mcp-Session-Id")).isPresent();
            assertThat(json.readTree(response.body()).get("result").get("serverInfo").get("name").stringValue())
                    .isEqualTo("kycflow");
        }
    }

    @Test
    void initializeWorksWithAndWithoutTrailingSlash() throws Exception {
        var key = newOrganization().apiKey();
        for (var path : new String[] {"/mcp", "/mcp/"}) {
            var response = raw(to(path, INITIALIZE).header("Authorization", "Bearer " + key).build());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(json.readTree(response.body()).get("result").get("protocolVersion").stringValue())
                    .isEqualTo("2025-11-25");
        }
    }

    @Test
    void foreignOriginIsForbiddenBeforeAuthenticationEvenWithoutKey() throws Exception {
        var anonymous = raw(post(INITIALIZE).header("Origin", "http://evil.example.com").build());
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(json.readTree(anonymous.body()).get("error").stringValue()).isEqualTo("forbidden_origin");

        var key = newOrganization().apiKey();
        for (var origin : new String[] {"http://evil.example.com", "null", "http://localhost:" + port + ".evil.example.com",
                "http://localhost.evil.example.com:" + port, "https://127.0.0.1:1@evil.example.com"}) {
            var withKey = raw(post(INITIALIZE).header("Origin", origin).header("Authorization", "Bearer " + key).build());
            assertThat(withKey.statusCode()).as(origin).isEqualTo(403);
        }
    }

    @Test
    void localhostOriginOfThisServerIsAccepted() throws Exception {
        var key = newOrganization().apiKey();
        var response = raw(post(INITIALIZE).header("Origin", "http://localhost:" + port)
                .header("Authorization", "Bearer " + key).build());
        assertThat(response.statusCode()).isEqualTo(200);
        // Past the Origin check, an anonymous request meets auth, not a 403.
        assertThat(raw(post(INITIALIZE).header("Origin", "http://localhost:" + port).build()).statusCode()).isEqualTo(401);
    }

    @Test
    void unsupportedProtocolVersionHeaderIsABadRequest() throws Exception {
        var key = newOrganization().apiKey();
        var response = raw(post(INITIALIZE).header("MCP-Protocol-Version", "1999-01-01")
                .header("Authorization", "Bearer " + key).build());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("error").stringValue()).isEqualTo("unsupported_protocol_version");
        assertThat(raw(post(INITIALIZE).header("MCP-Protocol-Version", "1999-01-01").build()).statusCode())
                .as("checked before auth").isEqualTo(400);
    }

    @Test
    void olderProtocolVersionsAreNegotiatedAndAcceptedAsHeader() throws Exception {
        var key = newOrganization().apiKey();
        for (var version : new String[] {"2025-06-18", "2025-03-26"}) {
            var response = raw(post(INITIALIZE.replace("2025-11-25", version)).header("Authorization", "Bearer " + key).build());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json.readTree(response.body()).get("result").get("protocolVersion").stringValue()).isEqualTo(version);
            var session = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
            var list = raw(inSession(TOOLS_LIST, key, session).header("MCP-Protocol-Version", version).build());
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("create_flow");
        }
        var unknown = raw(post(INITIALIZE.replace("2025-11-25", "1999-01-01")).header("Authorization", "Bearer " + key).build());
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(json.readTree(unknown.body()).get("result").get("protocolVersion").stringValue())
                .as("an unknown version in initialize is answered with the server's latest").isEqualTo("2025-11-25");
    }

    @Test
    void unknownSessionIdIsNotFound() throws Exception {
        var key = newOrganization().apiKey();
        var response = raw(inSession(TOOLS_LIST, key, UUID.randomUUID().toString()).build());
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void deletedSessionCannotBeReused() throws Exception {
        var key = newOrganization().apiKey();
        var session = openSession(key);
        assertThat(raw(inSession(TOOLS_LIST, key, session).build()).statusCode()).isEqualTo(200);
        var delete = raw(HttpRequest.newBuilder(URI.create(mcpUrl())).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + key).header("Mcp-Session-Id", session).DELETE().build());
        assertThat(delete.statusCode()).isBetween(200, 204);
        assertThat(raw(inSession(TOOLS_LIST, key, session).build()).statusCode()).isEqualTo(404);
    }

    @Test
    void sessionIsBoundToTheOrganizationThatOpenedIt() throws Exception {
        var keyA = newOrganization().apiKey();
        var keyB = newOrganization().apiKey();
        var sessionOfA = openSession(keyA);
        var hijack = raw(inSession(TOOLS_LIST, keyB, sessionOfA).build());
        assertThat(hijack.statusCode()).isEqualTo(404);
        // the same answer as for a session that does not exist: another org's session ids are not confirmed
        var unknown = raw(inSession(TOOLS_LIST, keyB, UUID.randomUUID().toString()).build());
        assertThat(json.readTree(hijack.body()).get("error")).isEqualTo(json.readTree(unknown.body()).get("error"));
        assertThat(json.readTree(hijack.body()).get("error").get("code").intValue()).isEqualTo(-32001);
        var listen = raw(HttpRequest.newBuilder(URI.create(mcpUrl())).timeout(Duration.ofSeconds(10))
                .header("Accept", "text/event-stream").header("X-Org-API-Key", keyB).header("Mcp-Session-Id", sessionOfA)
                .GET().build());
        assertThat(listen.statusCode()).as("GET stream of another org's session").isEqualTo(404);
        var delete = raw(HttpRequest.newBuilder(URI.create(mcpUrl())).timeout(Duration.ofSeconds(10))
                .header("X-Org-API-Key", keyB).header("Mcp-Session-Id", sessionOfA).DELETE().build());
        assertThat(delete.statusCode()).as("DELETE of another org's session").isEqualTo(404);
        assertThat(raw(inSession(TOOLS_LIST, keyA, sessionOfA).build()).statusCode())
                .as("the owner keeps its session").isEqualTo(200);
    }

    @Test
    void sessionOpenedByAnInitializeThatCarriesAStaleSessionIdIsStillBoundToItsOrganization() throws Exception {
        var keyA = newOrganization().apiKey();
        var keyB = newOrganization().apiKey();
        // A client re-initializing after a restart may still send its old session id along.
        var response = raw(inSession(INITIALIZE, keyA, UUID.randomUUID().toString()).build());
        assertThat(response.statusCode()).isEqualTo(200);
        var sessionOfA = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertThat(raw(inSession(INITIALIZED, keyA, sessionOfA).build()).statusCode()).isEqualTo(202);
        assertThat(raw(inSession(TOOLS_LIST, keyB, sessionOfA).build()).statusCode()).isEqualTo(404);
        assertThat(raw(inSession(TOOLS_LIST, keyA, sessionOfA).build()).statusCode()).isEqualTo(200);
    }

    @Test
    void endpointStillServesAfterTheContextIsStoppedAndStartedAgain() throws Exception {
        // Spring's test context cache pauses (stop) and resumes (start) contexts; checkpoint/restore does the same.
        context.stop();
        context.start();
        var restartedPort = ((WebServerApplicationContext) context).getWebServer().getPort(); // port 0: a new one
        var response = raw(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restartedPort + "/mcp/"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + newOrganization().apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void unknownToolIsAnInvalidParamsJsonRpcError() {
        var client = client(newOrganization().apiKey());
        var error = catchThrowableOfType(McpError.class,
                () -> client.callTool(new CallToolRequest("delete_everything", Map.of())));
        assertThat(error).isNotNull();
        assertThat(error.getJsonRpcError().code()).isEqualTo(-32602);
    }

    @Test
    void malformedJsonIsAJsonRpcErrorNotAServerError() throws Exception {
        var key = newOrganization().apiKey();
        var session = openSession(key);
        for (var body : new String[] {"{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":", "not json at all", "[1,2", "{}"}) {
            for (var sessionHeader : new String[] {null, session}) {
                var request = post(body).header("Authorization", "Bearer " + key);
                if (sessionHeader != null) {
                    request.header("Mcp-Session-Id", sessionHeader);
                }
                var response = raw(request.build());
                assertThat(response.statusCode()).as("%s (session %s): %s", body, sessionHeader, response.body())
                        .isEqualTo(400);
                JsonNode error = json.readTree(response.body()).get("error");
                assertThat(error.get("code").intValue()).isIn(-32700, -32600);
                assertThat(response.body()).doesNotContain("Exception", "\tat ");
            }
        }
    }

    @Test
    void rateLimitHeadersAreOnSuccessAndOnEveryKindOfRefusal() throws Exception {
        var key = newOrganization().apiKey();
        var responses = Map.of(
                200, raw(post(INITIALIZE).header("Authorization", "Bearer " + key).build()),
                401, raw(post(INITIALIZE).build()),
                403, raw(post(INITIALIZE).header("Origin", "http://evil.example.com").build()),
                400, raw(post(INITIALIZE).header("MCP-Protocol-Version", "1999-01-01").build()));
        responses.forEach((status, response) -> {
            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(response.headers().firstValue("X-RateLimit-Limit")).as("limit on %s", status).hasValue("100000");
            assertThat(response.headers().firstValue("X-RateLimit-Remaining")).as("remaining on %s", status)
                    .hasValueSatisfying(remaining -> assertThat(Long.parseLong(remaining)).isBetween(0L, 100_000L));
        });
    }

    private void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"kyc-mcp\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(json.readTree(response.body()).get("error").stringValue()).isEqualTo("unauthorized");
    }

    private HttpRequest.Builder to(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder inSession(String body, String key, String session) {
        return post(body).header("Authorization", "Bearer " + key).header("Mcp-Session-Id", session);
    }

    /** initialize + notifications/initialized over raw HTTP; returns the session id. */
    private String openSession(String key) throws Exception {
        var response = raw(post(INITIALIZE).header("Authorization", "Bearer " + key).build());
        assertThat(response.statusCode()).isEqualTo(200);
        var session = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertThat(raw(inSession(INITIALIZED, key, session).build()).statusCode()).isEqualTo(202);
        return session;
    }
}
