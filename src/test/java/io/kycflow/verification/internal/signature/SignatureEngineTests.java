package io.kycflow.verification.internal.signature;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kycflow.IntegrationTest;
import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.session.SessionService;
import io.kycflow.session.SessionStatus;
import io.kycflow.shared.KycException;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.Capture;
import io.kycflow.verification.EngineInput;
import io.kycflow.verification.EngineVerdict;
import io.kycflow.verification.StepVerifier;
import io.kycflow.verification.VerificationEngines;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.kycflow.technology.TechnologyCode.DSI;
import static io.kycflow.technology.TechnologyCode.DSN;
import static io.kycflow.technology.TechnologyCode.DSS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The digital-signature engine on PKIs made at test time: every verdict goes through {@link VerificationEngines}
 * (which holds the block to the declared result schema), configs are validated by the flow service as a Cabinet-built
 * flow's would be, revocation is asked over HTTP from a local OCSP responder and CRL server.
 */
@IntegrationTest
class SignatureEngineTests {

    private static final String PERSON = "CN=ASEL NURLANOVNA,SERIALNUMBER=IIN900101300001,O=Example LLP,OU=BIN120340005678,C=KZ";
    private static final int SIGN = KeyUsage.digitalSignature;
    private static final int COMMIT = KeyUsage.nonRepudiation;

    static TestPki pki;
    static TestPki foreign;

    @Autowired VerificationEngines engines;
    @Autowired OrganizationService organizations;
    @Autowired FlowService flows;
    @Autowired TechnologyCatalog catalog;
    @Autowired SessionService sessions;
    @Autowired StepVerifier steps;

    @BeforeAll
    static void pkis() throws Exception {
        pki = new TestPki("kycflow test root");
        foreign = new TestPki("someone else's root");
    }

    @AfterAll
    static void stop() {
        pki.close();
        foreign.close();
    }

    @Test
    void aProductionSessionIsFinishedByAValidDetachedSignatureCheckedByOcsp() throws Exception {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org(OrganizationStatus.PRODUCTION, DSI);
        var flow = data.flow(org.organization().id(), null, "{\"digital_signature_config\":" + config("\"ocsp_url\":\"" + pki.url("/ocsp") + "\"") + "}", DSI);
        var session = sessions.create(flow.flow(), null);
        var signer = pki.signer(PERSON, SIGN);
        int asked = pki.ocspRequests.get();

        var after = steps.submit(session, DSI, List.of(new Capture("signed_file", "application/pkcs7-signature",
                TestPki.sign(signer, SignatureEngine.challenge(session.id()), false, Instant.now()))), null);

        assertThat(after.status()).isEqualTo(SessionStatus.FINISHED);
        var block = after.steps().getFirst().result();
        assertThat(block.path("signature_valid").asBoolean()).isTrue();
        assertThat(block.path("revocation").asString()).isEqualTo("good");
        assertThat(block.path("sandbox").asBoolean()).isFalse();
        assertThat(block.path("signer").path("iin").asString()).isEqualTo("900101300001");
        assertThat(block.path("signer").path("common_name").asString()).isEqualTo("ASEL NURLANOVNA");
        assertThat(block.path("signer").path("organization").isNull()).as("DSI identifies a person only").isTrue();
        assertThat(block.path("certificate").path("qualified").asBoolean()).isTrue();
        assertThat(block.path("certificate").path("serial_number").asString()).isEqualTo(signer.certificate().getSerialNumber().toString(16));
        assertThat(pki.ocspRequests.get()).isGreaterThan(asked);
    }

    @Test
    void anAttachedDocumentSignatureIsCheckedByCrlAndNamesTheOrganization() throws Exception {
        var signer = pki.signer(PERSON, COMMIT);
        int fetched = pki.crlRequests.get();
        var verdict = verify(DSN, config("\"signature_format\":\"CMS_ATTACHED\",\"crl_url\":\"" + pki.url("/ca.crl") + "\""),
                id -> TestPki.sign(signer, SignatureEngine.challenge(id), true, Instant.now()));
        assertThat(verdict.passed()).as(verdict.result().toString()).isTrue();
        assertThat(verdict.result().path("signer").path("organization").asString()).isEqualTo("Example LLP");
        assertThat(verdict.result().path("signer").path("organization_id").asString()).isEqualTo("120340005678");
        assertThat(pki.crlRequests.get()).isGreaterThan(fetched);
    }

    @Test
    void revokedCertificatesFailByOcspAndByCrlWhenOcspGivesNoUsableAnswer() throws Exception {
        var signer = pki.signer(PERSON, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(90)), SIGN, true, true);
        pki.revoked.add(signer.certificate().getSerialNumber());
        // no source in the flow: the certificate's own AIA (OCSP) and distribution point (CRL) are used
        var byOcsp = verify(DSI, config("\"check_revocation\":true"), id -> TestPki.sign(signer, SignatureEngine.challenge(id), false, Instant.now()));
        assertFailure(byOcsp, "certificate_revoked");
        assertThat(byOcsp.result().path("revocation").asString()).isEqualTo("revoked");

