package io.kycflow.docs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.kycflow.IntegrationTest;
import io.kycflow.flow.FlowConfigSchema;
import io.kycflow.flow.FlowService;
import io.kycflow.flow.IssuedFlow;
import io.kycflow.organization.OrganizationService;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static io.kycflow.technology.TechnologyCode.DR;
import static io.kycflow.technology.TechnologyCode.F2F;
import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/integration/flow-widget.md stays true: its curl snippets and Node.js backend run against this server, its
 * flow_config passes the flow's validation, and its frontend snippet, events and callbacks are the ones kycflow.js
 * and flow.js use.
 */
@IntegrationTest
class FlowWidgetDocTests {

    private static final String DOC = "integration/flow-widget.md";
    private static final Pattern EVENT_ROW = Pattern.compile("(?m)^\\| `([a-z_]+)` \\| `(on[A-Za-z]+)` \\|");
    private static final Pattern SCRIPT_CALLBACK = Pattern.compile("([a-z_]+): '(on[A-Za-z]+)'");

    @LocalServerPort int port;
    @Autowired OrganizationService organizations;
    @Autowired FlowService flows;
    @Autowired TechnologyCatalog catalog;

    FlowRemoteDocTests runner = new FlowRemoteDocTests();
    IssuedFlow flow;

    @BeforeEach
    void flow() {
        var data = new TestData(organizations, flows, catalog);
        flow = data.flow(data.org().organization().id(), LD, DR, F2F);
        runner.port = port;
        runner.http = new Http(port);
        runner.flow = flow;
    }

    @Test
    void theCurlSnippetsCreateASessionAndReadItsResult() throws Exception {
        var snippets = DocSnippets.of(DOC, "bash");
        assertThat(snippets).hasSize(2);
        var created = FlowRemoteDocTests.json(runner.bash(snippets.get(0), Map.of()));
        var session = created.path("session_id").asString();
        assertThat(created.path("technologies").toString()).isEqualTo("[\"LD\",\"DR\",\"F2F\"]");
        runner.complete(session);
        var result = FlowRemoteDocTests.json(runner.bash(snippets.get(1), Map.of("SESSION_ID", session)));
        assertThat(result.path("status").asString()).isEqualTo("FINISHED");
    }

    @Test
    void theNodeBackendHandsOutASessionIdAndReadsTheStoredResult() throws Exception {
        try (var snippet = NodeSnippet.start(DOC, "widget-server", port, flow.apiKey())) {
            var client = HttpClient.newHttpClient();
            var app = snippet.url;
            var created = snippet.postWhenUp(client, "/kyc/session");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            var answer = FlowRemoteDocTests.json(created.body());
            assertThat(answer.propertyNames()).as("the page gets the session id, nothing else").containsExactly("session_id");
            var session = answer.path("session_id").asString();
            var result = URI.create(app + "/kyc/result?session_id=" + session);
            var early = client.send(HttpRequest.newBuilder(result).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(early.body()).isEqualTo("{\"status\":\"CREATED\",\"verified\":false}");
            runner.complete(session);
            var done = client.send(HttpRequest.newBuilder(result).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(done.body()).isEqualTo("{\"status\":\"FINISHED\",\"verified\":true}");
        }
    }

    @Test
    void theFlowConfigPassesValidationAndTheFrontendUsesWhatTheScriptsOffer() throws Exception {
        var update = JsonMapper.shared().readTree(DocSnippets.of(DOC, "json").getFirst());
        var resolved = FlowConfigSchema.SCHEMA.resolve(update.path("flow_config"), (reference, id) -> false);
        assertThat(resolved.path("widget_allowed_origins").toString()).isEqualTo("[\"https://shop.example\",\"https://shop.example:8443\"]");

        var widget = Files.readString(Path.of("src/main/resources/widget/v1/kycflow.js"));
        var page = Files.readString(Path.of("src/main/resources/flow-assets/flow.js"));
        var doc = Files.readString(Path.of("docs").resolve(DOC));
        var offered = new LinkedHashMap<String, String>();
        SCRIPT_CALLBACK.matcher(widget).results().forEach(m -> offered.put(m.group(1), m.group(2)));
        var documented = new LinkedHashMap<String, String>();
        EVENT_ROW.matcher(doc).results().forEach(m -> documented.put(m.group(1), m.group(2)));
        assertThat(documented).as("events and callbacks in the doc's table").isEqualTo(offered);
        var emitted = new TreeSet<String>();
        Pattern.compile("emit\\((?:'([a-z_]+)'|passed \\? '([a-z_]+)' : '([a-z_]+)')").matcher(page).results().forEach(m -> {
            for (int group = 1; group <= 3; group++) {
                if (m.group(group) != null) {
                    emitted.add(m.group(group));
                }
            }
        });
        assertThat(emitted).as("every event the page emits has a callback").isEqualTo(new TreeSet<>(offered.keySet()));

        var frontend = DocSnippets.of(DOC, "html").getFirst();
        assertThat(frontend).contains("/widget/v1/kycflow.js", "FlowWidget.startSession({", "selector: '#kyc'",
                "window.addEventListener('finish'", "event.detail.status", "widget.destroy()");
        for (var callback : offered.values()) {
            assertThat(frontend).as("the snippet shows " + callback).contains(callback + ":");
        }
        assertThat(widget).contains("startSession: startSession", "destroy: function", "options.onEvent");
    }
}
