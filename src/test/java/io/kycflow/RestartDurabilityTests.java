package io.kycflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.review.ReviewService;
import io.kycflow.session.AttemptOutcome;
import io.kycflow.session.SessionService;
import io.kycflow.support.Http;
import io.kycflow.support.StandaloneApp;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.kycflow.support.TestData.json;
import static io.kycflow.technology.TechnologyCode.DR;
import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;

/** What was acknowledged before a stop is there after the next start on the same data directory. */
class RestartDurabilityTests {

    private static final String ORGS = "/api/v1/admin/organizations";

    @Test
    void organizationFlowSessionAndReviewSurviveARestart(@TempDir Path dataDir) {
        String orgId;
        String orgKey;
        UUID flowId;
        String flowKey;
        String sessionId;
        try (var app = StandaloneApp.start(dataDir)) {
            var http = app.http();
            assertThat(app.bean(OrganizationService.class).list()).as("no demo organization in the test profile").isEmpty();
            var org = http.admin("POST", ORGS, "{\"name\":\"Durable Bank\",\"status\":\"DEMO\",\"technologies\":[\"LD\",\"DR\"]}");
            assertThat(org.status()).as(org.body()).isEqualTo(201);
            orgId = org.json().path("id").asString();
            orgKey = org.json().path("api_key").asString();
            var data = new TestData(app.bean(OrganizationService.class), app.bean(FlowService.class),
                    app.bean(TechnologyCatalog.class));
            var flow = app.bean(FlowService.class).create(UUID.fromString(orgId), data.newFlow("durable-flow",
                    "{\"session_ttl_minutes\":120}", "{\"liveness_config\":{\"max_attempts\":4}}", LD, DR));
            flowId = flow.flow().id();
            flowKey = flow.apiKey();
            var session = http.postJson("/api/v1/flows/session/create/",
                    "{\"api_key\":\"" + flowKey + "\",\"metadata\":{\"user_id\":\"u-9\"}}");
            assertThat(session.status()).isEqualTo(201);
            sessionId = session.json().path("session_id").asString();
            app.bean(SessionService.class).recordAttempt(UUID.fromString(sessionId), LD,
                    AttemptOutcome.pass(json("{\"prediction\":\"0.9700\"}")));
            app.bean(ReviewService.class).addMessage(UUID.fromString(orgId), UUID.fromString(sessionId), "checked", "key:1");
        }
        assertThat(Files.isDirectory(dataDir.resolve("db"))).isTrue();

        try (var app = StandaloneApp.start(dataDir)) {
            var organizations = app.bean(OrganizationService.class);
            var org = organizations.get(UUID.fromString(orgId));
            assertThat(org.name()).isEqualTo("Durable Bank");
            assertThat(organizations.authenticate(orgKey)).isPresent();
            assertThat(organizations.subscriptions(org.id())).extracting(t -> t.code()).containsExactly(LD, DR);
            assertThat(app.http().admin("GET", ORGS + "/" + orgId, null).json().path("api_key").asString()).isEqualTo(orgKey);

            var flow = app.bean(FlowService.class).get(org.id(), flowId);
            assertThat(flow.name()).isEqualTo("durable-flow");
            assertThat(flow.sessionTtlMinutes()).isEqualTo(120);
            assertThat(flow.technologyConfigs().path("liveness_config").path("max_attempts").asInt()).isEqualTo(4);
            assertThat(app.bean(FlowService.class).findByApiKey(flowKey)).isPresent();

            var light = app.http().get("/api/v1/flows/session/result/light/"
                    + Http.query("session_id", sessionId, "flow_api_key", flowKey)).json();
            assertThat(light.path("status").asString()).isEqualTo("IN_PROGRESS");
            assertThat(light.path("sandbox").asBoolean()).isTrue();
            assertThat(light.path("metadata").path("user_id").asString()).isEqualTo("u-9");
            assertThat(light.path("liveness_result").path("result").asBoolean()).isTrue();
            assertThat(light.path("liveness_result").path("prediction").asString()).isEqualTo("0.9700");
            assertThat(light.path("document_recognition_result").path("status").asString()).isEqualTo("PENDING");
            assertThat(app.bean(ReviewService.class).list(org.id(), UUID.fromString(sessionId)))
                    .extracting(r -> r.message()).containsExactly("checked");

            var next = app.http().postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flowKey + "\"}");
            assertThat(next.status()).as("the flow key still works after the restart").isEqualTo(201);
        }
    }
}
