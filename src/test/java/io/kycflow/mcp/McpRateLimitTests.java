package io.kycflow.mcp;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.kycflow.flow.FlowService;
import io.kycflow.technology.TechnologyCode;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The per-IP budget with its real default of 60 requests per minute. Each test speaks from its own loopback
 * address (127.0.0.x), so every test starts with a fresh bucket. No test waits for a refill: the bucket refills
 * a whole minute after its first request, far beyond a test's run time.
 */
@TestPropertySource(properties = "kycflow.mcp.rate-limit.requests-per-minute=60")
class McpRateLimitTests extends McpTestSupport {

    private static final int LIMIT = 60;
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}";

    @Autowired
    FlowService flows;

    @Test
    void sixtyRequestsPassAndTheSixtyFirstWithinTheMinuteGets429WithRetryAfter() throws Exception {
        var from = address("127.0.0.21");
        var key = newOrganization().apiKey();
        var init = send(from, post(INITIALIZE).header("Authorization", "Bearer " + key));
        assertThat(init.statusCode()).isEqualTo(200);
        assertThat(init.headers().firstValue("X-RateLimit-Limit")).hasValue("60");
        assertThat(init.headers().firstValue("X-RateLimit-Remaining")).hasValue("59");
        var session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        for (int i = 2; i <= LIMIT; i++) {
            var ping = send(from, inSession(PING, key, session));
            assertThat(ping.statusCode()).as("request %d", i).isEqualTo(200);
            assertThat(ping.headers().firstValue("X-RateLimit-Remaining")).as("request %d", i)
                    .hasValue(Integer.toString(LIMIT - i));
        }
        var refused = send(from, inSession(PING, key, session));
        assertTooMany(refused);
        assertThat(json.readTree(refused.body()).get("error").stringValue()).isEqualTo("rate_limited");
    }

    @Test
    void limiterRunsBeforeAuthSoAnAnonymousFloodEndsIn429NotMore401s() throws Exception {
        var from = address("127.0.0.22");
        for (int i = 1; i <= LIMIT; i++) {
            var anonymous = send(from, post(INITIALIZE));
            assertThat(anonymous.statusCode()).as("request %d", i).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(LIMIT - i));
        }
        assertTooMany(send(from, post(INITIALIZE)));
        // The budget is the address's, not the key's: a valid key from the same address is refused too.
        assertTooMany(send(from, post(INITIALIZE).header("Authorization", "Bearer " + newOrganization().apiKey())));
        // Another address still has its own budget.
        assertThat(send(address("127.0.0.29"), post(INITIALIZE)).statusCode()).isEqualTo(401);
    }

    @Test
    void elicitationAnswerIsNeverStrandedButGivesNoExtraBudget() throws Exception {
        var from = address("127.0.0.23");
        var org = newOrganization();
        var statusesSeenByHandler = new ArrayList<Integer>();
        var sessionId = new AtomicReference<String>();
        var client = client(org.apiKey(), HeaderStyle.BEARER, request -> {
            // While the person "thinks", other traffic from the same address spends the rest of the budget.
            for (int i = 0; i <= LIMIT; i++) {
                var status = sendUnchecked(from, post(INITIALIZE)).statusCode();
                statusesSeenByHandler.add(status);
                if (status == 429) {
                    return ElicitResult.builder(ElicitResult.Action.DECLINE).build();
                }
            }
            return fail("the address never ran out of budget");
        }, from, sessionId);

        // Spend the budget down to a few requests: the tools/call itself, and the client's GET stream if still opening.
        var remaining = new AtomicInteger(LIMIT);
        while (remaining.get() > 3) {
            var response = send(from, post(INITIALIZE));
            remaining.set(Integer.parseInt(response.headers().firstValue("X-RateLimit-Remaining").orElseThrow()));
        }

        var flow = ok(client, "create_flow", Map.of("request_data", Map.of("name", "after-the-flood",
                "technology_ids", List.of(technologyId(TechnologyCode.LD)))));
        assertThat(statusesSeenByHandler).last().isEqualTo(429);
        assertThat(flow.get("elicitation").stringValue()).isEqualTo("declined");
        assertThat(flow.get("defaults_applied").valueStream().map(n -> n.stringValue())).containsExactly("LD");
        assertThat(flow.get("technology_configs").get("liveness_config").get("max_attempts").intValue()).isEqualTo(3);
        assertThat(flows.list(org.organization().id(), 10, 0).count()).isEqualTo(1);

        // The exemption admitted exactly that answer: ordinary traffic of the address is still over budget ...
        assertTooMany(send(from, inSession(PING, org.apiKey(), sessionId.get())));
        // ... and a forged JSON-RPC response in the same session, with nothing pending, gets no free pass.
        assertTooMany(send(from, inSession("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"result\":{}}", org.apiKey(),
                sessionId.get())));
    }

    @Test
    void forwardedForHeaderIsIgnoredByDefault() throws Exception {
        var from = address("127.0.0.24");
        for (int i = 1; i <= LIMIT; i++) {
            var spoofed = send(from, post(INITIALIZE).header("X-Forwarded-For", "203.0.113." + i));
            assertThat(spoofed.statusCode()).isEqualTo(401);
            assertThat(spoofed.headers().firstValue("X-RateLimit-Remaining")).as("one shared budget")
                    .hasValue(Integer.toString(LIMIT - i));
        }
        assertTooMany(send(from, post(INITIALIZE).header("X-Forwarded-For", "198.51.100.7")));
        assertTooMany(send(from, post(INITIALIZE).header("X-Forwarded-For", "198.51.100.8, 127.0.0.1")));
    }

    private void assertTooMany(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue("60");
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
    }

    private HttpRequest.Builder inSession(String body, String key, String session) {
        return post(body).header("Authorization", "Bearer " + key).header("Mcp-Session-Id", session);
    }

    private static InetAddress address(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    private HttpResponse<String> send(InetAddress from, HttpRequest.Builder request) throws Exception {
        try (var http = HttpClient.newBuilder().localAddress(from).connectTimeout(Duration.ofSeconds(5)).build()) {
            return http.send(request.uri(URI.create(mcpUrl())).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpResponse<String> sendUnchecked(InetAddress from, HttpRequest.Builder request) {
        try {
            return send(from, request);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
