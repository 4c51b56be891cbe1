package io.kycflow;

import java.util.UUID;

import io.kycflow.flow.Flow;
import io.kycflow.flow.IssuedFlow;
import io.kycflow.flow.FlowPatch;
import io.kycflow.flow.FlowService;
import io.kycflow.organization.IssuedOrganization;
import io.kycflow.organization.OrganizationService;
import io.kycflow.review.ReviewService;
import io.kycflow.session.AttemptOutcome;
import io.kycflow.session.Session;
import io.kycflow.session.SessionService;
import io.kycflow.session.SessionStatus;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.kycflow.support.KycAssertions.assertNotFound;
import static io.kycflow.support.TestData.json;
import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organization A's keys never reach organization B's flows or sessions, through any service or endpoint built so
 * far: another tenant's object is simply "not found" (never "forbidden", which would confirm it exists).
 */
@IntegrationTest
class TenancyTests {

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
    ReviewService reviews;
    @Autowired
    TechnologyCatalog catalog;

    Http http;
    IssuedOrganization orgA;
    IssuedOrganization orgB;
    IssuedFlow flowA;
    IssuedFlow flowB;
    Session sessionA;
    Session sessionB;

    @BeforeEach
    void twoTenants() {
        http = new Http(port);
        var data = new TestData(organizations, flows, catalog);
        orgA = data.org();
        orgB = data.org();
        flowA = data.flow(orgA.organization().id(), LD);
        flowB = data.flow(orgB.organization().id(), LD);
        sessionA = sessions.create(flowA.flow(), null);
        sessionB = sessions.create(flowB.flow(), null);
    }

    @Test
    void flowKeyOfAReadsNoSessionOfB() {
        http.get(LIGHT + Http.query("session_id", sessionB.id().toString(), "flow_api_key", flowA.apiKey()))
                .assertProblem(404, "session_not_found");
        http.get(LIGHT + Http.query("session_id", sessionA.id().toString(), "flow_api_key", flowB.apiKey()))
                .assertProblem(404, "session_not_found");
    }

    @Test
    void organizationKeyOfAIsNeitherAFlowKeyNorAnAdminKey() {
        http.get(LIGHT + Http.query("session_id", sessionA.id().toString(), "flow_api_key", orgA.apiKey()))
                .assertProblem(401, "invalid_flow_api_key");
        http.get(LIGHT + Http.query("session_id", sessionB.id().toString(), "flow_api_key", orgA.apiKey()))
                .assertProblem(401, "invalid_flow_api_key");
        http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + orgA.apiKey() + "\"}")
                .assertProblem(401, "invalid_flow_api_key");
        http.get("/api/v1/admin/organizations/" + orgB.organization().id(), "Authorization", "Bearer " + orgA.apiKey())
                .assertProblem(401, "invalid_admin_key");
        assertThat(flows.findByApiKey(orgA.apiKey())).isEmpty();
        assertThat(organizations.authenticate(flowA.apiKey())).isEmpty();
    }

    @Test
    void flowOfAIsNotFoundForB() {
        var b = orgB.organization().id();
        assertNotFound(() -> flows.get(b, flowA.flow().id()), "flow_not_found");
        assertNotFound(() -> flows.update(b, FlowPatch.from(json("{\"flow_id\":\"" + flowA.flow().id() + "\",\"display_name\":\"hijacked\"}"))),
                "flow_not_found");
        assertThat(flows.get(orgA.organization().id(), flowA.flow().id()).displayName()).isEqualTo(flowA.flow().displayName());
        assertThat(flows.list(b, 100, 0).results()).extracting(Flow::id).containsExactly(flowB.flow().id());
    }

    @Test
    void sessionOfAIsNotFoundForB() {
        var b = orgB.organization().id();
        assertNotFound(() -> sessions.get(b, sessionA.id()), "session_not_found");
        assertNotFound(() -> sessions.getForFlow(flowB.flow().id(), sessionA.id()), "session_not_found");
        assertThat(sessions.get(orgA.organization().id(), sessionA.id()).id()).isEqualTo(sessionA.id());
    }

    @Test
    void reviewsOfAsSessionAreNotFoundForB() {
        var a = orgA.organization().id();
        var b = orgB.organization().id();
        reviews.addMessage(a, sessionA.id(), "looks fine", "key:aaaa");

        assertNotFound(() -> reviews.list(b, sessionA.id()), "session_not_found");
        assertNotFound(() -> reviews.addMessage(b, sessionA.id(), "planted", "key:bbbb"), "session_not_found");
        assertThat(reviews.list(a, sessionA.id())).extracting(r -> r.message()).containsExactly("looks fine");
    }

    @Test
    void bCannotDecideOnAsFinishedSession() {
        var a = orgA.organization().id();
        sessions.recordAttempt(sessionA.id(), LD, AttemptOutcome.pass(json("{}")));

        assertNotFound(() -> reviews.decide(orgB.organization().id(), sessionA.id(), SessionStatus.APPROVED, null, "key:bbbb"),
                "session_not_found");

        assertThat(sessions.get(a, sessionA.id()).status()).isEqualTo(SessionStatus.FINISHED);
        assertThat(reviews.list(a, sessionA.id())).isEmpty();
    }

    @Test
    void anotherTenantsSessionLooksExactlyLikeAMissingOne() {
        var b = orgB.organization().id();
        var missingId = UUID.randomUUID();
        var foreign = assertNotFound(() -> sessions.get(b, sessionA.id()), "session_not_found");
        var missing = assertNotFound(() -> sessions.get(b, missingId), "session_not_found");
        assertThat(foreign.getMessage().replace(sessionA.id().toString(), "ID"))
                .isEqualTo(missing.getMessage().replace(missingId.toString(), "ID"));
    }
}
