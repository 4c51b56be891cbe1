package io.kycflow.verification.internal.signature;

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
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.Capture;
import io.kycflow.verification.EngineInput;
import io.kycflow.verification.EngineVerdict;
import io.kycflow.verification.SandboxVerifier;
import io.kycflow.verification.SessionFacts;
import io.kycflow.verification.StepVerifier;
import io.kycflow.verification.VerificationEngines;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static io.kycflow.technology.TechnologyCode.DSI;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code digital_signature_config.signer_identity}: the signer must be the session's person (by the IIN in the
 * session's metadata, or as the person of its e-document step), or the attempt fails with {@code signer_mismatch}; the same
 * in the real engine and in the sandbox.
 */
@IntegrationTest
class SignerIdentityTests {

    private static final String IIN = "900101300001";
    private static final String PERSON = "CN=ASEL NURLANOVNA,SERIALNUMBER=IIN" + IIN + ",C=KZ";

    static TestPki pki;

    @Autowired VerificationEngines engines;
    @Autowired OrganizationService organizations;
    @Autowired FlowService flows;
    @Autowired TechnologyCatalog catalog;
    @Autowired SessionService sessions;
    @Autowired StepVerifier steps;
    @Autowired SandboxVerifier sandbox;

    @BeforeAll
    static void ca() throws Exception {
        pki = new TestPki("kycflow signer root");
    }

    @AfterAll
    static void stop() {
        pki.close();
    }

    @Test
    void withSessionIinOnlyThePersonTheMetadataNamesMaySign() throws Exception {
        var flow = flow(OrganizationStatus.PRODUCTION, "\"signer_identity\":\"SESSION_IIN\",\"signer_iin_metadata_key\":\"person_iin\"");
        var same = signIn(sessions.create(flow, json("{\"person_iin\":\"" + IIN + "\"}")));
        assertThat(same.status()).as(same.steps().getFirst().result().toString()).isEqualTo(SessionStatus.FINISHED);

        var other = signIn(sessions.create(flow, json("{\"person_iin\":\"880202400002\"}")));
        assertMismatch(other, "another person");

        var missing = signIn(sessions.create(flow, json("{\"iin\":\"" + IIN + "\"}"))); // not under the configured key
        assertMismatch(missing, "person_iin");
    }

    @Test
    void withEdPersonTheSignerMustBeThePersonOfTheEDocumentStep() throws Exception {
        var config = config("\"signer_identity\":\"ED_PERSON\"");
        assertThat(verify(config, edPassed("Nurlanovna", "Asel Bolatovna", "1990-01-01")).passed()).isTrue();
        var otherName = verify(config, edPassed("SEITKALI", "ASEL", "1990-01-01"));
        assertThat(otherName.failure().type()).isEqualTo("signer_mismatch");
        assertThat(otherName.failure().detail()).contains("another person");
        var otherBirth = verify(config, edPassed("NURLANOVNA", "ASEL", "1990-01-02"));
        assertThat(otherBirth.failure().type()).as("the IIN encodes 1990-01-01").isEqualTo("signer_mismatch");
        var none = verify(config, SessionFacts.NONE);
        assertThat(none.failure().type()).isEqualTo("signer_mismatch");
        assertThat(none.failure().detail()).contains("e-document step");
    }

    @Test
    void anIinEncodesItsHoldersBirthDate() {
        assertThat(SignerCheck.birthDate("900101300001")).hasToString("1990-01-01");
        assertThat(SignerCheck.birthDate("050607500001")).hasToString("2005-06-07");
        assertThat(SignerCheck.birthDate("901301300001")).isNull();
        assertThat(SignerCheck.birthDate("900101900001")).isNull();
    }

    @Test
    void anyStaysTheDefaultAndAcceptsWhoeverTheAuthorityVouchesFor() throws Exception {
        var config = config("");
        assertThat(JsonMapper.shared().readTree(config).has("signer_identity")).isFalse();
        assertThat(verify(config, edPassed("SOMEONE", "ELSE", "1970-01-01")).passed()).isTrue();
    }

