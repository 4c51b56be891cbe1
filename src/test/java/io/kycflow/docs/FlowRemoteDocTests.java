package io.kycflow.docs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.kycflow.IntegrationTest;
import io.kycflow.flow.IssuedFlow;
import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.kycflow.technology.TechnologyCode.DR;
import static io.kycflow.technology.TechnologyCode.F2F;
import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/integration/flow-remote.md stays true: its curl snippets and its Node.js backend run, as written, against this
 * server (a sandbox session is completed in between, as the person would on the hosted page).
 */
@IntegrationTest
class FlowRemoteDocTests {

    private static final String DOC = "integration/flow-remote.md";

    @LocalServerPort int port;
    @Autowired OrganizationService organizations;
    @Autowired FlowService flows;
    @Autowired TechnologyCatalog catalog;

    Http http;
    IssuedFlow flow;

    @BeforeEach
    void flow() {
        http = new Http(port);
        var data = new TestData(organizations, flows, catalog);
        flow = data.flow(data.org().organization().id(), LD, DR, F2F);
    }

    @Test
    void theCurlSnippetsCreateASessionAndReadItsResult() throws Exception {
        var snippets = DocSnippets.of(DOC, "bash");
        assertThat(snippets).hasSize(2);
        var created = json(bash(snippets.get(0), Map.of()));
        var session = created.path("session_id").asString();
        assertThat(created.path("verification_url").asString()).endsWith("/flow/" + session);
        assertThat(created.path("technologies").toString()).isEqualTo("[\"LD\",\"DR\",\"F2F\"]");

        complete(session);
        var result = json(bash(snippets.get(1), Map.of("SESSION_ID", session)));
        assertThat(result.path("status").asString()).isEqualTo("FINISHED");
        assertThat(result.path("overall_result").asBoolean()).isTrue();
    }

    @Test
    void theNodeBackendSendsThePersonToThePageAndReadsTheResult() throws Exception {
        try (var snippet = NodeSnippet.start(DOC, "kyc-server", port, flow.apiKey())) {
            var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
            var app = snippet.url;
            var started = snippet.postWhenUp(client, "/kyc/start");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
            var location = started.headers().firstValue("Location").orElseThrow();
            assertThat(location).contains("/flow/");
            var session = location.substring(location.indexOf("/flow/") + "/flow/".length());

            var early = client.send(HttpRequest.newBuilder(URI.create(app + "/kyc/return?session_id=" + session + "&outcome=success")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(early.body()).as("a query string that says success proves nothing").isEqualTo("not verified (CREATED)");

            complete(session);
            var back = client.send(HttpRequest.newBuilder(URI.create(app + "/kyc/return?session_id=" + session)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(back.statusCode()).isEqualTo(200);
            assertThat(back.body()).isEqualTo("verified");
        }
    }

    /** Completes the session in the sandbox, as the person would by walking the hosted page. */
    void complete(String session) {
        var done = http.postJson("/api/v1/sandbox/session/complete/", "{\"api_key\":\"" + flow.apiKey() + "\",\"session_id\":\""
                + session + "\",\"outcome\":\"passed\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
    }

    String bash(String snippet, Map<String, String> env) throws IOException, InterruptedException {
        var builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", snippet);
        builder.environment().putAll(Map.of("KYCFLOW_URL", "http://localhost:" + port, "FLOW_API_KEY", flow.apiKey()));
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(snippet + "\n" + output).isZero();
        return output;
    }

    static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
