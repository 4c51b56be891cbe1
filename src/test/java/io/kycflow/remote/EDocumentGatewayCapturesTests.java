package io.kycflow.remote;

import java.util.UUID;

import io.kycflow.flow.FlowService;
import io.kycflow.media.MediaKind;
import io.kycflow.media.MediaRef;
import io.kycflow.media.MediaService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.session.SessionService;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.verification.internal.edocument.FakeGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.kycflow.technology.TechnologyCode.ED;
import static io.kycflow.technology.TechnologyCode.F2F;
import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PRODUCTION ED step through the captures endpoint with the gateway configured (a local HTTP server speaking the
 * contract): the real engine asks the gateway, the result is not sandbox, and the portrait is kept for F2F.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kycflow.edocument.gateway.client-id=kycflow", "kycflow.edocument.gateway.client-secret=test-secret",
                "kycflow.edocument.gateway.backoff=10ms", "kycflow.edocument.gateway.read-timeout=2s"})
@ActiveProfiles("test")
class EDocumentGatewayCapturesTests {

    static final FakeGateway GATEWAY = start();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("kycflow.edocument.gateway.base-url", () -> GATEWAY.baseUrl().toString());
    }

    @AfterAll
    static void stop() {
        GATEWAY.close();
    }

    @LocalServerPort int port;
    @Autowired OrganizationService organizations;
    @Autowired FlowService flows;
    @Autowired TechnologyCatalog catalog;
    @Autowired SessionService sessions;
    @Autowired MediaService media;

    @Test
    void aProductionSessionGetsThePersonsDocumentFromTheGatewayAfterARetry() {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org(OrganizationStatus.PRODUCTION, ED, LD, F2F);
        var flow = data.flow(org.organization().id(), null, "{\"edocument_config\":{\"document_type\":\"IdentityCard\"}}", ED, LD, F2F);
        var created = new Http(port).postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flow.apiKey() + "\"}");
        var session = created.json().path("session_id").asString();
        var phone = new FlowBrowser(port);
        phone.start(session);
        GATEWAY.then(FakeGateway.status(503, ""), FakeGateway.ok("900101300001"));
        int before = GATEWAY.asked.size();

        var answer = phone.captures(session, EDocumentCapturesTests.ed("900101300001"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);

        var step = sessions.get(org.organization().id(), UUID.fromString(session)).steps().getFirst();
        var block = step.result();
        assertThat(block.path("result").asBoolean()).as(block.toString()).isTrue();
        assertThat(block.path("sandbox").asBoolean()).isFalse();
        assertThat(block.path("provider").asString()).isEqualTo("e-document-gateway");
        assertThat(block.path("person").path("surname").asString()).isEqualTo("NURLANOVA");
        assertThat(step.attempts()).as("the retry is inside one attempt").isEqualTo(1);
        assertThat(GATEWAY.asked.size() - before).isEqualTo(2);
        assertThat(GATEWAY.asked.getLast().body()).contains("\"iin\":\"900101300001\"");
        assertThat(media.ofSession(UUID.fromString(session))).extracting(MediaRef::kind).containsExactly(MediaKind.DOCUMENT_PORTRAIT);
        assertThat(phone.progress(session).json().path("current_step").path("technology").asString()).isEqualTo("LD");
    }

    @Test
    void theGatewaysNotFoundFailsTheAttempt() {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org(OrganizationStatus.PRODUCTION, ED);
        var flow = data.flow(org.organization().id(), ED);
        var session = new Http(port).postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flow.apiKey() + "\"}")
                .json().path("session_id").asString();
        var phone = new FlowBrowser(port);
        phone.start(session);
        GATEWAY.then(FakeGateway.status(404, "{\"code\":\"not_found\"}"));
        assertThat(phone.captures(session, EDocumentCapturesTests.ed("123456789012")).status()).isEqualTo(200);
        var step = sessions.get(org.organization().id(), UUID.fromString(session)).steps().getFirst();
        assertThat(step.result().path("failure_reason").path("type").asString()).isEqualTo("edocument_not_found");
        assertThat(step.result().path("sandbox").asBoolean()).isFalse();
    }

    private static FakeGateway start() {
        try {
            return new FakeGateway();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
