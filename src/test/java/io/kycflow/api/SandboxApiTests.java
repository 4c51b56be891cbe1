package io.kycflow.api;

import java.util.UUID;

import io.kycflow.IntegrationTest;
import io.kycflow.flow.IssuedFlow;
import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.session.SessionService;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.kycflow.technology.TechnologyCode.ED;
import static io.kycflow.technology.TechnologyCode.F2F;
import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;

/** Test mode: the sandbox provider finishes sessions of TEST/DEMO organizations, labelled as sandbox output. */
@IntegrationTest
class SandboxApiTests {

    private static final String COMPLETE = "/api/v1/sandbox/session/complete/";

    @LocalServerPort
    int port;
    @Autowired
    OrganizationService organizations;
    @Autowired
    FlowService flows;
    @Autowired
    SessionService sessions;
    @Autowired
    TechnologyCatalog catalog;

    Http http;
    TestData data;
    IssuedFlow flow;

    @BeforeEach
    void sandboxFlow() {
        http = new Http(port);
        data = new TestData(organizations, flows, catalog);
        flow = data.flow(data.org().organization().id(), LD, ED, F2F);
    }

    @Test
    void passedOutcomeFinishesEveryStepWithLabelledSandboxResults() {
        var sessionId = session(flow);
        var response = complete(flow.apiKey(), sessionId, "passed");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var result = response.json();
        assertThat(result.path("status").asString()).isEqualTo("FINISHED");
        assertThat(result.path("overall_result").asBoolean()).isTrue();
        for (var block : new String[] {"liveness_result", "edocument_result", "face2face_result"}) {
            assertThat(result.path(block).path("result").asBoolean()).as(block).isTrue();
            assertThat(result.path(block).path("sandbox").asBoolean()).as(block).isTrue();
            assertThat(result.path(block).path("provider").asString()).as(block).isEqualTo("kycflow-sandbox");
        }
        assertThat(result.path("liveness_result").path("prediction").asString()).isEqualTo("0.9990");
        assertThat(light(sessionId).path("status").asString()).isEqualTo("FINISHED");
    }

    @Test
    void failedOutcomeUsesUpTheFirstStepsAttemptsAndFailsTheSession() {
        var sessionId = session(flow);
        var result = complete(flow.apiKey(), sessionId, "failed").json();
        assertThat(result.path("status").asString()).isEqualTo("FAILED");
        assertThat(result.path("overall_result").asBoolean()).isFalse();
        assertThat(result.path("liveness_result").path("attempts").asInt()).isEqualTo(3);
        assertThat(result.path("failure_reasons").get(0).path("type").asString()).isEqualTo("liveness_not_confirmed");
        assertThat(result.path("edocument_result").path("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void productionSessionsAreNeverDecidedBySandbox() {
        var production = data.org(OrganizationStatus.PRODUCTION, LD);
        var productionFlow = data.flow(production.organization().id(), LD);
        var sessionId = session(productionFlow);
        complete(productionFlow.apiKey(), sessionId, "passed").assertProblem(403, "sandbox_only");
        assertThat(sessions.get(production.organization().id(), UUID.fromString(sessionId)).status().name()).isEqualTo("CREATED");
    }

    @Test
    void badRequestsChangeNothing() {
        var sessionId = session(flow);
        complete(flow.apiKey(), sessionId, "maybe").assertProblem(400, "validation_failed");
        complete("not-a-flow-key", sessionId, "passed").assertProblem(401, "invalid_flow_api_key");
        var other = data.flow(data.org().organization().id(), LD);
        complete(other.apiKey(), sessionId, "passed").assertProblem(404, "session_not_found");
        assertThat(light(sessionId).path("status").asString()).isEqualTo("CREATED");
        complete(flow.apiKey(), sessionId, "passed");
        complete(flow.apiKey(), sessionId, "failed").assertProblem(409, "session_closed");
        assertThat(light(sessionId).path("status").asString()).isEqualTo("FINISHED");
    }

    private Http.Response complete(String key, String sessionId, String outcome) {
        return http.postJson(COMPLETE, "{\"api_key\":\"" + key + "\",\"session_id\":\"" + sessionId + "\",\"outcome\":\"" + outcome + "\"}");
    }

    private String session(IssuedFlow target) {
        var created = http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + target.apiKey() + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("session_id").asString();
    }

    private tools.jackson.databind.JsonNode light(String sessionId) {
        return http.get("/api/v1/flows/session/result/light/" + Http.query("session_id", sessionId, "flow_api_key", flow.apiKey())).json();
    }
}
