package io.kycflow.flow;

import java.util.List;
import java.util.UUID;

import io.kycflow.IntegrationTest;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static io.kycflow.support.KycAssertions.assertInvalid;
import static io.kycflow.support.TestData.json;
import static io.kycflow.technology.TechnologyCode.DR;
import static io.kycflow.technology.TechnologyCode.DSI;
import static io.kycflow.technology.TechnologyCode.DSN;
import static io.kycflow.technology.TechnologyCode.ED;
import static io.kycflow.technology.TechnologyCode.F2F;
import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flow requests checked by the real validator (catalog, subscriptions, schemas, real reference data); a refused
 * request stores nothing.
 */
@IntegrationTest
class FlowValidationTests {

    private static final String IDS = "request_data.technology_ids";

    @Autowired
    FlowService flows;
    @Autowired
    OrganizationService organizations;
    @Autowired
    TechnologyCatalog catalog;

    TestData data;
    UUID org;

    @BeforeEach
    void organization() {
        data = new TestData(organizations, flows, catalog);
        org = data.org().organization().id();
    }

    @AfterEach
    void nothingStoredByRefusedRequests() {
        assertThat(flows.list(org, 100, 0).results()).allSatisfy(f -> assertThat(f.name()).startsWith("ok-"));
    }

    @Test
    void faceMatchWithoutLivenessBeforeItIsRefused() {
        var e = assertInvalid(() -> flows.create(org, data.newFlow("f2f-first", null, null, DR, F2F, LD)), IDS);
        assertThat(e.getMessage()).contains("LD", "before F2F");
    }

    @Test
    void faceMatchWithoutDocumentOrEDocumentBeforeItIsRefused() {
        var e = assertInvalid(() -> flows.create(org, data.newFlow("no-reference", null, null, LD, F2F)), IDS);
        assertThat(e.getMessage()).contains("DR", "ED");
    }

    @Test
    void twoDigitalSignatureTechnologiesAreRefused() {
        var e = assertInvalid(() -> flows.create(org, data.newFlow("two-signatures", null, null, DSI, DSN)), IDS);
        assertThat(e.getMessage()).contains("at most one digital-signature");
    }

    @Test
    void validOrderWithEDocumentAsReferenceIsAccepted() {
        var flow = flows.create(org, data.newFlow("ok-" + TestData.unique(), null, null, ED, LD, F2F)).flow();
        assertThat(flow.technologyIds()).containsExactlyElementsOf(data.ids(ED, LD, F2F));
    }

    @Test
    void technologyWithoutSubscriptionIsRefused() {
        var limited = data.org(OrganizationStatus.TEST, LD).organization().id();
        var e = assertInvalid(() -> flows.create(limited, data.newFlow("unsubscribed", null, null, LD, DR)), IDS + "[1]");
        assertThat(e.getMessage()).contains("no subscription", "DR");
        assertThat(flows.list(limited, 10, 0).count()).isZero();
    }

    @Test
    void revokingASubscriptionDoesNotLockExistingFlowsButStopsNewUse() {
        var issued = data.org(OrganizationStatus.TEST, LD, DR);
        var orgId = issued.organization().id();
        var flow = flows.create(orgId, data.newFlow("ok-before-revoke", null, null, LD, DR)).flow();
        organizations.revoke(orgId, DR);
        var renamed = flows.update(orgId, new FlowPatch(flow.id(), "ok-renamed", null, null, null, null));
        assertThat(renamed.name()).isEqualTo("ok-renamed");
        var e = assertInvalid(() -> flows.create(orgId, data.newFlow("after-revoke", null, null, LD, DR)), IDS + "[1]");
        assertThat(e.getMessage()).contains("no subscription", "DR");
    }

    @Test
    void unknownTechnologyIdIsRefused() {
        var request = new NewFlow("unknown-tech", "x", List.of(catalog.get(LD).id(), UUID.randomUUID()), null, null);
        assertInvalid(() -> flows.create(org, request), IDS + "[1]");
    }

