package io.kycflow.mcp;

import java.util.List;
import java.util.Map;

import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.session.SessionService;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** complete_sandbox_session over MCP: both branches of step 4 without a camera, and what it refuses. */
class McpSandboxToolTests extends McpTestSupport {

    @Autowired
    FlowService flows;

    @Autowired
    SessionService sessions;

    @Test
    void finishesOrFailsASandboxSessionWithTheOutcomesPicked() {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org();
        var flow = data.flow(org.organization().id(), TechnologyCode.LD, TechnologyCode.DR, TechnologyCode.F2F);
        var client = client(org.apiKey());

        var passed = ok(client, "complete_sandbox_session", Map.of("session_id", sessions.create(flow.flow(), null).id().toString()));
        assertThat(passed.get("status").stringValue()).isEqualTo("FINISHED");
        assertThat(passed.get("overall_result").booleanValue()).isTrue();
        for (var block : List.of("liveness_result", "document_recognition_result", "face2face_result")) {
            assertThat(passed.get(block).get("sandbox").booleanValue()).as(block).isTrue();
        }

        var session = sessions.create(flow.flow(), null).id().toString();
        var failed = ok(client, "complete_sandbox_session", Map.of("session_id", session, "outcomes", Map.of("LD", "eye_closed")));
        assertThat(failed.get("status").stringValue()).isEqualTo("FAILED");
        assertThat(failed.get("failure_reasons").get(0).get("type").stringValue()).isEqualTo("eye_closed");
        assertThat(failed.get("liveness_result").get("eye_closed").booleanValue()).isTrue();

        assertThat(error(client, "complete_sandbox_session", Map.of("session_id", session)))
                .contains("only CREATED or IN_PROGRESS");
    }

    @Test
    void theSandboxCapturesAreStoredAsMediaAndTheLightResultLinksToThem() throws Exception {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org();
        var flow = data.flow(org.organization().id(), TechnologyCode.LD, TechnologyCode.DR, TechnologyCode.F2F);
        var client = client(org.apiKey());
        var session = sessions.create(flow.flow(), null).id().toString();
        ok(client, "complete_sandbox_session", Map.of("session_id", session));
        var light = ok(client, "get_flow_session_light_result", Map.of("session_id", session));
        assertThat(light.get("liveness_result").get("media")).hasSize(3);
        assertThat(light.get("document_recognition_result").get("media")).hasSize(2);
        assertThat(light.get("face2face_result").get("media")).isEmpty();
        assertThat(ok(client, "get_flow_session", Map.of("session_id", session)).get("liveness_result").has("media")).isFalse();

        var http = java.net.http.HttpClient.newHttpClient();
        for (var link : light.get("liveness_result").get("media")) {
            assertThat(link.get("kind").stringValue()).isEqualTo("liveness_frame");
            var url = java.net.URI.create(link.get("url").stringValue());
            var local = java.net.URI.create("http://127.0.0.1:" + port + url.getRawPath() + "?" + url.getRawQuery());
            var image = http.send(java.net.http.HttpRequest.newBuilder(local).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(java.util.Arrays.copyOf(image.body(), 4)).containsExactly(0x89, 'P', 'N', 'G');
            var tampered = java.net.URI.create(local.toString().replace("viewer=org_api_key", "viewer=org_api_kez"));
            assertThat(http.send(java.net.http.HttpRequest.newBuilder(tampered).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void refusesProductionSessionsUnknownOutcomesAndOtherOrganizationsSessions() {
        var data = new TestData(organizations, flows, catalog);
        var production = data.org(OrganizationStatus.PRODUCTION, TechnologyCode.values());
        var productionSession = sessions.create(data.flow(production.organization().id(), TechnologyCode.LD).flow(), null);
        assertThat(error(client(production.apiKey()), "complete_sandbox_session",
                Map.of("session_id", productionSession.id().toString()))).contains("TEST or DEMO");

        var org = data.org();
        var session = sessions.create(data.flow(org.organization().id(), TechnologyCode.LD).flow(), null).id().toString();
        var client = client(org.apiKey());
        assertThat(error(client, "complete_sandbox_session", Map.of("session_id", session, "outcomes", Map.of("LD", "face_mismatch"))))
                .contains("LD");
        assertThat(error(client, "complete_sandbox_session", Map.of("session_id", session, "outcomes", Map.of("XX", "pass"))))
                .contains("outcomes");
        assertThat(error(client, "complete_sandbox_session", Map.of("session_id", productionSession.id().toString())))
                .contains("No session with id");
        assertThat(sessions.get(org.organization().id(), java.util.UUID.fromString(session)).status().name()).isEqualTo("CREATED");
    }
}
