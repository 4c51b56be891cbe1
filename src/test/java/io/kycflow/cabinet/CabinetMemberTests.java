package io.kycflow.cabinet;

import java.net.URI;
import java.util.UUID;

import io.kycflow.IntegrationTest;
import io.kycflow.cabinet.internal.TotpCodes;
import io.kycflow.organization.OrganizationService;
import io.kycflow.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.kycflow.cabinet.CabinetPeople.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Owners managing members over real HTTP: a role change and a removal end the member's sessions at once (also one
 * signed in with two-factor), the last owner stays, another organization's member is not found, and a revoked
 * invitation's link stops working.
 */
@IntegrationTest
class CabinetMemberTests {

    @LocalServerPort
    int port;
    @Autowired
    OrganizationService organizations;
    @Autowired
    io.kycflow.flow.FlowService flows;
    @Autowired
    io.kycflow.technology.TechnologyCatalog catalog;
    @Autowired
    JdbcClient jdbc;

    CabinetPeople people;

    @BeforeEach
    void setUp() {
        people = new CabinetPeople(port, new TestData(organizations, flows, catalog));
    }

    UUID idOf(String email) {
        return jdbc.sql("SELECT id FROM cabinet_member WHERE email = ?").param(email).query(UUID.class).single();
    }

    String roleOf(String email) {
        return jdbc.sql("SELECT role FROM cabinet_member WHERE email = ?").param(email).query(String.class).single();
    }

    @Test
    void aRoleChangeEndsTheMembersSessionsAndTheNewRoleApplies() {
        var org = people.org();
        var adminEmail = org.emails().get(CabinetRole.ADMIN);
        var admin = people.signedIn(adminEmail);
        assertThat(admin.get("/cabinet/api-key").status()).isEqualTo(200);
        var owner = people.signedIn(org.emails().get(CabinetRole.OWNER));
        owner.get("/cabinet/members");
        var changed = owner.post("/cabinet/members/" + idOf(adminEmail) + "/role", "role", "VIEWER");
        assertThat(changed.status()).isEqualTo(302);
        assertThat(owner.get("/cabinet/members").body()).contains(adminEmail + " is now VIEWER");
        assertThat(roleOf(adminEmail)).isEqualTo("VIEWER");
        var dead = admin.get("/cabinet/api-key");
        assertThat(dead.status()).isEqualTo(302);
        assertThat(dead.location()).contains("/cabinet/login");
        assertThat(people.signedIn(adminEmail).get("/cabinet/api-key").status()).isEqualTo(403);
        assertThat(owner.get("/cabinet/audit.csv").body()).contains("\"role_change\"", "\"ADMIN to VIEWER\"");

        owner.get("/cabinet/members");
        var bad = owner.post("/cabinet/members/" + idOf(adminEmail) + "/role", "role", "EMPEROR");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(roleOf(adminEmail)).isEqualTo("VIEWER");
    }

    @Test
    void theLastOwnerCanNeitherBeDemotedNorRemoved() {
        var org = people.org();
        var ownerEmail = org.emails().get(CabinetRole.OWNER);
        var owner = people.signedIn(ownerEmail);
        owner.get("/cabinet/members");
        var demote = owner.post("/cabinet/members/" + idOf(ownerEmail) + "/role", "role", "ADMIN");
        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.body()).contains("last owner");
        var leave = owner.post("/cabinet/members/" + idOf(ownerEmail) + "/remove");
        assertThat(leave.status()).isEqualTo(409);
        assertThat(roleOf(ownerEmail)).isEqualTo("OWNER");
        assertThat(owner.get("/cabinet/members").status()).isEqualTo(200);