    @Test
    void unknownCountryIdIsRefusedAgainstTheRealCountryList() {
        var e = assertInvalid(() -> flows.create(org, data.newFlow("bad-country", null,
                "{\"doc_recognition_config\":{\"allowed_countries\":[398,999]}}", DR)),
                "doc_recognition_config.allowed_countries");
        assertThat(e.getMessage()).contains("999");
        var ok = flows.create(org, data.newFlow("ok-" + TestData.unique(), null,
                "{\"doc_recognition_config\":{\"allowed_countries\":[398,643],\"allowed_document_types\":[1,4]}}", DR)).flow();
        assertThat(ok.technologyConfigs().path("doc_recognition_config").path("allowed_countries").size()).isEqualTo(2);
    }

    @Test
    void configOfATechnologyNotInTheFlowIsRefused() {
        assertInvalid(() -> flows.create(org, data.newFlow("stray-config", null,
                "{\"face2face_config\":{\"threshold\":0.9}}", LD)), "request_data.technology_configs.face2face_config");
    }

    @Test
    void outOfRangeAndUnknownConfigFieldsAreRefusedThroughTheService() {
        assertInvalid(() -> flows.create(org, data.newFlow("eleven", null, "{\"liveness_config\":{\"max_attempts\":11}}", LD)),
                "liveness_config.max_attempts");
        assertInvalid(() -> flows.create(org, data.newFlow("bad-url", "{\"success_redirect_url\":\"ftp://x.example\"}", null, LD)),
                "flow_config.success_redirect_url");
        assertInvalid(() -> flows.create(org, data.newFlow("extra", "{\"theme\":\"dark\"}", null, LD)), "flow_config.theme");
    }

    @Test
    void fingerprintCheckKeepsASessionOnOneDeviceAndIsRefusedBesideTheHandOffOptions() {
        var alone = assertInvalid(() -> flows.create(org, data.newFlow("fp-default-qr", "{\"fingerprint_check\":true}", null, LD)),
                "flow_config.fingerprint_check");
        assertThat(alone.getMessage()).contains("show_qr: true", "set show_qr to false");
        var both = assertInvalid(() -> flows.create(org, data.newFlow("fp-mobile",
                "{\"fingerprint_check\":true,\"always_mobile\":true}", null, LD)), "flow_config.fingerprint_check");
        assertThat(both.getMessage()).contains("show_qr: true or always_mobile: true");
        var kept = flows.create(org, data.newFlow("ok-fp-" + TestData.unique(), "{\"fingerprint_check\":true,\"show_qr\":false}", null, LD)).flow();
        assertThat(kept.flowConfig().path("fingerprint_check").asBoolean()).isTrue();

        var open = flows.create(org, data.newFlow("ok-open-" + TestData.unique(), null, null, LD)).flow();
        assertInvalid(() -> flows.update(org, new FlowPatch(open.id(), null, null, null, json("{\"fingerprint_check\":true}"), null)),
                "flow_config.fingerprint_check");
        var patched = flows.update(org, new FlowPatch(open.id(), null, null, null,
                json("{\"fingerprint_check\":true,\"show_qr\":false}"), null));
        assertThat(patched.flowConfig().path("show_qr").asBoolean()).isFalse();
    }

    @Test
    void validationTellsWhichTechnologiesWouldGetDefaults() {
        var draft = flows.validate(org, data.newFlow("draft", null, "{\"liveness_config\":{}}", LD, DR, F2F));
        assertThat(draft.withoutConfig()).extracting(t -> t.code()).containsExactly(DR, F2F);
        assertThat(draft.technologyConfigs().path("face2face_config").path("threshold").asDouble()).isEqualTo(0.85);
        assertThat(flows.list(org, 10, 0).count()).as("validate stores nothing").isZero();
    }

    @Test
    void requestDataIsReadStrictly() {
        assertInvalid(() -> NewFlow.from(json("{\"name\":\"x\",\"technology_ids\":[],\"color\":\"red\"}")), "request_data.color");
        assertInvalid(() -> NewFlow.from(json("{\"name\":\"x\",\"technology_ids\":[]}")), "request_data.technology_ids");
        assertInvalid(() -> NewFlow.from(json("{\"name\":\"x\",\"technology_ids\":[\"1-1-1-1-1\"]}")),
                "request_data.technology_ids[0]");
        var ld = catalog.get(LD).id();
        assertInvalid(() -> NewFlow.from(json("{\"name\":\"x\",\"technology_ids\":[\"" + ld + "\",\"" + ld + "\"]}")),
                "request_data.technology_ids");
    }
}