    @Test
    void theSandboxHonoursTheRuleToo() {
        var flow = flow(OrganizationStatus.TEST, "\"signer_identity\":\"SESSION_IIN\"");
        var passed = sandbox.complete(sessions.create(flow, json("{\"iin\":\"880202400002\"}")), true);
        assertThat(passed.status()).isEqualTo(SessionStatus.FINISHED);
        assertThat(passed.steps().getFirst().result().path("signer").path("iin").asString()).isEqualTo("880202400002");
        var missing = sandbox.complete(sessions.create(flow, null), true);
        assertThat(missing.status()).isEqualTo(SessionStatus.FAILED);
        assertThat(missing.steps().getFirst().failureReason().type()).isEqualTo("signer_mismatch");

        var data = new TestData(organizations, flows, catalog);
        var org = data.org(OrganizationStatus.TEST, TechnologyCode.ED, DSI);
        var afterEd = data.flow(org.organization().id(), null, "{\"digital_signature_config\":"
                + config("\"signer_identity\":\"ED_PERSON\"") + "}", TechnologyCode.ED, DSI).flow();
        var signed = sandbox.complete(sessions.create(afterEd, null), true);
        assertThat(signed.status()).as(signed.toString()).isEqualTo(SessionStatus.FINISHED);
        var person = signed.steps().getFirst().result().path("person");
        var signer = signed.steps().get(1).result().path("signer");
        assertThat(signer.path("common_name").asString()).contains(person.path("surname").asString());
        assertThat(SignerCheck.birthDate(signer.path("iin").asString())).hasToString(person.path("birth_date").asString());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private io.kycflow.flow.Flow flow(OrganizationStatus status, String extras) {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org(status, DSI);
        try {
            return data.flow(org.organization().id(), null, "{\"digital_signature_config\":" + config(extras) + "}", DSI).flow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private io.kycflow.session.Session signIn(io.kycflow.session.Session session) throws Exception {
        var signer = pki.signer(PERSON, KeyUsage.digitalSignature);
        return steps.submit(session, DSI, List.of(new Capture("signed_file", "application/pkcs7-signature",
                TestPki.sign(signer, SignatureEngine.challenge(session.id()), false, Instant.now()))), null);
    }

    private EngineVerdict verify(String config, SessionFacts facts) throws Exception {
        var signer = pki.signer(PERSON, KeyUsage.digitalSignature);
        var sessionId = UUID.randomUUID();
        var resolved = catalog.get(DSI).configSchema().resolve(JsonMapper.shared().readTree(config), (reference, id) -> true);
        return engines.verify(false, new EngineInput(sessionId, DSI, resolved, List.of(new Capture("signed_file",
                "application/pkcs7-signature", TestPki.sign(signer, SignatureEngine.challenge(sessionId), false, Instant.now()))),
                Map.of(), null, facts));
    }

    private static SessionFacts edPassed(String surname, String givenNames, String birthDate) {
        return new SessionFacts(null, Map.of(TechnologyCode.ED, json("{\"person\":{\"surname\":\"" + surname
                + "\",\"given_names\":\"" + givenNames + "\",\"birth_date\":\"" + birthDate + "\"}}")));
    }

    private static void assertMismatch(io.kycflow.session.Session session, String detail) {
        var step = session.steps().getFirst();
        assertThat(step.result().path("failure_reason").path("type").asString()).as(step.result().toString()).isEqualTo("signer_mismatch");
        assertThat(step.result().path("failure_reason").path("detail").asString()).contains(detail);
        assertThat(step.result().path("signer").path("iin").asString()).as("who signed, for the reviewer").isEqualTo(IIN);
    }

    /** Trusting the test CA, no revocation check (the engine's own tests cover it). */
    private static String config(String extras) {
        try {
            return "{\"check_revocation\":false,\"trusted_ca_certificates\":" + JsonMapper.shared().writeValueAsString(pki.caPem())
                    + (extras.isEmpty() ? "" : "," + extras) + "}";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObjectNode json(String text) {
        return (ObjectNode) JsonMapper.shared().readTree(text);
    }
}