        // with a second owner, the first may step down (and is signed out, like anyone whose role changes)
        var adminEmail = org.emails().get(CabinetRole.ADMIN);
        owner.post("/cabinet/members/" + idOf(adminEmail) + "/role", "role", "OWNER");
        owner.get("/cabinet/members");
        assertThat(owner.post("/cabinet/members/" + idOf(ownerEmail) + "/role", "role", "ADMIN").status()).isEqualTo(302);
        assertThat(roleOf(ownerEmail)).isEqualTo("ADMIN");
        assertThat(owner.get("/cabinet/members").location()).contains("/cabinet/login");
    }

    @Test
    void aRemovedMembersSessionStopsWorkingAtOnceEvenAfterTwoFactor() {
        var org = people.org();
        var email = org.emails().get(CabinetRole.REVIEWER);
        var enrolment = people.signedIn(email);
        var secret = CabinetPeople.secretOn(enrolment.get("/cabinet/account/two-factor"));
        enrolment.post("/cabinet/account/two-factor", "code", TotpCodes.code(secret, 0));
        var reviewer = new CabinetClient(port);
        assertThat(reviewer.login(email, PASSWORD)).endsWith("/cabinet/login/two-factor");
        reviewer.get("/cabinet/login/two-factor");
        assertThat(reviewer.post("/cabinet/login/two-factor", "code", TotpCodes.code(secret, 1)).status()).isEqualTo(302);
        assertThat(reviewer.get("/cabinet/sessions").status()).isEqualTo(200);

        var owner = people.signedIn(org.emails().get(CabinetRole.OWNER));
        owner.get("/cabinet/members");
        var removed = owner.post("/cabinet/members/" + idOf(email) + "/remove");
        assertThat(removed.status()).isEqualTo(302);
        assertThat(reviewer.get("/cabinet/sessions").status()).isEqualTo(302);
        assertThat(enrolment.get("/cabinet/sessions").status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cabinet_member WHERE email = ?").param(email).query(Integer.class).single()).isZero();
        assertThat(new CabinetClient(port).login(email, PASSWORD)).endsWith("/cabinet/login?error");
        assertThat(owner.get("/cabinet/audit.csv").body()).contains("\"member_removed\"");
    }

    @Test
    void anotherOrganizationsMemberIsNotFound() {
        var a = people.org();
        var b = people.org();
        var owner = people.signedIn(a.emails().get(CabinetRole.OWNER));
        owner.get("/cabinet/members");
        var foreignEmail = b.emails().get(CabinetRole.VIEWER);
        assertThat(owner.post("/cabinet/members/" + idOf(foreignEmail) + "/remove").status()).isEqualTo(404);
        assertThat(owner.post("/cabinet/members/" + idOf(foreignEmail) + "/role", "role", "OWNER").status()).isEqualTo(404);
        assertThat(roleOf(foreignEmail)).isEqualTo("VIEWER");
        assertThat(owner.get("/cabinet/members").body()).doesNotContain(foreignEmail);
    }

    @Test
    void aRevokedInvitationsLinkNoLongerWorks() {
        var org = people.org();
        var owner = people.signedIn(org.emails().get(CabinetRole.OWNER));
        var email = "revoked-" + TestData.unique() + "@example.com";
        var link = CabinetPeople.invite(owner, email, CabinetRole.ADMIN);
        var path = URI.create(link).getRawPath();
        assertThat(new CabinetClient(port).get(path).status()).isEqualTo(200);
        var ref = jdbc.sql("SELECT token_hash FROM cabinet_invitation WHERE email = ?").param(email).query(String.class).single();
        var page = owner.get("/cabinet/members");
        assertThat(page.body()).contains("value=\"" + ref + "\"");
        var revoked = owner.post("/cabinet/members/invitations/revoke", "invitation", ref);
        assertThat(revoked.status()).isEqualTo(302);
        assertThat(new CabinetClient(port).get(path).status()).isEqualTo(404);
        assertThat(owner.get("/cabinet/members").body()).contains(">revoked<");
        assertThat(owner.post("/cabinet/members/invitations/revoke", "invitation", ref).status()).isEqualTo(404);
        assertThat(owner.get("/cabinet/audit.csv").body()).contains("\"invitation_revoked\"");
    }
}
