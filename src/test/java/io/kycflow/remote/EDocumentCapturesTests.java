package io.kycflow.remote;

import java.util.UUID;

import io.kycflow.IntegrationTest;
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
import io.kycflow.support.Multipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

import static io.kycflow.technology.TechnologyCode.ED;
import static io.kycflow.technology.TechnologyCode.F2F;
import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ED through the captures endpoint on the shared context, which has no e-document gateway configured: the sandbox
 * provider's test identities for a TEST organization, and {@code engine_unavailable} for PRODUCTION.
 */
@IntegrationTest
class EDocumentCapturesTests {

    @LocalServerPort int port;
    @Autowired OrganizationService organizations;
    @Autowired FlowService flows;
    @Autowired TechnologyCatalog catalog;
    @Autowired SessionService sessions;
    @Autowired MediaService media;

    TestData data;
    Http http;

    @BeforeEach
    void setUp() {
        data = new TestData(organizations, flows, catalog);
        http = new Http(port);
    }

    @Test
    void aSandboxTestIdentityIsFetchedByIinAndItsPortraitKeptForF2f() {
        var org = data.org();
        var flow = data.flow(org.organization().id(), null, "{\"edocument_config\":{\"document_type\":\"DriverLicense\"}}", ED, LD, F2F);
        var session = session(flow.apiKey());
        var phone = new FlowBrowser(port);
        phone.start(session);

        var answer = phone.captures(session, new Multipart().text("technology", "ED").text("iin", "850615400002"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);

        var block = step(org.organization().id(), session);
        assertThat(block.path("result").asBoolean()).isTrue();
        assertThat(block.path("sandbox").asBoolean()).isTrue();
        assertThat(block.path("provider").asString()).isEqualTo("kycflow-sandbox");
        assertThat(block.path("document_type").asString()).isEqualTo("DriverLicense");
        assertThat(block.path("person").path("given_names").asString()).isEqualTo("AIGERIM");
        assertThat(block.path("person").path("birth_date").asString()).isEqualTo("1985-06-15");
        assertThat(media.ofSession(UUID.fromString(session))).extracting(MediaRef::kind)
                .as("the portrait is kept as the reference face; the IIN is not media").containsExactly(MediaKind.DOCUMENT_PORTRAIT);
        var light = http.get("/api/v1/flows/session/result/light/?session_id=" + session + "&flow_api_key=" + flow.apiKey());
        assertThat(light.status()).as(light.body()).isEqualTo(200);
        assertThat(light.json().path("edocument_result").path("media").get(0).path("kind").asString())
                .as("a reviewer sees the e-document photo F2F will compare").isEqualTo("document_portrait");
        assertThat(light.body()).doesNotContain("850615400002");
    }

    @Test
    void withoutAnIinTheSandboxAnswersWithTheIdentityThePageShows() {
        var org = data.org();
        var session = session(data.flow(org.organization().id(), ED).apiKey());
        var phone = new FlowBrowser(port);
        phone.start(session);
        var answer = phone.captures(session, "?technology=ED", new Multipart().text("technology", "ED"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var block = step(org.organization().id(), session);
        assertThat(block.path("person").path("surname").asString()).isEqualTo("SANDBOX");
        assertThat(block.path("person").path("given_names").asString()).isEqualTo("TEST PERSON");
        assertThat(block.path("person").path("birth_date").asString()).isEqualTo("1990-01-01");
    }

    @Test
    void unknownIdentitiesMissingDocumentsAndDeclinedConsentFailWithTheirCodes() {
        var org = data.org();
        var flow = data.flow(org.organization().id(), null, "{\"edocument_config\":{\"document_type\":\"Passport\",\"max_retry_attempts\":5}}", ED);
        var session = session(flow.apiKey());
        var phone = new FlowBrowser(port);
        phone.start(session);

        assertThat(phone.captures(session, ed("123456789012")).status()).isEqualTo(200);
        assertThat(step(org.organization().id(), session).path("failure_reason").path("type").asString()).isEqualTo("edocument_not_found");
        phone.captures(session, ed("850615400002")); // a test identity without a passport
        assertThat(step(org.organization().id(), session).path("failure_reason").path("type").asString()).isEqualTo("edocument_not_found");
        phone.captures(session, ed("770707300003"));
        assertThat(step(org.organization().id(), session).path("failure_reason").path("type").asString()).isEqualTo("consent_declined");
        phone.captures(session, ed("660606300004"));
        var unavailable = step(org.organization().id(), session);
        assertThat(unavailable.path("failure_reason").path("type").asString()).isEqualTo("edocument_unavailable");
        assertThat(unavailable.path("person").isNull()).isTrue();

        phone.captures(session, ed("550505300006"));
        var expired = step(org.organization().id(), session);
        assertThat(expired.path("failure_reason").path("type").asString()).isEqualTo("edocument_expired");
        assertThat(expired.path("person").path("given_names").asString()).as("who it was, for the reviewer").isEqualTo("EXPIRED");

        phone.captures(session, ed("900101300001"));
        assertThat(step(org.organization().id(), session).path("result").asBoolean()).isTrue();
        assertThat(sessions.get(org.organization().id(), UUID.fromString(session)).steps().getFirst().attempts()).isEqualTo(6);
    }

    @Test
    void aMalformedIinOrAnIinForAnotherStepIsRefusedAndCostsNoAttempt() {
        var org = data.org();
        var session = session(data.flow(org.organization().id(), ED, LD, F2F).apiKey());
        var phone = new FlowBrowser(port);
        phone.start(session);
        phone.captures(session, ed("12345")).assertProblem(400, "validation_failed");
        phone.captures(session, ed("12345678901x")).assertProblem(400, "validation_failed");
        assertThat(sessions.get(org.organization().id(), UUID.fromString(session)).steps().getFirst().attempts()).isZero();
        phone.captures(session, ed("900101300001"));
        phone.captures(session, CapturesApiContract.ldBurst(1).text("iin", "900101300001")).assertProblem(400, "unexpected_part");
    }

    @Test
    void aProductionEdStepIsRefusedWhileNoGatewayIsConfigured() {
        var org = data.org(OrganizationStatus.PRODUCTION, ED, LD, F2F);
        var session = session(data.flow(org.organization().id(), ED, LD, F2F).apiKey());
        var phone = new FlowBrowser(port);
        phone.start(session);
        var refused = phone.captures(session, ed("900101300001")).assertProblem(409, "engine_unavailable");
        assertThat(refused.path("detail").asString()).contains("ED");
        assertThat(sessions.get(org.organization().id(), UUID.fromString(session)).steps().getFirst().attempts()).isZero();
    }

    static Multipart ed(String iin) {
        return new Multipart().text("technology", "ED").text("iin", iin);
    }

    private String session(String apiKey) {
        var created = http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + apiKey + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("session_id").asString();
    }

    private ObjectNode step(UUID organizationId, String session) {
        return sessions.get(organizationId, UUID.fromString(session)).steps().getFirst().result();
    }
}
