package io.kycflow.api;

import java.util.UUID;

import io.kycflow.IntegrationTest;
import io.kycflow.flow.IssuedFlow;
import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.session.AttemptOutcome;
import io.kycflow.session.FailureReason;
import io.kycflow.session.SessionService;
import io.kycflow.support.Http;
import io.kycflow.support.Http.Response;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static io.kycflow.support.TestData.json;
import static io.kycflow.technology.TechnologyCode.DR;
import static io.kycflow.technology.TechnologyCode.ED;
import static io.kycflow.technology.TechnologyCode.F2F;
import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/flows/session/result/light/} over real HTTP, from a fresh session to a verdict. */
@IntegrationTest
class SessionResultApiTests {

    private static final String LIGHT = "/api/v1/flows/session/result/light/";

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
    UUID orgId;
    IssuedFlow flow;

    @BeforeEach
    void flowAndClient() {
        http = new Http(port);
        data = new TestData(organizations, flows, catalog);
        orgId = data.org().organization().id();
        flow = data.flow(orgId, null, "{\"liveness_config\":{\"max_attempts\":2}}", LD, DR, F2F);
    }

    @Test
    void freshSessionOfTestOrganizationIsCreatedSandboxedWithOneBlockPerTechnology() {
        var sessionId = createSession(flow);

        var response = light(sessionId, flow.apiKey());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var result = response.json();
        assertThat(result.path("session_id").asString()).isEqualTo(sessionId);
        assertThat(result.path("status").asString()).isEqualTo("CREATED");
        assertThat(result.path("sandbox").asBoolean()).isTrue();
        assertThat(result.path("overall_result").isNull()).isTrue();
        assertThat(result.path("failure_reasons").isEmpty()).isTrue();
        assertThat(response.strings("technologies")).containsExactly("LD", "DR", "F2F");
        for (var block : new String[] {"liveness_result", "document_recognition_result", "face2face_result"}) {
            assertThat(result.has(block)).as(block).isTrue();
            assertThat(result.path(block).path("result").isNull()).as(block).isTrue();
            assertThat(result.path(block).path("failure_reason").isNull()).as(block).isTrue();
            assertThat(result.path(block).path("sandbox").asBoolean()).as(block).isTrue();
        }
        assertThat(result.has("edocument_result")).isFalse();
        assertThat(result.has("digital_signature_result")).isFalse();
        assertThat(result.path("liveness_result").path("max_attempts").asInt()).isEqualTo(2);
    }

    @Test
    void productionOrganizationSessionIsNotSandboxedAndEDocumentHasItsBlock() {
        var production = data.org(OrganizationStatus.PRODUCTION, LD, ED, F2F).organization().id();
        var edFlow = data.flow(production, LD, ED, F2F);

        var result = light(createSession(edFlow), edFlow.apiKey()).json();

        assertThat(result.path("sandbox").asBoolean()).isFalse();
        assertThat(result.path("edocument_result").path("sandbox").asBoolean()).isFalse();
        assertThat(result.has("liveness_result")).isTrue();
        assertThat(result.has("face2face_result")).isTrue();
        assertThat(result.has("document_recognition_result")).isFalse();
    }

