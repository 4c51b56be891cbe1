package io.kycflow.remote;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import io.kycflow.IntegrationTest;
import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.session.SessionService;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.verification.internal.signature.TestPki;
import io.kycflow.support.Multipart;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static io.kycflow.technology.TechnologyCode.DSN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PRODUCTION digital-signature step through the captures endpoint: the person signs the documented challenge
 * (docs/integration/digital-signature.md), sends it as {@code signed_file} (base64 text, as signing tools hand it
 * back), and the real engine verifies it against the flow's CA with OCSP from a local responder.
 */
@IntegrationTest
class SignedFileCapturesTests {

    static TestPki pki;

    @LocalServerPort int port;
    @Autowired OrganizationService organizations;
    @Autowired FlowService flows;
    @Autowired TechnologyCatalog catalog;
    @Autowired SessionService sessions;

    @BeforeAll
    static void ca() throws Exception {
        pki = new TestPki("kycflow captures test root");
    }

    @AfterAll
    static void stop() {
        pki.close();
    }

    @Test
    void aProductionSessionIsFinishedByASignatureOfItsChallengeAndAnotherSessionsSignatureFails() throws Exception {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org(OrganizationStatus.PRODUCTION, DSN);
        var config = JsonMapper.shared().createObjectNode().put("trusted_ca_certificates", pki.caPem())
                .put("ocsp_url", pki.url("/ocsp")).put("signature_format", "CMS_ATTACHED");
        var flow = data.flow(org.organization().id(), null, "{\"digital_signature_config\":" + config + "}", DSN);
        var http = new Http(port);
        var session = http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flow.apiKey() + "\"}").json()
                .path("session_id").asString();
        var phone = new FlowBrowser(port);
        phone.start(session);
        var signer = pki.signer("CN=ASEL NURLANOVNA,SERIALNUMBER=IIN900101300001,O=Example LLP,C=KZ", KeyUsage.nonRepudiation);

        var elsewhere = TestPki.sign(signer, challenge(UUID.randomUUID().toString()), true, Instant.now());
        assertThat(phone.captures(session, file(elsewhere)).status()).isEqualTo(200);
        var failed = sessions.get(org.organization().id(), UUID.fromString(session)).steps().getFirst();
        assertThat(failed.result().path("failure_reason").path("type").asString()).isEqualTo("content_mismatch");

        var base64 = Base64.getEncoder().encode(TestPki.sign(signer, challenge(session), true, Instant.now()));
        var answer = phone.captures(session, file(base64));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("status").asString()).isEqualTo("FINISHED");
        var block = sessions.get(org.organization().id(), UUID.fromString(session)).steps().getFirst().result();
        assertThat(block.path("provider").asString()).isEqualTo("kycflow-cms");
        assertThat(block.path("signer").path("iin").asString()).isEqualTo("900101300001");
        assertThat(block.path("signer").path("organization").asString()).isEqualTo("Example LLP");
        assertThat(block.path("revocation").asString()).isEqualTo("good");
    }

    /** The documented challenge text, spelled out here so that a change to it breaks this test. */
    private static byte[] challenge(String sessionId) {
        return ("kycflow digital signature for session " + sessionId).getBytes(StandardCharsets.UTF_8);
    }

    private static Multipart file(byte[] bytes) {
        return new Multipart().text("technology", "DSN").file("signed_file", "application/pkcs7-signature", bytes);
    }
}