        pki.ocspBroken = true;
        try {
            int fetched = pki.crlRequests.get();
            var byCrl = verify(DSI, config("\"check_revocation\":true"), id -> TestPki.sign(signer, SignatureEngine.challenge(id), false, Instant.now()));
            assertFailure(byCrl, "certificate_revoked");
            assertThat(pki.crlRequests.get()).isGreaterThan(fetched);
        } finally {
            pki.ocspBroken = false;
        }
    }

    @Test
    void aStaleOcspAnswerIsNoAnswer() throws Exception {
        var signer = pki.signer(PERSON, SIGN);
        pki.ocspStale = true;
        try {
            var verdict = verify(DSI, config("\"ocsp_url\":\"" + pki.url("/ocsp") + "\""),
                    id -> TestPki.sign(signer, SignatureEngine.challenge(id), false, Instant.now()));
            assertFailure(verdict, "revocation_unknown");
        } finally {
            pki.ocspStale = false;
        }
    }

    @Test
    void anUnreachableRevocationSourceIsUnknownNeverGood() throws Exception {
        var signer = pki.signer(PERSON, SIGN); // no AIA: only the flow's (dead) responder
        var verdict = verify(DSI, config("\"ocsp_url\":\"http://127.0.0.1:9/ocsp\""),
                id -> TestPki.sign(signer, SignatureEngine.challenge(id), false, Instant.now()));
        assertFailure(verdict, "revocation_unknown");
        assertThat(verdict.result().path("revocation").asString()).isEqualTo("unknown");
    }

    @Test
    void expiredAndNotYetValidCertificatesFail() throws Exception {
        var expired = pki.signer(PERSON, Instant.now().minus(Duration.ofDays(400)), Instant.now().minus(Duration.ofDays(1)), SIGN, true, false);
        assertFailure(verify(DSI, config(""), id -> TestPki.sign(expired, SignatureEngine.challenge(id), false, Instant.now())),
                "certificate_expired");
        assertFailure(verify(DSI, config(""), id -> TestPki.sign(expired, SignatureEngine.challenge(id), false,
                Instant.now().minus(Duration.ofDays(10)))), "certificate_expired");
        var future = pki.signer(PERSON, Instant.now().plus(Duration.ofDays(2)), Instant.now().plus(Duration.ofDays(400)), SIGN, true, false);
        assertFailure(verify(DSI, config(""), id -> TestPki.sign(future, SignatureEngine.challenge(id), false, Instant.now())),
                "certificate_expired");
    }

    @Test
    void eachVariantDemandsItsKeyUsage() throws Exception {
        var signingOnly = pki.signer(PERSON, SIGN);
        var commitOnly = pki.signer(PERSON, COMMIT);
        var encipherOnly = pki.signer(PERSON, KeyUsage.keyEncipherment);
        assertFailure(verify(DSN, config(""), id -> TestPki.sign(signingOnly, SignatureEngine.challenge(id), false, Instant.now())), "key_usage_invalid");
        assertFailure(verify(DSI, config(""), id -> TestPki.sign(commitOnly, SignatureEngine.challenge(id), false, Instant.now())), "key_usage_invalid");
        assertFailure(verify(DSS, config(""), id -> TestPki.sign(encipherOnly, SignatureEngine.challenge(id), false, Instant.now())), "key_usage_invalid");
        assertThat(verify(DSS, config(""), id -> TestPki.sign(commitOnly, SignatureEngine.challenge(id), false, Instant.now())).passed()).isTrue();
    }

    @Test
    void dssNeedsAnOrganizationAndDsiAnIndividual() throws Exception {
        var person = pki.signer("CN=ASEL NURLANOVNA,SERIALNUMBER=IIN900101300001,C=KZ", SIGN);
        var service = pki.signer("CN=signing service,O=Example LLP,OU=BIN120340005678,C=KZ", SIGN);
        assertFailure(verify(DSS, config(""), id -> TestPki.sign(person, SignatureEngine.challenge(id), false, Instant.now())), "signer_identity_missing");
        assertFailure(verify(DSI, config(""), id -> TestPki.sign(service, SignatureEngine.challenge(id), false, Instant.now())), "signer_identity_missing");
        var passed = verify(DSS, config(""), id -> TestPki.sign(service, SignatureEngine.challenge(id), false, Instant.now()));
        assertThat(passed.passed()).isTrue();
        assertThat(passed.result().path("signer").path("organization_id").asString()).isEqualTo("120340005678");
    }

    @Test
    void untrustedIssuersAndFlowsTrustingNobodyFail() throws Exception {
        var stranger = foreign.signer(PERSON, SIGN);
        assertFailure(verify(DSI, config(""), id -> TestPki.sign(stranger, SignatureEngine.challenge(id), false, Instant.now())), "certificate_untrusted");
        var ours = pki.signer(PERSON, SIGN);
        var nobody = "{\"check_revocation\":false,\"trusted_ca_certificates\":\"\"}";
        assertFailure(verify(DSI, nobody, id -> TestPki.sign(ours, SignatureEngine.challenge(id), false, Instant.now())), "certificate_untrusted");
    }

    @Test
    void signaturesOverAnythingButThisSessionsChallengeFail() throws Exception {
        var signer = pki.signer(PERSON, SIGN);
        var otherSession = SignatureEngine.challenge(UUID.randomUUID());
        assertFailure(verify(DSI, config(""), id -> TestPki.sign(signer, otherSession, false, Instant.now())), "signature_invalid");
        assertFailure(verify(DSI, config("\"signature_format\":\"CMS_ATTACHED\""), id -> TestPki.sign(signer, otherSession, true, Instant.now())),
                "content_mismatch");
        assertFailure(verify(DSI, config(""), id -> TestPki.sign(signer, SignatureEngine.challenge(id), true, Instant.now())),
                "unsupported_format");
        assertFailure(verify(DSI, config(""), id -> "-----BEGIN PKCS7-----\nnot really\n".getBytes()), "unsupported_format");
        var pem = verify(DSI, config(""), id -> ("-----BEGIN PKCS7-----\n" + java.util.Base64.getMimeEncoder().encodeToString(
                TestPki.sign(signer, SignatureEngine.challenge(id), false, Instant.now())) + "\n-----END PKCS7-----\n").getBytes());
        assertThat(pem.passed()).as("PEM is read as the DER inside").isTrue();
        assertFailure(verify(DSI, config(""), id -> TestPki.sign(signer, SignatureEngine.challenge(id), false,
                Instant.now().plus(Duration.ofHours(1)))), "signature_invalid");
    }

    @Test
    void aQualifiedCertificateIsRequiredUnlessTheFlowSaysOtherwise() throws Exception {
        var plain = pki.signer(PERSON, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)), SIGN, false, false);
        assertFailure(verify(DSI, config(""), id -> TestPki.sign(plain, SignatureEngine.challenge(id), false, Instant.now())), "certificate_not_qualified");
        var relaxed = verify(DSI, config("\"require_qualified_certificate\":false"), id -> TestPki.sign(plain, SignatureEngine.challenge(id), false, Instant.now()));
        assertThat(relaxed.passed()).isTrue();
        assertThat(relaxed.result().path("certificate").path("qualified").asBoolean()).isFalse();
    }

    @Test
    void theFlowServiceRefusesBadRevocationSources() {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org(OrganizationStatus.PRODUCTION, DSI);
        assertThatThrownBy(() -> data.flow(org.organization().id(), null,
                "{\"digital_signature_config\":{\"ocsp_url\":\"ldap://ca.example/ocsp\"}}", DSI))
                .isInstanceOf(KycException.class).hasMessageContaining("digital_signature_config.ocsp_url");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    interface Signing {
        byte[] sign(UUID sessionId) throws Exception;
    }

    /** The flow's config as the Cabinet would save it: trusting the test CA; OCSP/CRL off unless the extras say so. */
    private static String config(String extras) throws Exception {
        var json = JsonMapper.shared().createObjectNode();
        json.put("trusted_ca_certificates", pki.caPem());
        json.put("check_revocation", extras.contains("_url"));
        json.setAll((tools.jackson.databind.node.ObjectNode) JsonMapper.shared().readTree("{" + extras + "}"));
        return json.toString();
    }

    private EngineVerdict verify(TechnologyCode code, String config, Signing signing) throws Exception {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org(OrganizationStatus.PRODUCTION, code);
        var flow = data.flow(org.organization().id(), null, "{\"digital_signature_config\":" + config + "}", code);
        JsonNode resolved = flow.flow().technologyConfigs().path("digital_signature_config");
        var sessionId = UUID.randomUUID();
        return engines.verify(false, new EngineInput(sessionId, code, resolved,
                List.of(new Capture("signed_file", "application/pkcs7-signature", signing.sign(sessionId))), Map.of(), null));
    }

    private static void assertFailure(EngineVerdict verdict, String code) {
        assertThat(verdict.passed()).as(verdict.result().toString()).isFalse();
        assertThat(verdict.failure().type()).as(verdict.result().toString()).isEqualTo(code);
        assertThat(verdict.result().path("failure_reason").path("type").asString()).isEqualTo(code);
    }
}