    @Test
    void everyStepPassedMakesTheSessionFinishedWithAPositiveVerdict() {
        var sessionId = createSession(flow);
        var id = UUID.fromString(sessionId);

        sessions.recordAttempt(id, LD, AttemptOutcome.pass(json("{\"prediction\":\"0.9980\",\"eye_closed\":false}")));
        var midway = light(sessionId, flow.apiKey()).json();
        assertThat(midway.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(midway.path("overall_result").isNull()).isTrue();
        assertThat(midway.path("liveness_result").path("result").asBoolean()).isTrue();
        assertThat(midway.path("document_recognition_result").path("result").isNull()).isTrue();

        sessions.recordAttempt(id, DR, AttemptOutcome.pass(json("{\"country_code\":\"KAZ\"}")));
        sessions.recordAttempt(id, F2F, AttemptOutcome.pass(json("{\"similarity\":0.93}")));
        var result = light(sessionId, flow.apiKey()).json();

        assertThat(result.path("status").asString()).isEqualTo("FINISHED");
        assertThat(result.path("overall_result").asBoolean()).isTrue();
        assertThat(result.path("overall_result").isBoolean()).isTrue();
        assertThat(result.path("failure_reasons").isEmpty()).isTrue();
        assertThat(result.path("finished_at").isNull()).isFalse();
        assertThat(result.path("liveness_result").path("prediction").asString()).isEqualTo("0.9980");
        assertThat(result.path("document_recognition_result").path("country_code").asString()).isEqualTo("KAZ");
        assertThat(result.path("face2face_result").path("similarity").asDouble()).isEqualTo(0.93);
        assertThat(result.path("face2face_result").path("result").asBoolean()).isTrue();
    }

    @Test
    void exhaustingTheAttemptsFailsTheSessionWithReasons() {
        var sessionId = createSession(flow);
        var id = UUID.fromString(sessionId);
        var eyesClosed = new FailureReason("eye_closed", "The person's eyes were closed.");

        sessions.recordAttempt(id, LD, AttemptOutcome.fail(json("{\"eye_closed\":true}"), eyesClosed));
        var afterOne = light(sessionId, flow.apiKey()).json();
        assertThat(afterOne.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(afterOne.path("liveness_result").path("result").isNull()).isTrue();
        assertThat(afterOne.path("liveness_result").path("attempts").asInt()).isEqualTo(1);

        sessions.recordAttempt(id, LD, AttemptOutcome.fail(json("{\"eye_closed\":true}"), eyesClosed));
        var result = light(sessionId, flow.apiKey()).json();

        assertThat(result.path("status").asString()).isEqualTo("FAILED");
        assertThat(result.path("overall_result").isBoolean()).isTrue();
        assertThat(result.path("overall_result").asBoolean()).isFalse();
        JsonNode reasons = result.path("failure_reasons");
        assertThat(reasons.size()).isEqualTo(1);
        assertThat(reasons.get(0).path("technology").asString()).isEqualTo("LD");
        assertThat(reasons.get(0).path("type").asString()).isEqualTo("eye_closed");
        assertThat(result.path("liveness_result").path("result").asBoolean()).isFalse();
        assertThat(result.path("liveness_result").path("failure_reason").path("type").asString()).isEqualTo("eye_closed");
        assertThat(result.path("document_recognition_result").path("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void unknownSessionIsNotFound() {
        light(UUID.randomUUID().toString(), flow.apiKey()).assertProblem(404, "session_not_found");
    }

    @Test
    void sessionOfAnotherFlowOfTheSameOrganizationIsNotFoundAndNotShown() {
        var sibling = data.flow(orgId, LD);
        var sessionId = createSession(sibling, "{\"user_id\":\"secret-user-7\"}");

        var response = light(sessionId, flow.apiKey());

        assertNothingOfTheSessionShown(response.assertProblem(404, "session_not_found"), response, sibling);
    }

    @Test
    void sessionOfAnotherOrganizationIsNotFoundAndNotShown() {
        var otherOrg = data.org().organization().id();
        var foreign = data.flow(otherOrg, LD, DR, F2F);
        var sessionId = createSession(foreign, "{\"user_id\":\"secret-user-7\"}");

        var response = light(sessionId, flow.apiKey());

        assertNothingOfTheSessionShown(response.assertProblem(404, "session_not_found"), response, foreign);
        assertThat(light(sessionId, foreign.apiKey()).status()).as("the owner still sees it").isEqualTo(200);
    }

    @Test
    void nonUuidSessionIdIsRefused() {
        for (var bad : new String[] {"not-a-uuid", "1-1-1-1-1", ""}) {
            var problem = light(bad, flow.apiKey()).assertProblem(400, "validation_failed");
            assertThat(problem.path("field").asString()).as(bad).isEqualTo("session_id");
        }
    }

    @Test
    void missingParametersAreRefused() {
        var sessionId = createSession(flow);
        http.get(LIGHT + Http.query("flow_api_key", flow.apiKey())).assertProblem(400, "missing_parameter");
        http.get(LIGHT + Http.query("session_id", sessionId)).assertProblem(400, "missing_parameter");
        http.get(LIGHT).assertProblem(400, "missing_parameter");
    }

    @Test
    void wrongFlowKeyIsUnauthorizedEvenForAnExistingSession() {
        var sessionId = createSession(flow);
        light(sessionId, "B".repeat(48)).assertProblem(401, "invalid_flow_api_key");
        light(sessionId, "not a key!").assertProblem(401, "invalid_flow_api_key");
    }

    @Test
    void resultIsJsonWithItsLengthAndAClientThatAcceptsNoJsonGets406() {
        var sessionId = createSession(flow);
        var path = LIGHT + Http.query("session_id", sessionId, "flow_api_key", flow.apiKey());

        for (var accept : new String[] {"application/json", "*/*", "application/*"}) {
            var response = http.get(path, "Accept", accept);
            assertThat(response.status()).as(accept).isEqualTo(200);
            assertThat(response.contentType()).as(accept).startsWith("application/json");
            assertThat(response.headers().firstValueAsLong("Content-Length")).as(accept)
                    .hasValue(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            assertThat(response.json().path("session_id").asString()).isEqualTo(sessionId);
        }
        assertThat(http.get(path, "Accept", "text/html").status()).isEqualTo(406);
    }

    @Test
    void theFullResultHasTheCompatibilityVerdictFieldsAndAgreesWithTheLightResult() {
        var open = createSession(flow);
        var pending = full(open, flow.apiKey());
        assertThat(pending.status()).as(pending.body()).isEqualTo(200);
        assertThat(pending.json().path("flow_session_result").isNull()).isTrue();
        assertThat(pending.json().path("flow_session_failure_reasons").isEmpty()).isTrue();
        assertThat(pending.json().path("technologies").findValuesAsString("code")).containsExactly("LD", "DR", "F2F");
        assertThat(pending.json().path("technologies").get(0).path("name").asString()).isNotBlank();
        assertThat(pending.json().path("technologies").get(0).path("description").asString()).isNotBlank();

        var sessionId = createSession(flow);
        var completed = http.postJson("/api/v1/sandbox/session/complete/", "{\"api_key\":\"" + flow.apiKey()
                + "\",\"session_id\":\"" + sessionId + "\",\"outcome\":\"failed\"}");
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        var result = full(sessionId, flow.apiKey()).json();
        var light = light(sessionId, flow.apiKey()).json();
        assertThat(result.path("flow_session_result").asBoolean(true)).isFalse();
        assertThat(result.path("flow_session_failure_reasons").get(0).asString()).isEqualTo("liveness_not_confirmed");
        assertThat(result.path("finished_at").asString()).isEqualTo(light.path("finished_at").asString()).isNotBlank();
        for (var field : new String[] {"status", "overall_result", "failure_reasons", "liveness_result", "document_recognition_result"}) {
            assertThat(result.path(field)).as(field).isEqualTo(light.path(field));
        }
        full(sessionId, "B".repeat(48)).assertProblem(401, "invalid_flow_api_key");
        var otherFlow = data.flow(orgId, LD);
        full(sessionId, otherFlow.apiKey()).assertProblem(404, "session_not_found");
    }

    private Response full(String sessionId, String flowApiKey) {
        return http.get("/api/v1/flows/session/result/" + Http.query("session_id", sessionId, "flow_api_key", flowApiKey));
    }

    private static void assertNothingOfTheSessionShown(JsonNode problem, Response response, IssuedFlow owner) {
        assertThat(problem.has("status") && problem.path("status").isInt()).isTrue(); // the HTTP status, not the session's
        for (var field : new String[] {"flow_id", "technologies", "metadata", "overall_result", "failure_reasons",
                "liveness_result", "expires_at", "sandbox"}) {
            assertThat(problem.has(field)).as(field).isFalse();
        }
        assertThat(response.body()).doesNotContain(owner.flow().id().toString(), "secret-user-7", "CREATED");
    }

    private String createSession(IssuedFlow target) {
        return createSession(target, null);
    }

    private String createSession(IssuedFlow target, String metadata) {
        var body = "{\"api_key\":\"" + target.apiKey() + "\"" + (metadata == null ? "" : ",\"metadata\":" + metadata) + "}";
        var created = http.postJson("/api/v1/flows/session/create/", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("session_id").asString();
    }

    private Response light(String sessionId, String flowApiKey) {
        return http.get(LIGHT + Http.query("session_id", sessionId, "flow_api_key", flowApiKey));
    }
}
