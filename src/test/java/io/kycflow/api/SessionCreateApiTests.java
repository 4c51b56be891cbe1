package io.kycflow.api;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.kycflow.IntegrationTest;
import io.kycflow.flow.IssuedFlow;
import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.session.SessionService;
import io.kycflow.session.SessionStatus;
import io.kycflow.support.Http;
import io.kycflow.support.Http.Response;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.kycflow.technology.TechnologyCode.DR;
import static io.kycflow.technology.TechnologyCode.F2F;
import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/flows/session/create/} over real HTTP; every refused request leaves no session behind. */
@IntegrationTest
class SessionCreateApiTests {

    private static final String CREATE = "/api/v1/flows/session/create/";

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
    @Autowired
    JdbcClient jdbc;

    Http http;
    IssuedFlow flow;
    long sessionsBefore;

    @BeforeEach
    void flowAndClient() {
        http = new Http(port);
        var data = new TestData(organizations, flows, catalog);
        flow = data.flow(data.org().organization().id(), LD, DR, F2F);
        sessionsBefore = sessionCount();
    }

    @Test
    void validFlowKeyCreatesSessionWithTechnologiesInFlowOrder() {
        var response = http.postJson(CREATE, "{\"api_key\":\"" + flow.apiKey() + "\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.contentType()).startsWith("application/json");
        var body = response.json();
        var sessionId = UUID.fromString(body.path("session_id").asString());
        assertThat(response.strings("technologies")).containsExactly("LD", "DR", "F2F");
        assertThat(body.path("verification_url").asString()).endsWith("/flow/" + sessionId);
        var expiresAt = OffsetDateTime.parse(body.path("expires_at").asString());

        var stored = sessions.getForFlow(flow.flow().id(), sessionId);
        assertThat(stored.status()).isEqualTo(SessionStatus.CREATED);
        assertThat(stored.expiresAt()).isEqualTo(expiresAt);
        assertThat(stored.expiresAt()).isEqualTo(stored.createdAt().plusMinutes(60)); // flow_config default TTL
        assertThat(stored.steps()).extracting(s -> s.technology()).containsExactly(LD, DR, F2F);
        assertThat(sessionCount()).isEqualTo(sessionsBefore + 1);
    }

    @Test
    void unknownFlowKeyIsRefusedWithProblemJson() {
        var problem = http.postJson(CREATE, "{\"api_key\":\"" + "A".repeat(48) + "\"}").assertProblem(401, "invalid_flow_api_key");
        assertThat(problem.path("field").asString()).isEqualTo("api_key");
        assertNoSessionCreated();
    }

    @Test
    void organizationKeyIsNotAFlowKey() {
        var org = new TestData(organizations, flows, catalog).org();
        http.postJson(CREATE, "{\"api_key\":\"" + org.apiKey() + "\"}").assertProblem(401, "invalid_flow_api_key");
        assertNoSessionCreated();
    }

    @Test
    void missingOrNonStringKeyIsRefusedNamingTheField() {
        assertThat(http.postJson(CREATE, "{}").assertProblem(400, "validation_failed").path("field").asString())
                .isEqualTo("api_key");
        assertThat(http.postJson(CREATE, "{\"api_key\": 42}").assertProblem(400, "validation_failed").path("field").asString())
                .isEqualTo("api_key");
        assertNoSessionCreated();
    }

    @Test
    void malformedJsonIsRefused() {
        http.postJson(CREATE, "{\"api_key\":\"" + flow.apiKey() + "\"").assertProblem(400, "malformed_body");
        assertNoSessionCreated();
    }

    @Test
    void duplicateKeysAreRefusedAsAmbiguous() {
        http.postJson(CREATE, "{\"api_key\":\"" + flow.apiKey() + "\",\"api_key\":\"other\"}")
                .assertProblem(400, "malformed_body");
        assertNoSessionCreated();
    }

    @Test
    void trailingContentAfterTheObjectIsRefused() {
        http.postJson(CREATE, "{\"api_key\":\"" + flow.apiKey() + "\"} {\"api_key\":\"x\"}")
                .assertProblem(400, "malformed_body");
        assertNoSessionCreated();
    }

    @Test
    void clientThatAcceptsJsonGetsTheSessionAndOneThatAcceptsNoJsonGets406() {
        var body = "{\"api_key\":\"" + flow.apiKey() + "\"}";
        assertThat(http.postJson(CREATE, body, "Accept", "application/json").status()).isEqualTo(201);
        assertThat(http.postJson(CREATE, body, "Accept", "*/*").status()).isEqualTo(201);
        assertThat(sessionCount()).isEqualTo(sessionsBefore + 2);

        assertThat(http.postJson(CREATE, body, "Accept", "text/html").status()).isEqualTo(406);
        assertThat(sessionCount()).isEqualTo(sessionsBefore + 2);
    }

    @Test
    void bodyThatIsNotAnObjectIsRefused() {
        http.postJson(CREATE, "[\"" + flow.apiKey() + "\"]").assertProblem(400, "validation_failed");
        assertNoSessionCreated();
    }

    @Test
    void emptyBodyIsRefused() {
        http.send("POST", CREATE, Http.JSON, BodyPublishers.noBody()).assertProblem(400, "malformed_body");
        assertNoSessionCreated();
    }

    @Test
    void plainTextContentTypeIsRefusedWith415() {
        var response = http.send("POST", CREATE, "text/plain", BodyPublishers.ofString("{\"api_key\":\"" + flow.apiKey() + "\"}"));
        response.assertProblem(415, "unsupported_media_type");
        assertNoSessionCreated();
    }

    @Test
    void oneMegabyteBodyIsRefusedWith413() {
        var padding = "x".repeat(1024 * 1024);
        var response = http.postJson(CREATE, "{\"api_key\":\"" + flow.apiKey() + "\",\"metadata\":{\"p\":\"" + padding + "\"}}");
        response.assertProblem(413, "payload_too_large");
        assertNoSessionCreated();
    }

    @Test
    void oneMegabyteChunkedBodyWithoutLengthIsRefusedWith413() {
        var body = ("{\"api_key\":\"" + flow.apiKey() + "\",\"metadata\":{\"p\":\"" + "x".repeat(1024 * 1024) + "\"}}").getBytes();
        var response = http.send("POST", CREATE, Http.JSON,
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        response.assertProblem(413, "payload_too_large");
        assertNoSessionCreated();
    }

    @Test
    void unknownFieldIsRefusedNamingTheField() {
        var response = http.postJson(CREATE, "{\"api_key\":\"" + flow.apiKey() + "\",\"flow_id\":\"" + flow.flow().id() + "\"}");
        assertThat(response.assertProblem(400, "validation_failed").path("field").asString()).isEqualTo("body.flow_id");
        assertNoSessionCreated();
    }

    @Test
    void metadataIsStoredAndEchoedInTheLightResult() {
        var created = http.postJson(CREATE, "{\"api_key\":\"" + flow.apiKey()
                + "\",\"metadata\":{\"user_id\":\"u-42\",\"tier\":2,\"tags\":[\"vip\"]}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var sessionId = created.json().path("session_id").asString();

        var light = http.get("/api/v1/flows/session/result/light/"
                + Http.query("session_id", sessionId, "flow_api_key", flow.apiKey()));

        assertThat(light.status()).isEqualTo(200);
        var metadata = light.json().path("metadata");
        assertThat(metadata.path("user_id").asString()).isEqualTo("u-42");
        assertThat(metadata.path("tier").asInt()).isEqualTo(2);
        assertThat(metadata.path("tags").get(0).asString()).isEqualTo("vip");
        assertThat(sessions.getForFlow(flow.flow().id(), UUID.fromString(sessionId)).metadata()).isEqualTo(metadata);
    }

    @Test
    void metadataThatIsNotAnObjectIsRefused() {
        for (var metadata : new String[] {"\"u-42\"", "[1,2]", "42", "true"}) {
            var response = http.postJson(CREATE, "{\"api_key\":\"" + flow.apiKey() + "\",\"metadata\":" + metadata + "}");
            assertThat(response.assertProblem(400, "validation_failed").path("field").asString()).as(metadata).isEqualTo("metadata");
        }
        assertNoSessionCreated();
    }

    @Test
    void metadataOverTheLimitIsRefusedButFitsUnderTheBodyLimit() {
        var big = "{\"api_key\":\"" + flow.apiKey() + "\",\"metadata\":{\"note\":\"" + "y".repeat(5000) + "\"}}";
        assertThat(big.length()).isLessThan(64 * 1024); // refused by the metadata rule, not by the body limit
        Response response = http.postJson(CREATE, big);
        assertThat(response.assertProblem(400, "validation_failed").path("field").asString()).isEqualTo("metadata");
        assertNoSessionCreated();
    }

    @Test
    void metadataLimitIsCountedInBytesOfJson() {
        var ascii = "{\"api_key\":\"" + flow.apiKey() + "\",\"metadata\":{\"note\":\"" + "y".repeat(4000) + "\"}}";
        assertThat(http.postJson(CREATE, ascii).status()).as("4,011 bytes fit under 4 KB").isEqualTo(201);
        // 2,100 Cyrillic letters: about 2,100 characters but 4,200 bytes of UTF-8
        var cyrillic = "{\"api_key\":\"" + flow.apiKey() + "\",\"metadata\":{\"note\":\"" + "ж".repeat(2100) + "\"}}";
        assertThat(http.postJson(CREATE, cyrillic).assertProblem(400, "validation_failed").path("field").asString())
                .isEqualTo("metadata");
        assertThat(sessionCount()).isEqualTo(sessionsBefore + 1);
    }

    @Test
    void jsonWithCharsetParameterIsAccepted() {
        var response = http.send("POST", CREATE, "application/json; charset=utf-8",
                BodyPublishers.ofString("{\"api_key\":\"" + flow.apiKey() + "\"}"));
        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void wrongMethodAndUnknownPathAnswerProblemJson() {
        http.get(CREATE).assertProblem(405, "method_not_allowed");
        http.get("/api/v1/flows/session/nothing-here/").assertProblem(404, "not_found");
        http.get("/error").assertProblem(404, "not_found");
        assertNoSessionCreated();
    }

    @Test
    void nullMetadataIsTheSameAsNone() {
        var created = http.postJson(CREATE, "{\"api_key\":\"" + flow.apiKey() + "\",\"metadata\":null}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(sessions.getForFlow(flow.flow().id(), UUID.fromString(created.json().path("session_id").asString())).metadata())
                .isNull();
    }

    @Test
    void flowWithOnlySomeTechnologiesListsOnlyThose() {
        var data = new TestData(organizations, flows, catalog);
        var edFlow = data.flow(data.org(OrganizationStatus.PRODUCTION, TechnologyCode.ED)
                .organization().id(), TechnologyCode.ED);
        var response = http.postJson(CREATE, "{\"api_key\":\"" + edFlow.apiKey() + "\"}");
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.strings("technologies")).containsExactly("ED");
    }

    private long sessionCount() {
        return jdbc.sql("SELECT COUNT(*) FROM flow_session").query(Long.class).single();
    }

    private void assertNoSessionCreated() {
        assertThat(sessionCount()).as("sessions in the database").isEqualTo(sessionsBefore);
    }
}
